package cn.fulian.reporting.summary;

import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.PaceStatus;
import cn.fulian.reporting.period.ReportPeriod;
import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.summary.SummaryDraft.Source;
import cn.fulian.reporting.summary.SummaryDraft.SourceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the annual summary draft in the federation's own form (see 福州市妇联《2013年工作回顾》): the title
 * 「<单位>妇联<年>年工作总结」, an opening paragraph (在…的领导和上级妇联的指导下, 围绕…, how many tasks met their target),
 * a numbered section per work area whose paragraph runs "一是…；二是…。" with each figure, its unit and its completion of
 * the year's target, then 存在的不足 (the tasks behind pace) and 明年工作思路 (next year's plan, when published).
 *
 * <p>Only two kinds of figure appear, each listed in its paragraph's sources: what activities recorded (the live
 * actual) and what the parent approved in a progress report. A figure nothing was recorded for gets no sentence: a
 * summary that says "控制在0件" of something nobody counted tells the reader something untrue.
 */
final class SummaryWriter {

    static final String RIGHTS_AREA = "维护妇女儿童合法权益";
    static final String SHORTCOMINGS = "存在的不足";
    static final String NEXT_YEAR = "明年工作思路";
    static final String OTHER_AREA = "其他工作";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Tasks behind pace, most pressing first. */
    private static final List<String> BEHIND = List.of("OVERDUE", "RED", "YELLOW");

    /** A task title ending in its target ("举办各类培训班100期", "培训妇女不少于5000人次"): the part before is the verb phrase. */
    private static final Pattern TRAILING_TARGET =
            Pattern.compile("(?:不少于|不低于|不超过|不高于|至少|达到|超过|力争|控制在|≥|≤|>=|<=|＞|＜|>|<)?\\s*\\d+(?:\\.\\d+)?\\s*"
                    + "(?:%|[^\\d\\s%]{0,4}?)(?:以上|以内|以下|左右)?$");

    /** A task of next year's plan, as much of it as the summary needs. */
    record PlannedTask(String workArea, String title) {}

    private final String unitName;
    private final int year;
    private final LocalDate today;

    private SummaryWriter(String unitName, int year, LocalDate today) {
        this.unitName = unitName == null ? "" : unitName.strip();
        this.year = year;
        this.today = today;
    }

    /**
     * The draft of {@code unitName}'s summary of {@code year}, as of {@code today}, from the unit's task rows (in plan
     * order), its rights figures (null when unknown) and next year's published tasks (empty when none).
     */
    static SummaryDraft write(
            String unitName,
            int year,
            LocalDate today,
            List<TaskRow> rows,
            RightsKpis rights,
            List<PlannedTask> nextYear) {
        return new SummaryWriter(unitName, year, today).draft(rows, rights, nextYear);
    }

    private SummaryDraft draft(List<TaskRow> rows, RightsKpis rights, List<PlannedTask> nextYear) {
        Map<String, Area> areas = new LinkedHashMap<>();
        for (TaskRow r : rows) {
            areas.computeIfAbsent(areaKey(areaOf(r.workArea())), k -> new Area(areaOf(r.workArea())))
                    .rows
                    .add(r);
        }
        List<Section> sections = new ArrayList<>();
        // the rights desk's figures, unless the plan's own rights tasks state them already
        Paragraph rightsParagraph =
                rows.stream().anyMatch(r -> "RIGHTS".equals(r.source()) && hasData(r)) ? null : rights(rights);
        Area rightsArea = rightsParagraph == null ? null : rightsArea(areas);
        for (Area area : areas.values()) {
            List<Paragraph> paragraphs = new ArrayList<>();
            Paragraph figures = figures(area.rows);
            if (figures != null) {
                paragraphs.add(figures);
            }
            if (area == rightsArea) {
                paragraphs.add(rightsParagraph);
            }
            if (!paragraphs.isEmpty()) {
                sections.add(new Section(area.name, paragraphs));
            }
        }
        if (rightsParagraph != null && rightsArea == null) {
            sections.add(new Section(RIGHTS_AREA, List.of(rightsParagraph)));
        }
        List<String> reported = sections.stream().map(Section::workArea).toList();
        Paragraph shortcomings = shortcomings(rows);
        if (shortcomings != null) {
            sections.add(new Section(SHORTCOMINGS, List.of(shortcomings)));
        }
        List<Paragraph> plan = nextYear(nextYear);
        if (!plan.isEmpty()) {
            sections.add(new Section(NEXT_YEAR, plan));
        }
        return new SummaryDraft(title(unitName, year), List.of(opening(rows, reported)), sections);
    }

