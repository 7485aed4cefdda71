package cn.fulian.activity.assignment.web;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.assignment.AssignmentInfo;
import cn.fulian.activity.assignment.IndicatorFit;
import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.CatalogueService;
import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.activity.catalogue.TypeMetric;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("${fulian.api-prefix}/assignments")
@Tag(name = "可计入的任务 / Linkable assignments")
class AssignmentController {

    /** An assignment the caller's activities may count toward, with the metrics of a type that can feed it. */
    record LinkableView(
            String assignmentId,
            String taskId,
            int year,
            String unitPath,
            String unitName,
            BigDecimal target,
            String taskTitle,
            String indicatorName,
            String indicatorUnit,
            String indicatorKind,
            List<String> feedingMetrics) {}

    private final AssignmentDirectory assignments;
    private final CatalogueService catalogue;
    private final OrgUnitDirectory units;

    AssignmentController(AssignmentDirectory assignments, CatalogueService catalogue, OrgUnitDirectory units) {
        this.assignments = assignments;
        this.catalogue = catalogue;
        this.units = units;
    }

    @GetMapping("/linkable")
    @Operation(
            summary = "本单位活动可计入的任务分配 / assignments the caller's unit may count activities toward",
            description = "只列本单位自己的已发布、未取消的任务分配(上级单位的同一任务经逐级汇总计入,不单列);" + "给出 type 时列出该类型可计入的指标")
    List<LinkableView> linkable(OrgScope scope, @RequestParam int year, @RequestParam(required = false) String type) {
        Catalogue c = catalogue.catalogue();
        Map<String, MetricDefinition> metrics = c.metricsByCode();
        ActivityType activityType = type == null ? null : c.type(type).orElse(null);
        return assignments.linkable(scope.unit(), year).stream()
                .map(a -> new LinkableView(
                        a.assignmentId(),
                        a.taskId(),
                        a.year(),
                        a.unitPath(),
                        units.nameOf(OrgPath.of(a.unitPath())),
                        a.target(),
                        a.taskTitle(),
                        a.indicatorName(),
                        a.indicatorUnit(),
                        a.indicatorKind(),
                        feeding(activityType, metrics, a)))
                .toList();
    }

    private static List<String> feeding(ActivityType type, Map<String, MetricDefinition> metrics, AssignmentInfo a) {
        if (type == null) {
            return List.of();
        }
        return type.metrics().stream()
                .map(TypeMetric::code)
                .map(metrics::get)
                .filter(Objects::nonNull)
                .filter(m -> a.isRate() || IndicatorFit.feeds(m, a))
                .map(MetricDefinition::code)
                .toList();
    }
}
