package cn.fulian.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import cn.fulian.reporting.dashboard.PaceStatus;
import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.summary.SummaryDraft.Source;
import cn.fulian.reporting.summary.SummaryWriter.PlannedTask;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's text from the dashboard's rows, in the manner of the federation's own annual summaries. No Spring. */
class SummaryWriterTest {

    private static final int YEAR = 2013;
    private static final LocalDate AFTER_THE_YEAR = LocalDate.of(2014, 1, 10);
    private static final LocalDate MID_YEAR = LocalDate.of(2013, 6, 30);

    @Test
    void theTitleNamesTheUnitsFederationAndTheYearWithoutDoublingTheWordFederation() {
        assertThat(write("福州市", List.of()).title()).isEqualTo("福州市妇联2013年工作总结");
        assertThat(write("鼓楼区妇联", List.of()).title()).isEqualTo("鼓楼区妇联2013年工作总结");
        assertThat(write("福州市妇女联合会", List.of()).title()).isEqualTo("福州市妇女联合会2013年工作总结");
    }

    @Test
    void theOpeningSaysUnderWhoseLeadershipTheYearsWorkWasDoneAndHowManyTasksMetTheirTarget() {
        List<TaskRow> rows = List.of(
                training().actual("103").build(),
                people().actual("6814").build(),
                loans().actual("8888").build());

        SummaryDraft draft = SummaryWriter.write("福州市", YEAR, AFTER_THE_YEAR, rows, null, List.of());

        assertThat(draft.opening())
                .singleElement()
                .extracting(Paragraph::text)
                .isEqualTo("2013年，在市委、市政府的领导和上级妇联的指导下，"
                        + "全市各级妇联组织紧紧围绕年度工作要点，扎实推进服务妇女发展、服务妇女创业就业各项工作。"
                        + "全年承担重点任务3项，其中2项已完成年度目标。");
    }

    @Test
    void whileTheYearRunsTheOpeningCountsUpToTodayAndSpeaksForADistrictAsADistrict() {
        List<TaskRow> rows = List.of(training().actual("30").build());

        SummaryDraft draft = SummaryWriter.write("鼓楼区", YEAR, MID_YEAR, rows, null, List.of());

        assertThat(draft.opening().get(0).text())
                .isEqualTo(
                        "2013年，在区委、区政府的领导和上级妇联的指导下，全区各级妇联组织紧紧围绕年度工作要点，" + "扎实推进服务妇女发展工作。截至6月30日，承担重点任务1项，尚未有任务完成年度目标。");
    }

