package cn.fulian.activity.activity.web;

import cn.fulian.activity.activity.Activity;
import cn.fulian.activity.activity.ActivityFilter;
import cn.fulian.activity.activity.ActivityService;
import cn.fulian.activity.activity.ActivityStatus;
import cn.fulian.activity.catalogue.CatalogueService;
import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("${fulian.api-prefix}")
@Tag(name = "活动 / Activities")
class ActivityController {

    private final ActivityService activities;
    private final CatalogueService catalogue;
    private final OrgUnitDirectory units;

    ActivityController(ActivityService activities, CatalogueService catalogue, OrgUnitDirectory units) {
        this.activities = activities;
        this.catalogue = catalogue;
        this.units = units;
    }

    @PostMapping
    @Operation(summary = "录入本单位的活动 / record an activity of the caller's unit")
    ResponseEntity<ActivityView> record(OrgScope scope, @RequestBody RecordActivityRequest request) {
        Activity a = activities.record(scope, request.toDraft());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}")
                .buildAndExpand(a.id())
                .toUri();
        return ResponseEntity.created(location).body(view(a));
    }

    @GetMapping
    @Operation(
            summary = "活动列表(本单位及下级) / activities in the caller's subtree",
            description = "unitPath 指定单位(subtree=true 含其下级);type、year、status、from/to(开始日期)、assignmentId、"
                    + "importBatchId、q(名称包含) 可组合筛选")
    PageView<ActivityView> list(
            OrgScope scope,
            @RequestParam(required = false) String unitPath,
            @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ActivityStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String assignmentId,
            @RequestParam(required = false) String importBatchId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ActivityFilter filter =
                new ActivityFilter(unitPath, subtree, type, year, status, from, to, assignmentId, importBatchId, q);
        Map<String, MetricDefinition> defs = catalogue.catalogue().metricsByCode();
        return activities.list(scope, filter, page, size).map(a -> view(a, defs));
    }

    @GetMapping("/figure")
    @Operation(
            summary = "某任务分配截至某日的活动合计(含下级) / what the subtree achieved toward an assignment up to a day",
            description = "进度填报按期次预填:只计开始日期不晚于 to 的本年度有效活动,每项活动每个任务计一次")
    ActivityService.PeriodFigure figure(
            OrgScope scope,
            @RequestParam String assignmentId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return activities.figure(scope, assignmentId, to);
    }

    @GetMapping("/{id:act-.+}")
    @Operation(summary = "活动详情 / one activity")
    ActivityView get(OrgScope scope, @PathVariable String id) {
        return view(activities.get(scope, id));
    }

    @PutMapping("/{id:act-.+}")
    @Operation(
            summary = "修改活动(须填原因) / amend an activity with a reason",
            description = "提交修改后的完整内容,If-Match 带所编辑的版本号(ETag);缺少时返回428,版本已变化时返回412。活动类型和计划年度不可修改。")
    ActivityView amend(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody AmendActivityRequest request) {
        return view(activities.amend(scope, id, IfMatch.of(ifMatch), request.toDraft(), request.reason()));
    }

    @PostMapping("/{id:act-.+}/void")
    @Operation(summary = "作废活动(须填原因) / void an activity with a reason")
    ActivityView voidActivity(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody VoidActivityRequest request) {
        return view(activities.voidActivity(scope, id, IfMatch.of(ifMatch), request.reason()));
    }

    private ActivityView view(Activity a) {
        return view(a, catalogue.catalogue().metricsByCode());
    }

    private ActivityView view(Activity a, Map<String, MetricDefinition> defs) {
        return ActivityView.of(a, units.nameOf(a.unit()), defs);
    }
}
