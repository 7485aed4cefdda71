package cn.fulian.planning.orgunit.web;

import cn.fulian.events.orgunit.DivisionCodes;
import cn.fulian.planning.orgunit.ImportReport;
import cn.fulian.planning.orgunit.OrgUnit;
import cn.fulian.planning.orgunit.OrgUnitChange;
import cn.fulian.planning.orgunit.OrgUnitService;
import cn.fulian.planning.orgunit.UnitState;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The federation tree as the caller may see it: its own unit and below. Changes are for admins, in their subtree. */
@RestController
@RequestMapping("/api/planning/org-units")
class OrgUnitController {

    private static final String CODE_MESSAGE = "须为6、9或12位行政区划代码，或上级代码加“-”和三位序号"
            + "|must be a 6-, 9- or 12-digit division code, or the parent's code, '-' and three digits";

    /**
     * A unit: {@code label} is how users name it (鼓楼区妇联), {@code type} what it is (DISTRICT, 区), {@code level}
     * its level in the tree as the level roles see it.
     */
    record OrgUnitView(
            String code,
            String name,
            String label,
            String type,
            String typeLabel,
            String level,
            String parentCode,
            String path,
            boolean retired) {
        static OrgUnitView of(OrgUnit u) {
            return new OrgUnitView(
                    u.code(),
                    u.name(),
                    u.label(),
                    u.type().name(),
                    u.type().label(),
                    u.level().name(),
                    u.parentCode(),
                    u.path().value(),
                    u.retired());
        }
    }

    record AddOrgUnitRequest(
            @NotBlank @Pattern(regexp = DivisionCodes.CODE_REGEX, message = CODE_MESSAGE)
            String parentCode,

            /* left out (or empty) for a unit that is not a division: the platform gives parentCode-NNN */
            @Pattern(regexp = "(" + DivisionCodes.CODE_REGEX + ")?", message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 50) String name,

            /* UnitType name (SUBDISTRICT) or label (街道) */
            @NotBlank @Size(max = 20) String type) {}

    record RenameOrgUnitRequest(@NotBlank @Size(max = 50) String name) {}

    record MoveOrgUnitRequest(
            @NotBlank @Pattern(regexp = DivisionCodes.CODE_REGEX, message = CODE_MESSAGE)
            String parentCode) {}

    record StateView(String name, String parentCode, String path, boolean retired) {
        static StateView of(UnitState s) {
            return s == null ? null : new StateView(s.name(), s.parentCode(), s.path(), s.retired());
        }
    }

    /** One change: who, when, what kind (ADDED 新增, RENAMED 更名, MOVED 调整上级, PATH_CHANGED, RETIRED 撤销). */
    record ChangeView(
            String code, Instant at, String by, String kind, String kindLabel, StateView before, StateView after) {
        static ChangeView of(OrgUnitChange c) {
            return new ChangeView(
                    c.code(),
                    c.at(),
                    c.by(),
                    c.kind().name(),
                    c.kind().label(),
                    StateView.of(c.before()),
                    StateView.of(c.after()));
        }
    }

    private final OrgUnitService service;

    OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    @GetMapping
    PageView<OrgUnitView> subtree(
            OrgScope scope, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return PageView.of(service.subtree(scope, Paging.request(page, size, Sort.by("path")))
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

    @GetMapping("/{code}/history")
    @Operation(summary = "单位变更记录（新的在前） / a unit's changes, newest first")
    PageView<ChangeView> history(
            OrgScope scope,
            @PathVariable String code,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(
                service.history(scope, code, Paging.request(page, size)).map(ChangeView::of));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnitView add(OrgScope scope, @Valid @RequestBody AddOrgUnitRequest request) {
        return OrgUnitView.of(service.add(scope, request.parentCode(), request.code(), request.name(), request.type()));
    }

    @PutMapping("/{code}/name")
    OrgUnitView rename(OrgScope scope, @PathVariable String code, @Valid @RequestBody RenameOrgUnitRequest request) {
        return OrgUnitView.of(service.rename(scope, code, request.name()));
    }

    @PostMapping("/{code}/move")
    @Operation(summary = "调整上级单位（连同全部下级） / move a unit, with everything below it, under another parent")
    OrgUnitView move(OrgScope scope, @PathVariable String code, @Valid @RequestBody MoveOrgUnitRequest request) {
        return OrgUnitView.of(service.move(scope, code, request.parentCode()));
    }

    @PostMapping("/{code}/retire")
    OrgUnitView retire(OrgScope scope, @PathVariable String code) {
        return OrgUnitView.of(service.retire(scope, code));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "导入组织机构树（先试导入） / import a unit tree, dry run first",
            description = "表单字段 file：.yaml/.yml、.csv 或 .xlsx，至多2MB、5000个单位。dryRun=true（默认）只检查；"
                    + "dryRun=false 全部通过才导入，任何一行有误返回400并逐行列出（row, field, message），不导入任何单位")
    ImportReport importTree(
            OrgScope scope,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestPart("file") MultipartFile file) {
        return service.importTree(scope, file.getOriginalFilename(), file.getContentType(), bytes(file), dryRun);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidFieldException("file", "文件读取失败", "the file could not be read");
        }
    }
}