    private static final class Area {
        final String name;
        final List<TaskRow> rows = new ArrayList<>();

        Area(String name) {
            this.name = name;
        }
    }

    // ---- title and opening

    /** 「福州市妇联2013年工作总结」; a name that already says 妇联 is not given a second one. */
    static String title(String unitName, int year) {
        return federation(unitName == null ? "" : unitName.strip()) + year + "年工作总结";
    }

    private static String federation(String name) {
        return name.endsWith("妇联") || name.endsWith("妇女联合会") ? name : name + "妇联";
    }

    /** The place without the federation: 「鼓楼区」 of 「鼓楼区妇联」. */
    private String place() {
        String name = unitName;
        for (String suffix : List.of("妇女联合会", "妇联")) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** Who leads the unit and whom it speaks for, as the level's own documents say it. */
    private record Voice(String leadership, String organisations) {}

    private Voice voice() {
        String place = place();
        if (place.endsWith("街道")) {
            return new Voice("街道党工委、办事处", "全街道各社区妇联组织");
        }
        if (place.endsWith("镇")) {
            return new Voice("镇党委、镇政府", "全镇各村（社区）妇联组织");
        }
        if (place.endsWith("乡")) {
            return new Voice("乡党委、乡政府", "全乡各村妇联组织");
        }
        if (place.endsWith("市")) {
            return new Voice("市委、市政府", "全市各级妇联组织");
        }
        if (place.endsWith("区")) {
            return new Voice("区委、区政府", "全区各级妇联组织");
        }
        if (place.endsWith("县")) {
            return new Voice("县委、县政府", "全县各级妇联组织");
        }
        return new Voice("党组织", federation(unitName));
    }

    /**
     * 「2032年，在区委、区政府的领导和上级妇联的指导下，全区各级妇联组织紧紧围绕年度工作要点，扎实推进…各项工作。全年承担重点任务
     * 2项，其中1项已完成年度目标。」
     */
    private Paragraph opening(List<TaskRow> rows, List<String> areas) {
        Voice v = voice();
        StringBuilder s = new StringBuilder()
                .append(year)
                .append("年，在")
                .append(v.leadership())
                .append("的领导和上级妇联的指导下，")
                .append(v.organisations())
                .append("紧紧围绕年度工作要点");
        if (areas.isEmpty()) {
            s.append("开展工作。");
        } else {
            List<String> named = areas.size() > 4 ? areas.subList(0, 4) : areas;
            s.append("，扎实推进").append(String.join("、", named));
            s.append(areas.size() > 4 ? "等各项工作。" : areas.size() > 1 ? "各项工作。" : "工作。");
        }
        List<TaskRow> targeted = rows.stream().filter(r -> r.target() != null).toList();
        long met = targeted.stream().filter(SummaryWriter::met).count();
        int n = targeted.size();
        if (n > 0) {
            s.append(sofar());
            if (met == n) {
                s.append("承担的").append(n).append(n == 1 ? "项重点任务已完成年度目标。" : "项重点任务全部完成年度目标。");
            } else if (met > 0) {
                s.append("承担重点任务").append(n).append("项，其中").append(met).append("项已完成年度目标。");
            } else {
                s.append("承担重点任务").append(n).append("项，尚未有任务完成年度目标。");
            }
        }
        return new Paragraph(s.toString(), List.of());
    }

    /** 「全年」 once the year is over, 「截至6月30日，」 while it runs. */
    private String sofar() {
        if (today != null && today.getYear() == year && today.isBefore(LocalDate.of(year, 12, 31))) {
            return "截至" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日，";
        }
        return "全年";
    }

    // ---- the work areas

    /** 「一是举办各类培训班30期，完成年度目标的50%；二是…。」, with a source for every figure; null if no task has one. */
    private static Paragraph figures(List<TaskRow> rows) {
        List<String> clauses = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (TaskRow r : rows) {
            String clause = clause(r, sources);
            if (clause != null) {
                clauses.add(clause);
            }
        }
        return clauses.isEmpty() ? null : new Paragraph(enumerate(clauses), sources);
    }

    /** What was done toward one task, or null when nothing was recorded nor approved. */
    private static String clause(TaskRow r, List<Source> sources) {
        boolean recorded = hasRecorded(r);
        boolean approved = r.approved() != null;
        if (!recorded && !approved) {
            return null;
        }
        String unit = unit(r);
        StringBuilder s = new StringBuilder();
        if (recorded) {
            s.append(statement(r, r.actual()));
            sources.add(new Source(r.title(), name(r), kindOf(r), r.actual(), unit));
            if (approved) {
                s.append("，")
                        .append(asOf(r.approvedPeriod()))
                        .append("经上级审核确认")
                        .append(rate(r) ? "为" : "")
                        .append(number(r.approved()))
                        .append(unit);
            }
        } else {
            s.append(asOf(r.approvedPeriod())).append("经上级审核确认，").append(statement(r, r.approved()));
        }
        if (approved) {
            sources.add(new Source(
                    r.title(),
                    name(r) + "（" + periodLabel(r.approvedPeriod()) + "）",
                    SourceKind.APPROVED,
                    r.approved(),
                    unit));
        }
        return s.toString();
    }

    /** The figure in the federation's words, with its target's completion where the task has a target. */
    private static String statement(TaskRow r, BigDecimal value) {
        String unit = unit(r);
        BigDecimal target = r.target();
        boolean atMost = atMost(r);
        StringBuilder s = new StringBuilder();
        if (rate(r)) {
            s.append(name(r)).append("为").append(number(value)).append("%");
            if (target != null) {
                BigDecimal gap = value.subtract(target).abs();
                if (met(r, value)) {
                    s.append(atMost ? "，控制在年度目标" + number(target) + "%以内" : "，达到年度目标");
                } else {
                    s.append(atMost ? "，高于年度控制目标" : "，低于年度目标")
                            .append(number(gap))
                            .append("个百分点");
                }
            }
        } else if (atMost) {
            s.append(name(r)).append(number(value)).append(unit);
            if (target != null) {
                s.append(
                        met(r, value)
                                ? "，控制在年度目标" + number(target) + unit + "以内"
                                : "，超出年度控制目标" + number(value.subtract(target)) + unit);
            }
        } else {
            s.append(phrase(r)).append(number(value)).append(unit);
            if (target != null && target.signum() > 0) {
                s.append("，完成年度目标的").append(percent(value, target)).append("%");
            }
        }
        return s.toString();
    }

    /**
     * Whether the task's source recorded something. The read model adds up from zero, so a count or amount of 0 is
     * what "nothing recorded" looks like for a floor; a ceiling or a rate without data is NO_DATA, so a ceiling's 0
     * that is not NO_DATA was measured (重复信访0件 among the year's cases) and is stated.
     */
    static boolean hasRecorded(TaskRow r) {
        if (r.actual() == null || r.paceStatus() == PaceStatus.NO_DATA) {
            return false;
        }
        if (r.actual().signum() == 0 && r.approved() != null && r.approved().signum() == 0) {
            return false; // a zero an approved report confirms reads best as the confirmation alone
        }
        return rate(r) || "AT_MOST".equals(r.direction()) || r.actual().signum() != 0;
    }

    /** Where a stated figure came from, as the source table names it. */
    private static SourceKind kindOf(TaskRow r) {
        if ("RIGHTS".equals(r.source())) {
            return SourceKind.RIGHTS;
        }
        return "HONOURS".equals(r.source()) ? SourceKind.HONOURS : SourceKind.RECORDED;
    }

    /** Whether the task has a figure the summary may state: recorded, or confirmed by an approved report. */
    static boolean hasData(TaskRow r) {
        return hasRecorded(r) || r.approved() != null;
    }

    /** The figure the summary states for the task: the recorded one, else the approved one, else null. */
    private static BigDecimal figure(TaskRow r) {
        return hasRecorded(r) ? r.actual() : r.approved();
    }

    /** Whether the task's stated figure meets its target (for a ceiling: stays within it). */
    static boolean met(TaskRow r) {
        BigDecimal figure = figure(r);
        return figure != null && r.target() != null && met(r, figure);
    }

    private static boolean met(TaskRow r, BigDecimal value) {
        int c = value.compareTo(r.target());
        return atMost(r) ? c <= 0 : c >= 0;
    }

    // ---- rights

    /** 「受理来信来访2件，办结1件，办结率为50%；回访1件，满意率为100%。」, or null without cases. */
    static Paragraph rights(RightsKpis k) {
        if (k == null || k.received() == 0) {
            return null;
        }
        List<Source> sources = new ArrayList<>();
        StringBuilder text = new StringBuilder("受理来信来访").append(k.received()).append("件");
        sources.add(new Source(null, "受理来信来访", SourceKind.RIGHTS, BigDecimal.valueOf(k.received()), "件"));
        text.append("，办结").append(k.closed()).append("件");
        sources.add(new Source(null, "办结", SourceKind.RIGHTS, BigDecimal.valueOf(k.closed()), "件"));
        if (k.closureRate() != null) {
            text.append("，办结率为").append(number(k.closureRate())).append("%");
            sources.add(new Source(null, "办结率", SourceKind.RIGHTS, k.closureRate(), "%"));
        }
        if (k.followUps() > 0 && k.satisfiedRate() != null) {
            text.append("；回访")
                    .append(k.followUps())
                    .append("件，满意率为")
                    .append(number(k.satisfiedRate()))
                    .append("%");
            sources.add(new Source(null, "回访", SourceKind.RIGHTS, BigDecimal.valueOf(k.followUps()), "件"));
            sources.add(new Source(null, "回访满意率", SourceKind.RIGHTS, k.satisfiedRate(), "%"));
        }
        return new Paragraph(text.append("。").toString(), sources);
    }

    /** The plan's own rights work area, if it has one (「维护妇女儿童合法权益」, 「妇女儿童维权」). */
    private static Area rightsArea(Map<String, Area> areas) {
        Area own = areas.get(areaKey(RIGHTS_AREA));
        if (own != null) {
            return own;
        }
        return areas.entrySet().stream()
                .filter(e -> e.getKey().contains("权益") || e.getKey().contains("维权"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    // ---- 存在的不足

    /** 「一是“…”任务进度严重滞后，完成年度目标的24%；二是…。」 for the tasks behind pace that have figures; else null. */
    private Paragraph shortcomings(List<TaskRow> rows) {
        List<String> clauses = rows.stream()
                .filter(r ->
                        r.paceStatus() != null && BEHIND.contains(r.paceStatus().name()) && hasData(r))
                .sorted(Comparator.comparingInt(
                        r -> BEHIND.indexOf(r.paceStatus().name())))
                .map(this::behind)
                .toList();
        // the figures were stated, with their sources, in the work areas' sections
        return clauses.isEmpty() ? null : new Paragraph(enumerate(clauses), List.of());
    }

    private String behind(TaskRow r) {
        StringBuilder s = new StringBuilder("“")
                .append(r.title() == null ? name(r) : r.title().strip())
                .append("”任务");
        switch (r.paceStatus().name()) {
            case "OVERDUE" -> {
                s.append(r.dueDate() == null ? "已过完成期限" : "已于" + date(r.dueDate()) + "到期");
            }
            case "RED" -> s.append("进度严重滞后");
            default -> s.append("进度滞后于序时进度");
        }
        BigDecimal figure = figure(r);
        BigDecimal target = r.target();
        if (target == null) {
            return s.toString();
        }
        if (rate(r)) {
            s.append("，").append(name(r)).append("为").append(number(figure)).append("%");
            if (!met(r, figure)) {
                s.append(atMost(r) ? "，高于年度控制目标" : "，距年度目标尚差")
                        .append(number(figure.subtract(target).abs()))
                        .append("个百分点");
            }
        } else if (atMost(r)) {
            s.append(met(r, figure) ? "，按目前进度预计将超出年度控制目标" : "，已超出年度控制目标");
        } else if (target.signum() > 0) {
            s.append("，仅完成年度目标的").append(percent(figure, target)).append("%");
        }
        return s.toString();
    }

    private String date(LocalDate d) {
        return (d.getYear() == year ? "" : d.getYear() + "年") + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    // ---- 明年工作思路

    /** 「2033年，全区各级妇联组织将…重点抓好以下工作：」 then 「（一）服务妇女发展。一是…；二是…。」 per work area. */
    private List<Paragraph> nextYear(List<PlannedTask> tasks) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> titles = new LinkedHashMap<>();
        for (PlannedTask t : tasks) {
            String title = t.title() == null ? "" : t.title().strip().replaceAll("[。；;，,.\\s]+$", "");
            if (title.isEmpty()) {
                continue;
            }
            String key = areaKey(areaOf(t.workArea()));
            names.putIfAbsent(key, areaOf(t.workArea()));
            titles.computeIfAbsent(key, k -> new ArrayList<>()).add(title);
        }
        if (titles.isEmpty()) {
            return List.of();
        }
        List<Paragraph> out = new ArrayList<>();
        out.add(new Paragraph((year + 1) + "年，" + voice().organisations() + "将紧紧围绕年度工作要点，重点抓好以下工作：", List.of()));
        int n = 0;
        for (Map.Entry<String, List<String>> e : titles.entrySet()) {
            String lead = titles.size() > 1 ? "（" + Numerals.chinese(++n) + "）" : "";
            out.add(new Paragraph(lead + names.get(e.getKey()) + "。" + enumerate(e.getValue()), List.of()));
        }
        return out;
    }

    // ---- wording

    /** 「一是A；二是B。」, or 「A。」 for one. */
    static String enumerate(List<String> clauses) {
        if (clauses.size() == 1) {
            return clauses.get(0) + "。";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < clauses.size(); i++) {
            s.append(i == 0 ? "" : "；")
                    .append(Numerals.chinese(i + 1))
                    .append("是")
                    .append(clauses.get(i));
        }
        return s.append("。").toString();
    }

    /**
     * The key under which spellings of one work area meet: 「维护妇女儿童合法权益」 and 「维护妇女儿童权益」, full- and
     * half-width marks, spaces.
     */
    static String areaKey(String area) {
        String s = Normalizer.normalize(area, Normalizer.Form.NFKC).replace("合法", "");
        StringBuilder key = new StringBuilder();
        s.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isPunctuation(cp))
                .forEach(key::appendCodePoint);
        return key.toString();
    }

    private static final Set<Integer> PUNCTUATION_TYPES = Set.of(
            (int) Character.CONNECTOR_PUNCTUATION,
            (int) Character.DASH_PUNCTUATION,
            (int) Character.START_PUNCTUATION,
            (int) Character.END_PUNCTUATION,
            (int) Character.INITIAL_QUOTE_PUNCTUATION,
            (int) Character.FINAL_QUOTE_PUNCTUATION,
            (int) Character.OTHER_PUNCTUATION);

    private static boolean isPunctuation(int cp) {
        return PUNCTUATION_TYPES.contains(Character.getType(cp));
    }

    private static String areaOf(String workArea) {
        return workArea == null || workArea.isBlank() ? OTHER_AREA : workArea.strip();
    }

    /** 「举办各类培训班」 from 「举办各类培训班100期」; a title without a target keeps its words and names the indicator. */
    static String phrase(TaskRow r) {
        String title = r.title() == null ? "" : r.title().strip();
        String stripped = TRAILING_TARGET.matcher(title).replaceFirst("").strip();
        if (!stripped.isEmpty() && !stripped.equals(title)) {
            return stripped;
        }
        String indicator = r.indicatorName();
        if (title.isEmpty()) {
            return indicator == null ? "" : indicator;
        }
        if (indicator == null || indicator.isBlank() || title.endsWith(indicator)) {
            return title;
        }
        return title + "，" + indicator;
    }

    /** What a rate or a ceiling is called: the indicator's name, else the task's words. */
    private static String name(TaskRow r) {
        return r.indicatorName() == null || r.indicatorName().isBlank() ? phrase(r) : r.indicatorName();
    }

    private static boolean rate(TaskRow r) {
        return "RATE".equals(r.kind());
    }

    private static boolean atMost(TaskRow r) {
        return "AT_MOST".equals(r.direction());
    }

    private static String unit(TaskRow r) {
        return rate(r)
                ? "%"
                : r.indicatorUnit() == null ? "" : r.indicatorUnit().strip();
    }

    /** 「截至2032年第一季度」, 「截至2032年年底」. */
    private static String asOf(String period) {
        if (ReportPeriod.isValid(period)) {
            ReportPeriod p = ReportPeriod.parse(period);
            return "截至"
                    + (p.end().getMonthValue() == 12 && p.end().getDayOfMonth() == 31 ? p.year() + "年年底" : p.label());
        }
        return "截至" + period;
    }

    private static String periodLabel(String period) {
        return ReportPeriod.isValid(period) ? ReportPeriod.parse(period).label() : period;
    }

    /** 6814, 1200.5, 8888: as the federation's texts write figures, without trailing zeros or separators. */
    static String number(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** value ÷ target in percent, one decimal at most: 「103」, 「45.5」, never 「50.0」. */
    static String percent(BigDecimal value, BigDecimal target) {
        return number(value.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP));
    }
}
