package cn.fulian.reporting.summary;

import cn.fulian.reporting.dashboard.DashboardService;
import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.dashboard.DashboardView.RightsKpis;
import cn.fulian.reporting.dashboard.DashboardView.TaskRow;
import cn.fulian.reporting.report.ReportPeriod;
import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.summary.SummaryDraft.Source;
import cn.fulian.reporting.summary.SummaryDraft.SourceKind;
import cn.fulian.starter.scope.OrgScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Writes the draft in the federation's own manner ("全年举办各类培训班72期,培训妇女6814人;…受理来信来访1455件,办结率100%"):
 * one paragraph per work area, a clause per task. Only two kinds of figure appear: what activities recorded (the live
 * actual) and what the parent approved in a progress report; targets and projections stay out, since a summary
 * reports what was done. Every figure in the text is listed in the paragraph's sources.
 */
@Service
public class SummaryService {

    static final String RIGHTS_AREA = "维护妇女儿童合法权益";

    /** A task title ending in its target ("举办各类培训班100期"): the part before the number is the verb phrase. */
    private static final Pattern TRAILING_TARGET = Pattern.compile("\\d+(?:\\.\\d+)?\\s*\\S{0,3}$");

    private final DashboardService dashboards;

    SummaryService(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    public SummaryDraft draft(OrgScope scope, String unitParam, Integer yearParam) {
        DashboardView d = dashboards.dashboard(scope, unitParam, yearParam);
        Map<String, List<TaskRow>> byArea = new LinkedHashMap<>();
        for (TaskRow r : d.tasks()) {
            byArea.computeIfAbsent(r.workArea() == null ? "其他工作" : r.workArea(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Section> sections = new ArrayList<>();
        byArea.forEach((area, rows) -> {
            Paragraph p = paragraph(rows);
            if (p != null) {
                sections.add(new Section(area, List.of(p)));
            }
        });
        Paragraph rights = rights(d.rights());
        if (rights != null) {
            sections.add(new Section(RIGHTS_AREA, List.of(rights)));
        }
        return new SummaryDraft(d.unit().name() + d.year() + "年度工作总结", sections);
    }

    /** One paragraph for a work area: what was done per task, then what of it the parent has approved. */
    static Paragraph paragraph(List<TaskRow> rows) {
        List<String> done = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (TaskRow r : rows) {
            String unit = r.indicatorUnit() == null ? "" : r.indicatorUnit();
            boolean rate = "RATE".equals(r.kind());
            if (r.actual() != null) {
                done.add(
                        rate
                                ? r.indicatorName() + "达" + number(r.actual()) + "%"
                                : phrase(r) + number(r.actual()) + unit);
                sources.add(new Source(r.taskId(), r.indicatorName(), SourceKind.RECORDED, r.actual()));
            }
            if (r.approved() != null) {
                String period = ReportPeriod.isValid(r.approvedPeriod())
                        ? ReportPeriod.parse(r.approvedPeriod()).label()
                        : r.approvedPeriod();
                approved.add(phrase(r) + number(r.approved()) + (rate ? "%" : unit) + "(" + period + ")");
                sources.add(new Source(
                        r.taskId(), r.indicatorName() + " " + r.approvedPeriod(), SourceKind.APPROVED, r.approved()));
            }
        }
        if (done.isEmpty() && approved.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (!done.isEmpty()) {
            text.append("全年").append(String.join(";", done)).append("。");
        }
        if (!approved.isEmpty()) {
            text.append("经上级审核确认:").append(String.join(";", approved)).append("。");
        }
        return new Paragraph(text.toString(), sources);
    }

    static Paragraph rights(RightsKpis k) {
        if (k.received() == 0) {
            return null;
        }
        List<Source> sources = new ArrayList<>();
        StringBuilder text = new StringBuilder("受理来信来访").append(k.received()).append("件");
        sources.add(new Source(null, "rights.received", SourceKind.RECORDED, BigDecimal.valueOf(k.received())));
        text.append(",办结").append(k.closed()).append("件");
        sources.add(new Source(null, "rights.closed", SourceKind.RECORDED, BigDecimal.valueOf(k.closed())));
        if (k.closureRate() != null) {
            text.append(",办结率").append(number(k.closureRate())).append("%");
            sources.add(new Source(null, "rights.closureRate", SourceKind.RECORDED, k.closureRate()));
        }
        if (k.satisfiedRate() != null) {
            text.append(";回访")
                    .append(k.followUps())
                    .append("件,满意率")
                    .append(number(k.satisfiedRate()))
                    .append("%");
            sources.add(new Source(null, "rights.followUps", SourceKind.RECORDED, BigDecimal.valueOf(k.followUps())));
            sources.add(new Source(null, "rights.satisfiedRate", SourceKind.RECORDED, k.satisfiedRate()));
        }
        return new Paragraph(text.append("。").toString(), sources);
    }

    /** "举办各类培训班" from "举办各类培训班100期"; otherwise the indicator's name ("培训班"). */
    static String phrase(TaskRow r) {
        String title = r.title() == null ? "" : r.title().trim();
        String stripped = TRAILING_TARGET.matcher(title).replaceFirst("");
        if (!stripped.isEmpty() && !stripped.equals(title)) {
            return stripped;
        }
        return r.indicatorName() == null ? title : r.indicatorName();
    }

    static String number(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
