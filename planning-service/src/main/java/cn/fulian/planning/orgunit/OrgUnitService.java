package cn.fulian.planning.orgunit;

import cn.fulian.events.orgunit.DivisionCodes;
import cn.fulian.events.orgunit.UnitType;
import cn.fulian.planning.orgunit.UnitWorkload.OpenWork;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.InvalidRowsException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Reads the tree within the caller's scope; admins add, rename, move and retire units and import trees, each within
 * their own subtree. Every change goes out as {@code OrgUnitChanged} and stays in the unit's history.
 */
@Service
public class OrgUnitService {

    /** Who the history names for the tree registered on a first start. */
    static final String SYSTEM = "system";

    private static final String ADMINS_ONLY = "仅管理员可维护组织机构 / only admins maintain org units";
    private static final int NAMED = 10;

    private final OrgUnitRepository units;
    private final OrgUnitChangeRepository history;
    private final UnitWorkload workload;
    private final MongoTemplate mongo;
    private final Clock clock;

    OrgUnitService(
            OrgUnitRepository units,
            OrgUnitChangeRepository history,
            UnitWorkload workload,
            MongoTemplate mongo,
            Clock clock) {
        this.units = units;
        this.history = history;
        this.workload = workload;
        this.mongo = mongo;
        this.clock = clock;
    }

    // ---- reading

    public Page<OrgUnit> subtree(OrgScope scope, Pageable page) {
        return units.findByPathRegex(scope.subtreeRegex(), page);
    }

    public OrgUnit get(OrgScope scope, String code) {
        String c = DivisionCodes.canonical(code);
        OrgUnit unit = units.findById(c).orElseThrow(() -> new NotFoundException("单位 " + code));
        scope.requireVisible(unit.path(), "单位 " + code);
        return unit;
    }

    public List<OrgUnit> children(OrgScope scope, String code) {
        OrgUnit parent = get(scope, code);
        return units.findByParentCodeOrderByCode(parent.code());
    }

    /** Active direct children of a unit, the only units it may allocate to. */
    public Optional<OrgUnit> activeChild(OrgPath parent, String childCode) {
        return units.findById(childCode)
                .filter(u -> !u.retired())
                .filter(u -> u.path().isDirectChildOf(parent));
    }

    /** The unit with this code if the caller may see it. */
    public Optional<OrgUnit> findVisible(OrgScope scope, String code) {
        return units.findById(code).filter(u -> scope.canSee(u.path()));
    }

    public Optional<OrgUnit> find(OrgPath path) {
        return units.findById(path.code()).filter(u -> u.path().equals(path));
    }

    /** The root of the federation's tree, once it is registered. */
    public Optional<OrgUnit> root() {
        return units.findFirstByParentCodeIsNull();
    }

