package cn.fulian.planning.plan.web;

import cn.fulian.planning.orgunit.OrgUnit;
import cn.fulian.planning.orgunit.OrgUnitService;
import cn.fulian.planning.plan.AnnualPlan;
import cn.fulian.planning.plan.PlanService;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Annual plans: write, import, edit while a draft, publish, revise, cancel tasks, close, copy to next year. An edit
 * sends the version it was made on as {@code If-Match}; every plan answered carries its version as {@code ETag}.
 */
@RestController
@RequestMapping("/api/planning/plans")
class PlanController {

    record ReviseRequest(
            @NotNull @DecimalMin("0") BigDecimal target,
            @NotBlank @Size(max = 500) String reason) {}

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

    private final PlanService plans;
    private final OrgUnitService units;
    private final Validator validator;
    private final YAMLMapper yaml = new YAMLMapper();

    PlanController(PlanService plans, OrgUnitService units, Validator validator) {
        this.plans = plans;
        this.units = units;
        this.validator = validator;
    }

    @GetMapping
    PageView<PlanView.Summary> list(
            OrgScope scope,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Map<OrgPath, String> names = new HashMap<>();
        return PageView.of(plans.list(
                        scope,
                        year,
                        Paging.request(
                                page, size, Sort.by(Sort.Direction.DESC, "year").and(Sort.by("unitPath"))))
                .map(p -> PlanView.Summary.of(p, names.computeIfAbsent(p.unitPath(), this::nameOf))));
    }

    @GetMapping("/{id}")
    PlanView get(OrgScope scope, @PathVariable String id) {
        return view(plans.get(scope, id));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(OrgScope scope, @Valid @RequestBody PlanRequest request) {
        return view(plans.create(scope, request.toContent()));
    }

    /** The same plan as a YAML file (the format of the service README); a JSON file goes to the endpoint above. */
    @PostMapping(
            path = "/import",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    PlanView importYaml(OrgScope scope, @RequestBody String file) {
        PlanRequest request;
        try {
            request = yaml.readValue(file, PlanRequest.class);
        } catch (JacksonException e) {
            throw new cn.fulian.starter.problem.InvalidFieldException(
                    "file",
                    "文件不是有效的计划YAML" + where(e, "(第%d行%s)", ",字段 "),
                    "not a valid plan YAML file" + where(e, " (line %d%s)", ", field "));
        }
        if (request == null) {
            throw new cn.fulian.starter.problem.InvalidFieldException("file", "文件为空", "the file is empty");
        }
        Set<ConstraintViolation<PlanRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return view(plans.create(scope, request.toContent()));
    }

    @PutMapping("/{id}")
    PlanView edit(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody PlanRequest request) {
        return view(plans.edit(scope, id, request.toContent(), IfMatch.of(ifMatch)));
    }

    @PostMapping("/{id}/publish")
    PlanView publish(OrgScope scope, @PathVariable String id) {
        return view(plans.publish(scope, id));
    }

    @PostMapping("/{id}/tasks/{taskId}/revise")
    PlanView revise(
            OrgScope scope,
            @PathVariable String id,
            @PathVariable String taskId,
            @Valid @RequestBody ReviseRequest request) {
        return view(plans.reviseTarget(scope, id, taskId, request.target(), request.reason()));
    }

    @PostMapping("/{id}/tasks/{taskId}/cancel")
    PlanView cancelTask(
            OrgScope scope,
            @PathVariable String id,
            @PathVariable String taskId,
            @Valid @RequestBody ReasonRequest request) {
        return view(plans.cancelTask(scope, id, taskId, request.reason()));
    }

    @PostMapping("/{id}/close")
    PlanView close(OrgScope scope, @PathVariable String id) {
        return view(plans.close(scope, id));
    }

    @PostMapping("/{id}/copy-to-next-year")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView copyToNextYear(OrgScope scope, @PathVariable String id) {
        return view(plans.copyToNextYear(scope, id));
    }

    private PlanView view(AnnualPlan plan) {
        return PlanView.of(plan, nameOf(plan.unitPath()));
    }

    /** The unit's name from the registry; its code while the registry does not know it. */
    private String nameOf(OrgPath unit) {
        return units.find(unit).map(OrgUnit::name).orElse(unit.code());
    }

    /**
     * Where the file went wrong: the line and the field, never the parser's own message, which names Java types
     * ({@code java.lang.Integer}) that mean nothing to the user and reveal internals.
     */
    private static String where(JacksonException e, String format, String fieldPrefix) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        String field = "";
        if (e instanceof DatabindException de && !de.getPath().isEmpty()) {
            field = fieldPrefix
                    + de.getPath().stream()
                            .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                            .collect(Collectors.joining("."))
                            .replace(".[", "[");
        }
        return line > 0 ? format.formatted(line, field) : "";
    }
}
