package cn.fulian.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import cn.fulian.reporting.readmodel.TaskDoc;
import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.support.Docs;
import cn.fulian.starter.scope.OrgScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the draft's 明年工作思路 comes from: next year's tasks as the read model learnt them from published plans. */
class SummaryServiceTest {

    private final DashboardService dashboards = mock(DashboardService.class);
    private final OrgScope scope = mock(OrgScope.class);
    private final SummaryService service = new SummaryService(dashboards);

    @Test
    void nextYearsPublishedTasksThatAreNotCancelledBecomeTheDraftsPlanForNextYear() {
        when(dashboards.dashboard(scope, null, 2040)).thenReturn(dashboard(2040));
        when(dashboards.tasks(2041))
                .thenReturn(Map.of(
                        "t41-b", task("t41-b", "服务妇女创业就业", "新增妇女小额贴息贷款6000万元", false),
                        "t41-a", task("t41-a", "服务妇女发展", "举办各类培训班120期", false),
                        "t41-c", task("t41-c", "服务妇女发展", "建设网上妇女之家", true)));

        SummaryDraft draft = service.draft(scope, null, 2040);

        assertThat(draft.title()).isEqualTo("鼓楼区妇联2040年工作总结");
        Section plan = draft.sections().get(draft.sections().size() - 1);
        assertThat(plan.workArea()).isEqualTo("明年工作思路");
        assertThat(plan.paragraphs())
                .extracting(Paragraph::text)
                .containsExactly(
                        "2041年，全区各级妇联组织将紧紧围绕年度工作要点，重点抓好以下工作：",
                        "（一）服务妇女发展。举办各类培训班120期。",
                        "（二）服务妇女创业就业。新增妇女小额贴息贷款6000万元。");
    }

    @Test
    void beforeNextYearsPlanIsPublishedTheDraftHasNoPlanForIt() {
        when(dashboards.dashboard(scope, null, 2040)).thenReturn(dashboard(2040));
        when(dashboards.tasks(2041)).thenReturn(Map.of());

        SummaryDraft draft = service.draft(scope, null, 2040);

        assertThat(draft.sections()).extracting(Section::workArea).doesNotContain("明年工作思路");
    }

    private static DashboardView dashboard(int year) {
        return new DashboardView(
                new UnitRef("350100/350102", "鼓楼区", "DISTRICT"),
                year,
                LocalDate.of(year + 1, 1, 5),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private static TaskDoc task(String id, String area, String title, boolean cancelled) {
        return Docs.task(id, null, area, title, "AT_LEAST", null, cancelled);
    }
}
