package cn.fulian.planning.allocation.web;

import cn.fulian.planning.allocation.AllocationService;
import cn.fulian.planning.allocation.AllocationService.AllocationInput;
import cn.fulian.planning.allocation.Assignment;
import cn.fulian.planning.allocation.AssignmentStatus;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assignments: my unit's list, allocation down the tree, acknowledgement, reminders, extensions, cancellation. A split
 * sends the version of the assignment it was made on as {@code If-Match}; every assignment answered carries its
 * version as {@code ETag}.
 */
@RestController
@RequestMapping("/api/planning")
class AssignmentController {

    @Schema(
            example =
                    "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":30},{\"unitCode\":\"350104\",\"target\":25}]}")
    /** The split among direct children and, for a count or amount, the share the unit keeps itself (本级保留). */
    record AllocateRequest(
            @NotEmpty @Size(max = 300) List<@Valid @NotNull Item> allocations,
            @DecimalMin("0") BigDecimal retained) {
        record Item(
                @NotBlank String unitCode, @DecimalMin("0") BigDecimal target) {}
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

    record ExtensionRequestBody(
            @NotNull LocalDate requestedDueDate,
            @NotBlank @Size(max = 500) String reason) {}

    record DecisionRequest(
            @NotNull Boolean approve, @Size(max = 500) String reason) {}

    /** A task's allocation within the caller's subtree, as a flat list of nodes ordered parents first. */
    record TreeNode(
            String assignmentId,
            String unitPath,
            String unitName,
            String parentAssignmentId,
            BigDecimal target,
            BigDecimal allocatedToChildren,
            BigDecimal retained,
            String status) {}

    private final AllocationService allocations;
    private final OrgUnitDirectory directory;

    AssignmentController(AllocationService allocations, OrgUnitDirectory directory) {
        this.allocations = allocations;
        this.directory = directory;
    }

    @GetMapping("/assignments")
    PageView<AssignmentView> mine(
            OrgScope scope,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) AssignmentStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(allocations
                .mine(scope, year, status, Paging.request(page, size, Sort.by("taskId")))
                .map(this::view));
    }

    @GetMapping("/assignments/{id}")
    AssignmentView get(OrgScope scope, @PathVariable String id) {
        return view(allocations.get(scope, id));
    }

    @GetMapping("/assignments/{id}/children")
    List<AssignmentView> children(OrgScope scope, @PathVariable String id) {
        return allocations.children(scope, id).stream().map(this::view).toList();
    }

    @GetMapping("/tasks/{taskId}/allocation-tree")
    List<TreeNode> tree(OrgScope scope, @PathVariable String taskId) {
        return allocations.tree(scope, taskId).stream()
                .map(a -> new TreeNode(
                        a.id(),
                        a.unitPath().value(),
                        directory.nameOf(a.unitPath()),
                        a.parentAssignmentId(),
                        a.target(),
                        a.allocatedSum(),
                        a.retained(),
                        a.status().name()))
                .toList();
    }

    @PostMapping("/assignments/{id}/allocations")
    AssignmentView allocate(
            OrgScope scope,
            @PathVariable String id,
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Valid @RequestBody AllocateRequest request) {
        List<AllocationInput> inputs = request.allocations().stream()
                .map(i -> new AllocationInput(i.unitCode(), i.target()))
                .toList();
        return view(allocations.allocate(scope, id, inputs, request.retained(), IfMatch.of(ifMatch)));
    }

    @PostMapping("/assignments/{id}/allocations/{unitCode}/cancel")
    AssignmentView cancel(
            OrgScope scope,
            @PathVariable String id,
            @PathVariable String unitCode,
            @Valid @RequestBody ReasonRequest request) {
        return view(allocations.cancelAllocation(scope, id, unitCode, request.reason()));
    }

    @PostMapping("/assignments/{id}/acknowledge")
    AssignmentView acknowledge(OrgScope scope, @PathVariable String id) {
        return view(allocations.acknowledge(scope, id));
    }

    @PostMapping("/assignments/{id}/remind")
    AssignmentView remind(OrgScope scope, @PathVariable String id) {
        return view(allocations.remind(scope, id));
    }

    @PostMapping("/assignments/{id}/extension")
    AssignmentView requestExtension(
            OrgScope scope, @PathVariable String id, @Valid @RequestBody ExtensionRequestBody request) {
        return view(allocations.requestExtension(scope, id, request.requestedDueDate(), request.reason()));
    }

    @PostMapping("/assignments/{id}/extension/decision")
    AssignmentView decide(OrgScope scope, @PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        return view(allocations.decideExtension(scope, id, request.approve(), request.reason()));
    }

    private AssignmentView view(Assignment a) {
        return AssignmentView.of(a, directory.nameOf(a.unitPath()));
    }
}
