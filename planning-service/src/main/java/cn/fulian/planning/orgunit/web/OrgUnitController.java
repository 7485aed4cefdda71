package cn.fulian.planning.orgunit.web;

import cn.fulian.planning.orgunit.OrgUnit;
import cn.fulian.planning.orgunit.OrgUnitService;
import cn.fulian.planning.web.PageView;
import cn.fulian.starter.scope.OrgScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The federation tree as the caller may see it: its own unit and below. Changes are for admins. */
@RestController
@RequestMapping("/api/planning/org-units")
class OrgUnitController {

    record OrgUnitView(String code, String name, String level, String parentCode, String path, boolean retired) {
        static OrgUnitView of(OrgUnit u) {
            return new OrgUnitView(
                    u.code(),
                    u.name(),
                    u.level().name(),
                    u.parentCode(),
                    u.path().value(),
                    u.retired());
        }
    }

    record AddOrgUnitRequest(
            @NotBlank String parentCode,

            @NotBlank @Pattern(regexp = "\\d{6,15}", message = "须为6至15位数字的行政区划代码|must be 6 to 15 digits")
            String code,

            @NotBlank @Size(max = 50) String name) {}

    record RenameOrgUnitRequest(@NotBlank @Size(max = 50) String name) {}

    private final OrgUnitService service;

    OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    @GetMapping
    PageView<OrgUnitView> subtree(
            OrgScope scope, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return PageView.of(
                service.subtree(scope, PageRequest.of(Math.max(page, 0), PageView.clamp(size), Sort.by("path")))
                        .map(OrgUnitView::of));
    }

    @GetMapping("/{code}")
    OrgUnitView get(OrgScope scope, @PathVariable String code) {
        return OrgUnitView.of(service.get(scope, code));
    }

    @GetMapping("/{code}/children")
    List<OrgUnitView> children(OrgScope scope, @PathVariable String code) {
        return service.children(scope, code).stream().map(OrgUnitView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnitView add(OrgScope scope, @Valid @RequestBody AddOrgUnitRequest request) {
        return OrgUnitView.of(service.add(scope, request.parentCode(), request.code(), request.name()));
    }

    @PutMapping("/{code}/name")
    OrgUnitView rename(OrgScope scope, @PathVariable String code, @Valid @RequestBody RenameOrgUnitRequest request) {
        return OrgUnitView.of(service.rename(scope, code, request.name()));
    }

    @PostMapping("/{code}/retire")
    OrgUnitView retire(OrgScope scope, @PathVariable String code) {
        return OrgUnitView.of(service.retire(scope, code));
    }
}