    /** The unit's changes, newest first. */
    public Page<OrgUnitChange> history(OrgScope scope, String code, Pageable page) {
        OrgUnit unit = get(scope, code);
        return history.findByCode(
                unit.code(),
                PageRequest.of(
                        page.getPageNumber(),
                        page.getPageSize(),
                        Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))));
    }

    public long count() {
        return units.count();
    }

    // ---- maintenance

    /**
     * Adds a unit under a parent in the admin's subtree. A division (街道, 社区 …) brings its code, which must lie
     * within the parent's; any other unit may leave the code out and gets the parent's code and the next sequence.
     */
    public OrgUnit add(OrgScope scope, String parentCode, String code, String name, String typeText) {
        scope.requireRole(Role.ADMIN, ADMINS_ONLY);
        UnitType type = UnitType.parse(typeText).orElseThrow(() -> unknownType(typeText));
        OrgUnit parent = get(scope, parentCode);
        if (parent.retired()) {
            throw new ConflictException("上级单位已撤销 / the parent unit is retired");
        }
        if (parent.path().depth() >= DivisionCodes.MAX_DEPTH) {
            throw new InvalidFieldException(
                    "parentCode",
                    "组织机构最多" + DivisionCodes.MAX_DEPTH + "级，上级单位已在最底层",
                    "the tree is at most " + DivisionCodes.MAX_DEPTH + " levels deep; the parent is at the bottom");
        }
        String c = code == null || code.isBlank() ? null : DivisionCodes.canonical(code.strip());
        if (c == null && type.hasDivisionCode()) {
            throw new InvalidFieldException(
                    "code",
                    "“" + type.label() + "”须填写行政区划代码",
                    "a unit of type " + type.name() + " needs its division code");
        }
        if (c == null) {
            c = DivisionCodes.internalCode(parent.code(), nextSequence(parent.code()));
        }
        requireFit(type, c, parent, "code");
        if (units.existsById(c)) {
            throw new ConflictException("单位代码已存在 / unit code " + c + " already exists");
        }
        OrgUnit unit = OrgUnit.register(parent.path().child(c), name.strip(), type, scope.username(), clock.instant());
        OrgUnit saved = units.insert(unit);
        recordHistory(List.of(saved));
        return saved;
    }

    public OrgUnit rename(OrgScope scope, String code, String name) {
        scope.requireRole(Role.ADMIN, ADMINS_ONLY);
        OrgUnit unit = get(scope, code);
        if (unit.name().equals(name.strip())) {
            return unit;
        }
        unit.rename(name.strip(), scope.username(), clock.instant());
        return save(unit);
    }

    /**
     * Puts a unit and everything below it under another parent in the admin's subtree. Each unit's path is rewritten
     * and published; the moved unit's document says which old path its units still carry until all have followed.
     */
    public OrgUnit move(OrgScope scope, String code, String parentCode) {
        scope.requireRole(Role.ADMIN, ADMINS_ONLY);
        OrgUnit unit = get(scope, code);
        OrgUnit parent = get(scope, parentCode);
        if (unit.path().isRoot() || scope.isOwnUnit(unit.path())) {
            throw new InvalidFieldException("parentCode", "本级根单位不能调整上级", "the root unit cannot be moved");
        }
        if (parent.path().isAtOrBelow(unit.path())) {
            throw new InvalidFieldException(
                    "parentCode", "不能把单位调整到它自己或它的下级单位之下", "a unit cannot move under itself or a unit below it");
        }
        if (unit.retired()) {
            throw new ConflictException("已撤销的单位不能调整上级 / a retired unit cannot move");
        }
        if (parent.retired()) {
            throw new ConflictException("上级单位已撤销 / the parent unit is retired");
        }
        if (parent.code().equals(unit.parentCode())) {
            return unit;
        }
        if (unit.type().hasDivisionCode()) {
            requireFit(unit.type(), unit.code(), parent, "parentCode");
        }
        List<OrgUnit> below = units.findByPathRegexOrderByPath(unit.path().belowRegex());
        int height = below.stream()
                .mapToInt(u -> u.path().depth() - unit.path().depth())
                .max()
                .orElse(0);
        if (parent.path().depth() + 1 + height > DivisionCodes.MAX_DEPTH) {
            throw new InvalidFieldException(
                    "parentCode",
                    "调整后组织机构将超过" + DivisionCodes.MAX_DEPTH + "级",
                    "after the move the tree would be deeper than " + DivisionCodes.MAX_DEPTH + " levels");
        }
        OpenWork open = workload.openAt(unit.path(), true, NAMED);
        if (!open.none()) {
            throw new ConflictException("该单位及其下级还有" + open.count() + "项未完成的任务，不能调整上级："
                    + String.join("、", open.examples()) + " / the unit and its units still have " + open.count()
                    + " open assignments; finish or cancel them first");
        }
        unit.moveUnder(parent.path(), scope.username(), clock.instant());
        OrgUnit moved = save(unit);
        finishMove(moved);
        return units.findById(moved.code()).orElse(moved);
    }

    /**
     * Retires a unit: it keeps its code, path and history but takes no new work. Never the root of the tree (nor the
     * admin's own unit, the root of its subtree), never a unit with active units below it or with open assignments.
     */
    public OrgUnit retire(OrgScope scope, String code) {
        scope.requireRole(Role.ADMIN, ADMINS_ONLY);
        OrgUnit unit = get(scope, code);
        if (unit.path().isRoot() || scope.isOwnUnit(unit.path())) {
            throw new ConflictException("不能撤销本级根单位 / the root unit cannot be retired");
        }
        if (unit.retired()) {
            throw new ConflictException("单位已撤销 / already retired");
        }
        List<OrgUnit> active = units.findByParentCodeAndRetiredFalseOrderByCode(unit.code());
        if (!active.isEmpty()) {
            throw new ConflictException("请先撤销其下级单位：" + named(active, OrgUnit::name) + "（共" + active.size()
                    + "个） / retire its " + active.size() + " active units first: " + named(active, OrgUnit::code));
        }
        OpenWork open = workload.openAt(unit.path(), false, NAMED);
        if (!open.none()) {
            throw new ConflictException("该单位还有" + open.count() + "项未完成的任务，不能撤销：" + String.join("、", open.examples())
                    + " / the unit still has " + open.count() + " open assignments: "
                    + String.join(", ", open.examples()));
        }
        unit.retire(scope.username(), clock.instant());
        return save(unit);
    }

    /**
     * Imports a tree file under units of the admin's subtree: checks every row first and answers 400 with each bad
     * row; a dry run stops there, otherwise all the file's new units are registered, parents first.
     */
    public ImportReport importTree(OrgScope scope, String fileName, String contentType, byte[] bytes, boolean dryRun) {
        scope.requireRole(Role.ADMIN, ADMINS_ONLY);
        List<TreeRow> rows = TreeFile.read(fileName, contentType, bytes, TreeFile.Limits.UPLOAD);
        TreeCheck.TreePlan plan = check(rows, scope::canSee, false);
        if (!plan.valid()) {
            throw new InvalidRowsException(plan.errors());
        }
        if (!dryRun) {
            register(plan, scope.username());
        }
        return ImportReport.of(plan, !dryRun);
    }

    /** Registers the federation's tree on a first start; a file with errors registers nothing. */
    ImportReport seed(List<TreeRow> rows) {
        TreeCheck.TreePlan plan = check(rows, path -> true, units.count() == 0);
        if (!plan.valid()) {
            throw new InvalidRowsException(plan.errors());
        }
        register(plan, SYSTEM);
        return ImportReport.of(plan, true);
    }

    /** Finishes what a stopped process left: units still to follow a move, changes still to copy to the history. */
    void repairPending() {
        units.findByMovedFromNotNull().forEach(this::finishMove);
        recordHistory(units.findByHistoryPendingTrue());
    }

    // ---- the rest

    private TreeCheck.TreePlan check(List<TreeRow> rows, Predicate<OrgPath> visible, boolean newTree) {
        Map<String, OrgUnit> known = units.findAllById(TreeCheck.codesNamed(rows)).stream()
                .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        return new TreeCheck(
                        known,
                        (parentCode, name) -> units.findFirstByParentCodeAndNameAndRetiredFalse(parentCode, name),
                        this::usedSequences,
                        visible,
                        newTree)
                .check(rows);
    }

    private void register(TreeCheck.TreePlan plan, String by) {
        Instant at = clock.instant();
        List<OrgUnit> created = plan.toAdd().stream()
                .map(u -> OrgUnit.register(u.path(), u.name(), u.type(), by, at))
                .toList();
        recordHistory(units.insert(created));
    }

    private void finishMove(OrgUnit unit) {
        OrgPath from = OrgPath.of(unit.movedFrom());
        OrgPath to = unit.path();
        Instant at = clock.instant();
        for (OrgUnit below : units.findByPathRegexOrderByPath(from.belowRegex())) {
            below.followAncestor(from, to, unit.movedBy(), at);
            save(below);
        }
        mongo.updateFirst(
                Query.query(
                        Criteria.where("_id").is(unit.code()).and("movedFrom").is(from.value())),
                new Update().unset("movedFrom").unset("movedBy"),
                OrgUnit.class);
    }

    private OrgUnit save(OrgUnit unit) {
        OrgUnit saved = units.save(unit);
        recordHistory(List.of(saved));
        return saved;
    }

    /**
     * Copies the changes waiting in the units' documents to the history (by id, so copying twice changes nothing) and
     * then takes them out of the documents.
     */
    private void recordHistory(List<OrgUnit> changed) {
        List<OrgUnitChange> changes = new ArrayList<>();
        for (OrgUnit u : changed) {
            u.pendingChanges().forEach(c -> changes.add(OrgUnitChange.of(u.code(), c)));
        }
        if (changes.isEmpty()) {
            return;
        }
        history.saveAll(changes);
        List<String> codes = changed.stream().map(OrgUnit::code).toList();
        List<String> ids = changed.stream()
                .flatMap(u -> u.pendingChanges().stream())
                .map(UnitChange::changeId)
                .toList();
        mongo.updateMulti(
                Query.query(Criteria.where("_id").in(codes)),
                new Update().pull("pendingChanges", new Document("changeId", new Document("$in", ids))),
                OrgUnit.class);
        mongo.updateMulti(
                Query.query(
                        Criteria.where("_id").in(codes).and("pendingChanges").size(0)),
                new Update().set("historyPending", false),
                OrgUnit.class);
    }

    private void requireFit(UnitType type, String code, OrgUnit parent, String field) {
        DivisionCodes.checkPlacement(type, code, parent.type(), parent.code()).ifPresent(p -> {
            throw new InvalidFieldException(field.equals("code") ? p.field() : field, p.message(), p.messageEn());
        });
    }

    private Set<Integer> usedSequences(String parentCode) {
        Set<Integer> used = new TreeSet<>();
        for (OrgUnit u : units.findByCodeRegex("^" + parentCode + "-\\d{3}$")) {
            DivisionCodes.internalSequence(parentCode, u.code()).ifPresent(used::add);
        }
        return used;
    }

    private int nextSequence(String parentCode) {
        int next = usedSequences(parentCode).stream().mapToInt(i -> i).max().orElse(0) + 1;
        if (next > 999) {
            throw new ConflictException("上级单位下的编号已用完 / no codes are left under " + parentCode);
        }
        return next;
    }

    private static InvalidFieldException unknownType(String text) {
        return new InvalidFieldException(
                "type",
                "未知的单位类型“" + text + "”（可用："
                        + Arrays.stream(UnitType.values()).map(UnitType::label).collect(Collectors.joining("、")) + "）",
                "unknown unit type '" + text + "' (one of " + Arrays.toString(UnitType.values()) + ")");
    }

    private static String named(List<OrgUnit> list, Function<OrgUnit, String> name) {
        String shown = list.stream().limit(NAMED).map(name).collect(Collectors.joining("、"));
        return list.size() > NAMED ? shown + "等" : shown;
    }
}
