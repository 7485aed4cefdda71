package cn.fulian.planning.orgunit;

import cn.fulian.events.orgunit.DivisionCodes;
import cn.fulian.events.orgunit.UnitType;
import cn.fulian.starter.problem.RowProblem;
import cn.fulian.starter.scope.OrgPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks the rows of a tree file against each other and against the registry, and plans what importing them adds.
 * Every problem of every row is found in one pass (the file is mended once, not row by row); rows that only restate
 * a registered unit are unchanged; new units are planned parents first, with the codes the platform gives units that
 * are not divisions.
 */
final class TreeCheck {

    /** A unit the import adds, at the path it will have. */
    record PlannedUnit(int row, String code, String name, UnitType type, OrgPath path, boolean codeGiven) {}

    /** What a file would do: its rows, the units it adds in tree order, the rows already registered, its problems. */
    record TreePlan(int rows, List<PlannedUnit> toAdd, int unchanged, List<RowProblem> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** A place in the tree a row's unit goes under: a registered unit or another row's. */
    private record Place(OrgPath path, String code, UnitType type) {}

    private static final String TYPES =
            Arrays.stream(UnitType.values()).map(UnitType::label).collect(Collectors.joining("、"));

    private final Map<String, OrgUnit> registry;
    private final BiFunction<String, String, Optional<OrgUnit>> namedChild;
    private final Function<String, Set<Integer>> usedSequences;
    private final Predicate<OrgPath> visible;
    private final boolean newTree;

    private List<TreeRow> rows;
    private String[] code;
    private String[] name;
    private UnitType[] type;
    private boolean[] usable;
    private int[] parentRow;
    private OrgUnit[] parentUnit;
    private OrgUnit[] existing;
    private boolean[] root;
    private Place[] place;
    private boolean[] visited;
    private boolean[] codeError;
    private final List<RowProblem> errors = new ArrayList<>();
    private final List<PlannedUnit> toAdd = new ArrayList<>();
    private final Map<String, TreeSet<Integer>> sequences = new HashMap<>();

    /**
     * @param registry the registered units the rows name (as codes or parent codes), by code
     * @param namedChild the active registered unit of this name under a parent code: a row without a code that names
     *     it restates it, so a file imported twice adds its organs and organisations once
     * @param usedSequences the sequences of internal codes ever given under a parent code
     * @param visible whether the caller may see (and so build under) a registered unit
     * @param newTree whether the registry is empty, so that one row without a parent becomes the root
     */
    TreeCheck(
            Map<String, OrgUnit> registry,
            BiFunction<String, String, Optional<OrgUnit>> namedChild,
            Function<String, Set<Integer>> usedSequences,
            Predicate<OrgPath> visible,
            boolean newTree) {
        this.registry = registry;
        this.namedChild = namedChild;
        this.usedSequences = usedSequences;
        this.visible = visible;
        this.newTree = newTree;
    }

    /** The codes a check of these rows needs from the registry: every code and parent code they name. */
    static Set<String> codesNamed(List<TreeRow> rows) {
        Set<String> codes = new TreeSet<>();
        for (TreeRow r : rows) {
            for (String c : new String[] {r.code(), r.parentCode()}) {
                if (c != null && !c.isBlank()) {
                    codes.add(DivisionCodes.canonical(c.strip()));
                }
            }
        }
        return codes;
    }

    TreePlan check(List<TreeRow> fileRows) {
        rows = fileRows;
        int n = rows.size();
        code = new String[n];
        name = new String[n];
        type = new UnitType[n];
        usable = new boolean[n];
        parentRow = new int[n];
        parentUnit = new OrgUnit[n];
        existing = new OrgUnit[n];
        root = new boolean[n];
        place = new Place[n];
        visited = new boolean[n];
        codeError = new boolean[n];
        Arrays.fill(parentRow, -1);

        Map<String, Integer> byCode = readFields();
        resolveParents(byCode);
        compareWithRegistry();
        findRootsAndCycles();
        for (int i = 0; i < n; i++) {
            place(i);
        }
        int unchanged = (int) Arrays.stream(existing).filter(e -> e != null).count();
        errors.sort(Comparator.comparingInt(RowProblem::row));
        return new TreePlan(n, List.copyOf(toAdd), unchanged, List.copyOf(errors));
    }

    /** Name, type and code of each row on its own; the first row of each code. */
    private Map<String, Integer> readFields() {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            TreeRow r = rows.get(i);
            usable[i] = true;
            name[i] = r.name() == null ? "" : r.name().strip();
            if (name[i].isEmpty()) {
                error(i, "name", "名称不能为空", "the name must not be blank");
            } else if (name[i].length() > 50) {
                error(i, "name", "名称不能超过50个字", "the name must not be longer than 50 characters");
            }
            type[i] = UnitType.parse(r.type()).orElse(null);
            if (type[i] == null) {
                boolean blank = r.type() == null || r.type().isBlank();
                error(
                        i,
                        "type",
                        (blank ? "类型不能为空" : "未知的单位类型“" + r.type().strip() + "”") + "（可用：" + TYPES + "）",
                        (blank
                                        ? "the type must not be blank"
                                        : "unknown unit type '" + r.type().strip() + "'") + " (one of "
                                + Arrays.toString(UnitType.values()) + ")");
            }
            String c = r.code() == null || r.code().isBlank()
                    ? null
                    : DivisionCodes.canonical(r.code().strip());
            if (c != null && !DivisionCodes.isCode(c)) {
                error(
                        i,
                        "code",
                        "代码“" + c + "”格式不正确：须为6、9或12位行政区划代码，或上级代码加“-”和三位序号",
                        "code '" + c
                                + "' has the wrong shape: a 6-, 9- or 12-digit division code, or the parent's code,"
                                + " '-' and three digits");
                c = null;
            } else if (c == null && type[i] != null && type[i].hasDivisionCode()) {
                error(
                        i,
                        "code",
                        "“" + type[i].label() + "”须填写行政区划代码",
                        "a unit of type " + type[i].name() + " needs its division code");
            }
            code[i] = c;
            if (c != null) {
                Integer first = byCode.putIfAbsent(c, i);
                if (first != null) {
                    error(
                            i,
                            "code",
                            "代码" + c + "与第" + rows.get(first).row() + "行重复",
                            "code " + c + " is given twice, also in row "
                                    + rows.get(first).row());
                }
            }
        }
        return byCode;
    }