    @Test
    void eachWorkAreaIsOneSectionEnumeratingItsFiguresWithUnitsAndTheirCompletionOfTheTarget() {
        List<TaskRow> rows = List.of(
                training().actual("103").build(),
                loans().actual("8888").build(),
                people().actual("6814").build(),
                hotline().actual("96.5").build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(areas(draft)).containsExactly("服务妇女发展", "服务妇女创业就业", "维护妇女儿童合法权益");
        assertThat(text(draft, "服务妇女发展")).isEqualTo("一是举办“双学双比”培训班103期，完成年度目标的103%；二是培训妇女6814人次，完成年度目标的97.3%。");
        assertThat(text(draft, "服务妇女创业就业")).isEqualTo("新增妇女小额贴息贷款8888万元，完成年度目标的111.1%。");
        assertThat(text(draft, "维护妇女儿童合法权益")).isEqualTo("信访办结率为96.5%，低于年度目标1.5个百分点。");
    }

    @Test
    void percentagesAndAmountsAreWrittenWithoutTrailingZeros() {
        List<TaskRow> rows = List.of(
                training().target("60").actual("30.00").build(),
                loans().actual("1200.50").build(),
                hotline().actual("100.0").build());

        SummaryDraft draft = write("鼓楼区", rows);

        assertThat(text(draft, "服务妇女发展")).isEqualTo("举办“双学双比”培训班30期，完成年度目标的50%。");
        assertThat(text(draft, "服务妇女创业就业")).isEqualTo("新增妇女小额贴息贷款1200.5万元，完成年度目标的15%。");
        assertThat(text(draft, "维护妇女儿童合法权益")).isEqualTo("信访办结率为100%，达到年度目标。");
    }

    @Test
    void anApprovedReportIsCitedWithItsPeriodAndAConfirmedFigureStandsWhereNothingWasRecorded() {
        List<TaskRow> rows = List.of(
                training().actual("30").approved("30", "2013-Q1").build(),
                loans().actual("0").approved("1200", "2013-H1").build());

        SummaryDraft draft = write("鼓楼区", rows);

        assertThat(text(draft, "服务妇女发展")).isEqualTo("举办“双学双比”培训班30期，完成年度目标的30%，截至2013年第一季度经上级审核确认30期。");
        assertThat(text(draft, "服务妇女创业就业")).isEqualTo("截至2013年上半年经上级审核确认，新增妇女小额贴息贷款1200万元，完成年度目标的15%。");
        assertThat(sources(draft, "服务妇女发展"))
                .containsExactly("举办“双学双比”培训班100期|培训班|RECORDED|30期", "举办“双学双比”培训班100期|培训班（2013年第一季度）|APPROVED|30期");
    }

    @Test
    void aFigureNothingWasRecordedForGetsNoSentence() {
        List<TaskRow> rows = List.of(
                training().actual("103").build(),
                // nothing recorded: the read model's zero, and a rate with nothing to divide by
                loans().actual("0").status(PaceStatus.RED).build(),
                incidents().actual(null).status(PaceStatus.NO_DATA).build(),
                hotline().actual(null).status(PaceStatus.YELLOW).build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(areas(draft)).containsExactly("服务妇女发展");
        assertThat(allText(draft))
                .doesNotContain("贴息贷款")
                .doesNotContain("群体性事件")
                .doesNotContain("信访办结率")
                .doesNotContain("0件")
                .doesNotContain("0万元");
    }

    @Test
    void aMeasuredZeroStaysWhenAnApprovedReportConfirmsIt() {
        List<TaskRow> rows =
                List.of(incidents().actual("0").approved("0", "2013-Y").build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(text(draft, "维护妇女儿童合法权益")).isEqualTo("截至2013年年底经上级审核确认，涉及妇女儿童的重大群体性事件0件，控制在年度目标0件以内。");
    }

    @Test
    void aTaskTheDashboardMarksAsHavingNoDataGetsNoSentence() {
        List<TaskRow> rows = List.of(
                training().actual("103").build(),
                people().actual("12").status(PaceStatus.NO_DATA).build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(allText(draft)).doesNotContain("培训妇女");
    }

    @Test
    void spellingsOfOneWorkAreaMakeOneSectionUnderTheFirstSpelling() {
        List<TaskRow> rows = List.of(
                training().area("服务妇女创业、就业").actual("103").build(),
                loans().area("服务妇女创业,就业 ").actual("8888").build(),
                hotline().area("维护妇女儿童权益").actual("99").build(),
                incidents().area("维护妇女儿童合法权益").actual("1").build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(areas(draft)).containsExactly("服务妇女创业、就业", "维护妇女儿童权益");
        assertThat(text(draft, "服务妇女创业、就业")).startsWith("一是举办").contains("二是新增妇女小额贴息贷款8888万元");
        assertThat(SummaryWriter.areaKey("维护妇女儿童（合法）权益")).isEqualTo(SummaryWriter.areaKey("维护妇女儿童权益"));
        assertThat(SummaryWriter.areaKey("服务妇女(创业)")).isEqualTo(SummaryWriter.areaKey("服务妇女（创业）"));
    }

    @Test
    void theRightsFiguresJoinThePlansOwnRightsSection() {
        List<TaskRow> rows = List.of(
                training().actual("103").build(),
                hotline().area("维护妇女儿童权益").actual("100").build());

        SummaryDraft draft = SummaryWriter.write("福州市", YEAR, AFTER_THE_YEAR, rows, rights(1455, 1455), List.of());

        assertThat(areas(draft)).containsExactly("服务妇女发展", "维护妇女儿童权益");
        assertThat(section(draft, "维护妇女儿童权益").paragraphs())
                .extracting(Paragraph::text)
                .containsExactly("信访办结率为100%，达到年度目标。", "受理来信来访1455件，办结1455件，办结率为100%。");
    }

    @Test
    void withoutARightsWorkAreaTheRightsFiguresHaveTheirOwnSection() {
        SummaryDraft draft = SummaryWriter.write(
                "鼓楼区", YEAR, AFTER_THE_YEAR, List.of(training().actual("5").build()), rights(2, 1), List.of());

        assertThat(areas(draft)).containsExactly("服务妇女发展", SummaryWriter.RIGHTS_AREA);
        assertThat(text(draft, SummaryWriter.RIGHTS_AREA)).isEqualTo("受理来信来访2件，办结1件，办结率为50%。");
    }

    @Test
    void theShortcomingsNameTheTasksBehindPaceMostPressingFirst() {
        List<TaskRow> rows = List.of(
                training().actual("103").status(PaceStatus.GREEN).build(),
                people().actual("4000").status(PaceStatus.YELLOW).build(),
                loans().actual("2000").status(PaceStatus.RED).build(),
                hotline()
                        .actual("90")
                        .status(PaceStatus.OVERDUE)
                        .due(LocalDate.of(2013, 12, 31))
                        .build(),
                // behind, but nothing recorded: no figure, no sentence
                incidents().actual(null).status(PaceStatus.NO_DATA).build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(areas(draft)).last().isEqualTo(SummaryWriter.SHORTCOMINGS);
        assertThat(text(draft, SummaryWriter.SHORTCOMINGS))
                .isEqualTo("一是“信访处结率≥98%”任务已于12月31日到期，信访办结率为90%，距年度目标尚差8个百分点；"
                        + "二是“新增妇女小额贴息贷款8000万元”任务进度严重滞后，仅完成年度目标的25%；"
                        + "三是“培训妇女不少于7000人次”任务进度滞后于序时进度，仅完成年度目标的57.1%。");
    }

    @Test
    void ceilingsAreSaidToBeKeptOrExceeded() {
        Row dropouts = new Row("t6", "关爱妇女儿童", "女童辍学率控制在1%以内", "女童辍学率", "%", "RATE", "1").direction("AT_MOST");
        List<TaskRow> rows = List.of(
                incidents().target("3").actual("2").build(),
                dropouts.actual("1.5").status(PaceStatus.RED).build());

        SummaryDraft draft = write("福州市", rows);

        assertThat(text(draft, "维护妇女儿童合法权益")).isEqualTo("涉及妇女儿童的重大群体性事件2件，控制在年度目标3件以内。");
        assertThat(text(draft, "关爱妇女儿童")).isEqualTo("女童辍学率为1.5%，高于年度控制目标0.5个百分点。");
        assertThat(text(draft, SummaryWriter.SHORTCOMINGS))
                .isEqualTo("“女童辍学率控制在1%以内”任务进度严重滞后，女童辍学率为1.5%，高于年度控制目标0.5个百分点。");
    }

    @Test
    void nextYearsPublishedPlanBecomesTheLastSectionByWorkArea() {
        List<PlannedTask> next = List.of(
                new PlannedTask("服务妇女发展", "举办各类培训班120期"),
                new PlannedTask("维护妇女儿童权益", "信访处结率≥98%"),
                new PlannedTask("服务妇女发展", "新建巾帼示范村50个。"),
                new PlannedTask("维护妇女儿童合法权益", "开展家庭教育公益讲座20场"));

        SummaryDraft draft = SummaryWriter.write(
                "鼓楼区", YEAR, AFTER_THE_YEAR, List.of(training().actual("103").build()), null, next);

        assertThat(areas(draft)).containsExactly("服务妇女发展", SummaryWriter.NEXT_YEAR);
        assertThat(section(draft, SummaryWriter.NEXT_YEAR).paragraphs())
                .extracting(Paragraph::text)
                .containsExactly(
                        "2014年，全区各级妇联组织将紧紧围绕年度工作要点，重点抓好以下工作：",
                        "（一）服务妇女发展。一是举办各类培训班120期；二是新建巾帼示范村50个。",
                        "（二）维护妇女儿童权益。一是信访处结率≥98%；二是开展家庭教育公益讲座20场。");
    }

    @Test
    void withoutNextYearsPlanThereIsNoSectionForIt() {
        SummaryDraft draft = write("鼓楼区", List.of(training().actual("103").build()));

        assertThat(areas(draft)).doesNotContain(SummaryWriter.NEXT_YEAR);
    }

    @Test
    void aCeilingItsSourceMeasuredAtZeroIsStatedAndSourcedAsTheRightsDesksFigure() {
        List<TaskRow> rows = List.of(
                incidents().actual("0").source("RIGHTS").build(),
                hotline().actual("100").source("RIGHTS").build());

        SummaryDraft draft = SummaryWriter.write("福州市", YEAR, AFTER_THE_YEAR, rows, rights(1455, 1455), List.of());

        assertThat(text(draft, SummaryWriter.RIGHTS_AREA))
                .contains("涉及妇女儿童的重大群体性事件0件")
                .contains("100%")
                .as("the plan's rights tasks state the desk's figures: no second paragraph repeating them")
                .doesNotContain("受理来信来访1455件");
        assertThat(sources(draft, SummaryWriter.RIGHTS_AREA))
                .allSatisfy(s -> assertThat(s).contains("|RIGHTS|"));
    }

    @Test
    void theSourcesNameEachTaskByItsTitleWithTheFiguresUnit() {
        SummaryDraft draft = SummaryWriter.write(
                "鼓楼区", YEAR, AFTER_THE_YEAR, List.of(loans().actual("1200.5").build()), rights(2, 1), List.of());

        assertThat(sources(draft, "服务妇女创业就业")).containsExactly("新增妇女小额贴息贷款8000万元|贴息贷款|RECORDED|1200.5万元");
        assertThat(sources(draft, SummaryWriter.RIGHTS_AREA))
                .containsExactly("null|受理来信来访|RIGHTS|2件", "null|办结|RIGHTS|1件", "null|办结率|RIGHTS|50%");
    }

    @Test
    void theGeneratedTextUsesFullWidthPunctuationOnly() {
        List<TaskRow> rows = List.of(
                training()
                        .actual("30")
                        .approved("30", "2013-Q1")
                        .status(PaceStatus.YELLOW)
                        .build(),
                loans().actual("1200.5").status(PaceStatus.RED).build(),
                hotline().actual("90").status(PaceStatus.OVERDUE).build());
        SummaryDraft draft = SummaryWriter.write(
                "鼓楼区",
                YEAR,
                MID_YEAR,
                rows,
                rights(2, 1),
                List.of(new PlannedTask("服务妇女发展", "举办各类培训班120期"), new PlannedTask("其他", "建设妇女之家")));

        assertThat(allText(draft))
                .doesNotContainPattern("[,;:()!?]")
                .contains("，")
                .contains("。")
                .contains("；");
    }

    // ---- rows as the dashboard gives them

    private static Row training() {
        return new Row("t1", "服务妇女发展", "举办“双学双比”培训班100期", "培训班", "期", "COUNT", "100");
    }

    private static Row people() {
        return new Row("t2", "服务妇女发展", "培训妇女不少于7000人次", "培训人次", "人次", "COUNT", "7000");
    }

    private static Row loans() {
        return new Row("t3", "服务妇女创业就业", "新增妇女小额贴息贷款8000万元", "贴息贷款", "万元", "AMOUNT", "8000");
    }

    private static Row hotline() {
        return new Row("t4", "维护妇女儿童合法权益", "信访处结率≥98%", "信访办结率", "%", "RATE", "98");
    }

    private static Row incidents() {
        return new Row("t5", "维护妇女儿童合法权益", "涉及妇女儿童的重大群体性事件控制在0件", "涉及妇女儿童的重大群体性事件", "件", "COUNT", "0")
                .direction("AT_MOST");
    }

    private static final class Row {
        final String id;
        String area;
        final String title;
        final String indicator;
        final String unit;
        final String kind;
        String direction = "AT_LEAST";
        final BigDecimal target;
        BigDecimal actual;
        BigDecimal approved;
        String approvedPeriod;
        PaceStatus status = PaceStatus.GREEN;
        LocalDate due = LocalDate.of(YEAR, 12, 31);
        String source = "ACTIVITY";

        Row(String id, String area, String title, String indicator, String unit, String kind, String target) {
            this(id, area, title, indicator, unit, kind, new BigDecimal(target));
        }

        Row(String id, String area, String title, String indicator, String unit, String kind, BigDecimal target) {
            this.id = id;
            this.area = area;
            this.title = title;
            this.indicator = indicator;
            this.unit = unit;
            this.kind = kind;
            this.target = target;
        }

        Row area(String a) {
            area = a;
            return this;
        }

        Row direction(String d) {
            direction = d;
            return this;
        }

        Row target(String t) {
            return new Row(id, area, title, indicator, unit, kind, t)
                    .direction(direction)
                    .status(status);
        }

        Row actual(String a) {
            actual = a == null ? null : new BigDecimal(a);
            return this;
        }

        Row approved(String value, String period) {
            approved = new BigDecimal(value);
            approvedPeriod = period;
            return this;
        }

        Row status(PaceStatus s) {
            status = s;
            return this;
        }

        Row source(String s) {
            source = s;
            return this;
        }

        Row due(LocalDate d) {
            due = d;
            return this;
        }

        TaskRow build() {
            return new TaskRow(
                    id,
                    area,
                    title,
                    indicator,
                    unit,
                    kind,
                    direction,
                    "a-" + id,
                    target,
                    actual,
                    actual,
                    null,
                    approved,
                    approvedPeriod,
                    approved,
                    approvedPeriod,
                    null,
                    null,
                    status,
                    status.label(),
                    null,
                    due,
                    null,
                    source,
                    null,
                    null,
                    null);
        }
    }

    private static RightsKpis rights(long received, long closed) {
        BigDecimal rate = BigDecimal.valueOf(closed * 100)
                .divide(BigDecimal.valueOf(received), 1, java.math.RoundingMode.HALF_UP);
        return new RightsKpis(
                new UnitRef("350100", "福州市", "CITY"),
                received,
                closed,
                closed,
                0,
                0,
                0L,
                rate,
                rate,
                0,
                null,
                null,
                List.of());
    }

    // ---- reading the draft

    private static SummaryDraft write(String unit, List<TaskRow> rows) {
        return SummaryWriter.write(unit, YEAR, AFTER_THE_YEAR, rows, null, List.of());
    }

    private static List<String> areas(SummaryDraft draft) {
        return draft.sections().stream().map(Section::workArea).toList();
    }

    private static Section section(SummaryDraft draft, String area) {
        return draft.sections().stream()
                .filter(s -> s.workArea().equals(area))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + area + " in " + areas(draft)));
    }

    private static String text(SummaryDraft draft, String area) {
        return String.join(
                "\n",
                section(draft, area).paragraphs().stream().map(Paragraph::text).toList());
    }

    private static String allText(SummaryDraft draft) {
        List<String> all = new ArrayList<>();
        draft.opening().forEach(p -> all.add(p.text()));
        draft.sections().forEach(s -> s.paragraphs().forEach(p -> all.add(p.text())));
        return String.join("\n", all);
    }

    private static List<String> sources(SummaryDraft draft, String area) {
        List<String> out = new ArrayList<>();
        for (Paragraph p : section(draft, area).paragraphs()) {
            for (Source s : p.sources()) {
                out.add(s.task() + "|" + s.figure() + "|" + s.kind() + "|" + SummaryWriter.number(s.value())
                        + s.unit());
            }
        }
        return out;
    }
}
