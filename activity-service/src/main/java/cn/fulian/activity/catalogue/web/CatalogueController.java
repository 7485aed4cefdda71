package cn.fulian.activity.catalogue.web;

import cn.fulian.activity.catalogue.CatalogueService;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("${fulian.api-prefix}/catalogue")
@Tag(name = "活动目录 / Activity catalogue")
class CatalogueController {

    private final CatalogueService catalogue;

    CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "活动类型及其指标 / activity types and the metrics each measures")
    CatalogueView get(OrgScope scope) {
        return CatalogueView.of(catalogue.catalogue());
    }

    @PutMapping("/metrics/{code}")
    @Operation(summary = "新增或修改指标(管理员) / create or change a metric (admin)")
    CatalogueView.MetricView saveMetric(
            OrgScope scope, @PathVariable String code, @Valid @RequestBody MetricRequest request) {
        scope.requireRole(Role.ADMIN, "只有管理员可以维护活动目录 / only admins maintain the catalogue");
        return CatalogueView.MetricView.of(catalogue.saveMetric(
                code,
                request.label(),
                request.unit(),
                request.quantity(),
                Boolean.TRUE.equals(request.integer()),
                request.notGreaterThan()));
    }

    @PutMapping("/types/{code}")
    @Operation(summary = "新增或修改活动类型(管理员) / create or change an activity type (admin)")
    CatalogueView.TypeView saveType(
            OrgScope scope, @PathVariable String code, @Valid @RequestBody TypeRequest request) {
        scope.requireRole(Role.ADMIN, "只有管理员可以维护活动目录 / only admins maintain the catalogue");
        var type = catalogue.saveType(
                code,
                request.name(),
                request.description(),
                request.metrics().stream().map(TypeRequest.Metric::toTypeMetric).toList(),
                request.active() == null || request.active());
        return CatalogueView.TypeView.of(type, catalogue.catalogue().metricsByCode());
    }
}