    private void resolveParents(Map<String, Integer> byCode) {
        for (int i = 0; i < rows.size(); i++) {
            TreeRow r = rows.get(i);
            if (r.parentIndex() >= 0) {
                parentRow[i] = r.parentIndex();
                continue;
            }
            String pc = r.parentCode() == null || r.parentCode().isBlank()
                    ? null
                    : DivisionCodes.canonical(r.parentCode().strip());
            if (pc == null) {
                continue;
            }
            Integer inFile = byCode.get(pc);
            OrgUnit registered = registry.get(pc);
            if (inFile != null) {
                parentRow[i] = inFile;
            } else if (registered != null && visible.test(registered.path())) {
                parentUnit[i] = registered;
                if (registered.retired()) {
                    error(
                            i,
                            "parentCode",
                            "上级单位" + pc + "（" + registered.name() + "）已撤销",
                            "the parent unit " + pc + " is retired");
                }
            } else {
                error(
                        i,
                        "parentCode",
                        "上级单位" + pc + "不存在（既未登记，也不在文件中）",
                        "unknown parent unit " + pc + " (neither registered nor in the file)");
            }
        }
    }

    /** A row whose code is registered restates that unit (unchanged) or contradicts it (an error saying how). */
    private void compareWithRegistry() {
        for (int i = 0; i < rows.size(); i++) {
            OrgUnit e = code[i] == null ? null : registry.get(code[i]);
            if (e == null) {
                continue;
            }
            if (!visible.test(e.path())) {
                error(i, "code", "代码" + code[i] + "已被其他单位使用", "code " + code[i] + " is already in use");
                continue;
            }
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            if (!e.name().equals(name[i])) {
                zh.add("名称为「" + e.name() + "」");
                en.add("its name is '" + e.name() + "'");
            }
            String declaredParent = declaredParentCode(i);
            if (declaredParent != null && !declaredParent.equals(e.parentCode())) {
                zh.add("上级为" + (e.parentCode() == null ? "无（根单位）" : e.parentCode()));
                en.add("its parent is " + (e.parentCode() == null ? "none (the root)" : e.parentCode()));
            }
            if (type[i] != null && type[i] != e.type()) {
                zh.add("类型为“" + e.type().label() + "”");
                en.add("its type is " + e.type().name());
            }
            if (zh.isEmpty()) {
                existing[i] = e;
            } else {
                error(
                        i,
                        "code",
                        "单位代码" + code[i] + "已登记，但" + String.join("、", zh) + "，与本行不同",
                        "unit code " + code[i] + " is registered, but " + String.join(", ", en));
            }
        }
    }

    private String declaredParentCode(int i) {
        if (parentRow[i] >= 0) {
            return code[parentRow[i]];
        }
        return parentUnit[i] != null ? parentUnit[i].code() : null;
    }

    private void findRootsAndCycles() {
        List<Integer> tops = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean top = parentRow[i] < 0
                    && parentUnit[i] == null
                    && (rows.get(i).parentCode() == null
                            || rows.get(i).parentCode().isBlank());
            if (top && existing[i] == null) {
                tops.add(i);
            }
        }
        for (int i : tops) {
            if (newTree && tops.size() == 1) {
                root[i] = true;
            } else if (newTree) {
                error(i, "parentCode", "只能有一个根单位（上级代码为空的单位）", "there can be only one root (a unit without parent)");
            } else {
                error(i, "parentCode", "须填写上级单位代码", "the parent code is required");
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            int steps = 0;
            for (int p = parentRow[i]; p >= 0 && steps <= rows.size(); p = parentRow[p], steps++) {
                if (p == i) {
                    error(
                            i,
                            "parentCode",
                            "上级关系成环：单位不能是自己的上级或下级的下级",
                            "the parents form a cycle: a unit cannot be its own ancestor");
                    usable[i] = false;
                    break;
                }
            }
        }
    }

    /** The row's place in the tree, parents placed first; a row that cannot be placed gets none. */
    private Place place(int i) {
        if (visited[i]) {
            return place[i];
        }
        visited[i] = true;
        if (existing[i] != null) {
            return place[i] = new Place(existing[i].path(), existing[i].code(), existing[i].type());
        }
        if (!usable[i]) {
            return null;
        }
        Place parent;
        if (root[i]) {
            parent = null;
        } else if (parentUnit[i] != null) {
            parent = parentUnit[i].retired()
                    ? null
                    : new Place(parentUnit[i].path(), parentUnit[i].code(), parentUnit[i].type());
            if (parent == null) {
                return null;
            }
        } else if (parentRow[i] >= 0) {
            parent = place(parentRow[i]);
            if (parent == null) {
                return null; // the parent row has problems of its own; this one is checked once it is mended
            }
        } else {
            return null;
        }
        if (name[i].isEmpty() || name[i].length() > 50 || type[i] == null || hasCodeError(i)) {
            return null;
        }
        if (parent == null && !type[i].canBeRoot()) {
            error(
                    i,
                    "type",
                    "根单位须为省、市、县、县级市或区，不能是“" + type[i].label() + "”",
                    "the root must be a province, city, county, county-level city or district, not " + type[i].name());
            return null;
        }
        String c = code[i];
        boolean given = false;
        if (c == null && parent != null) {
            Optional<OrgUnit> same = namedChild.apply(parent.code(), name[i]);
            if (same.isPresent() && same.get().type() == type[i]) {
                existing[i] = same.get();
                return place[i] = new Place(
                        same.get().path(), same.get().code(), same.get().type());
            }
            if (same.isPresent()) {
                error(
                        i,
                        "type",
                        "上级单位" + parent.code() + "下已有同名单位「" + name[i] + "」，类型为“"
                                + same.get().type().label() + "”",
                        "the parent " + parent.code() + " already has a unit '" + name[i] + "' of type "
                                + same.get().type().name());
                return null;
            }
        }
        if (c == null) {
            int next = nextSequence(parent.code());
            if (next > 999) {
                error(i, "code", "上级单位" + parent.code() + "下的编号已用完", "no codes are left under " + parent.code());
                return null;
            }
            c = DivisionCodes.internalCode(parent.code(), next);
            given = true;
        }
        if (parent != null && parent.path().depth() >= DivisionCodes.MAX_DEPTH) {
            error(
                    i,
                    "parentCode",
                    "层级超过" + DivisionCodes.MAX_DEPTH + "级：上级单位" + parent.code() + "已在第"
                            + parent.path().depth() + "级",
                    "deeper than " + DivisionCodes.MAX_DEPTH + " levels: the parent " + parent.code() + " is at level "
                            + parent.path().depth());
            return null;
        }
        var problem = DivisionCodes.checkPlacement(
                type[i], c, parent == null ? null : parent.type(), parent == null ? null : parent.code());
        if (problem.isPresent()) {
            error(
                    i,
                    problem.get().field(),
                    problem.get().message(),
                    problem.get().messageEn());
            return null;
        }
        OrgPath path = parent == null ? OrgPath.of(c) : parent.path().child(c);
        toAdd.add(new PlannedUnit(rows.get(i).row(), c, name[i], type[i], path, given));
        return place[i] = new Place(path, c, type[i]);
    }

    private boolean hasCodeError(int i) {
        return codeError[i];
    }

    /** The next internal sequence under a parent: after every one ever given there and every one the file names. */
    private int nextSequence(String parentCode) {
        TreeSet<Integer> used = sequences.computeIfAbsent(parentCode, p -> {
            TreeSet<Integer> s = new TreeSet<>(usedSequences.apply(p));
            for (String c : code) {
                DivisionCodes.internalSequence(p, c).ifPresent(s::add);
            }
            return s;
        });
        int next = used.isEmpty() ? 1 : used.last() + 1;
        used.add(next);
        return next;
    }

    private void error(int i, String field, String zh, String en) {
        errors.add(new RowProblem(rows.get(i).row(), field, zh, en));
        if (field.equals("code")) {
            codeError[i] = true;
        }
    }
}
