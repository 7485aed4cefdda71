package cn.fulian.planning.allocation;

import cn.fulian.planning.orgunit.OrgUnit;
import cn.fulian.planning.orgunit.OrgUnitService;
import cn.fulian.planning.plan.AnnualPlan;
import cn.fulian.planning.plan.AssignmentIds;
import cn.fulian.planning.plan.IndicatorKind;
import cn.fulian.planning.plan.RootAssignments;
import cn.fulian.planning.plan.Task;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Use cases of allocation and acknowledgement; every rule of scope is checked here against the caller's token. */
@Service
public class AllocationService implements RootAssignments {

    private static final Logger log = LoggerFactory.getLogger(AllocationService.class);

    /** One requested split for one direct child; a rate's target may be left out to inherit the parent's. */
    public record AllocationInput(String unitCode, BigDecimal target) {}

    private final AssignmentRepository assignments;
    private final OrgUnitService units;
    private final Clock clock;
    private final MongoTemplate mongo;

    AllocationService(AssignmentRepository assignments, OrgUnitService units, Clock clock, MongoTemplate mongo) {
        this.assignments = assignments;
        this.units = units;
        this.clock = clock;
        this.mongo = mongo;
    }

    public Assignment get(OrgScope scope, String id) {
        Assignment a = assignments.findById(id).orElseThrow(() -> new NotFoundException("任务分解 " + id));
        scope.requireVisible(a.unitPath(), "任务分解 " + id);
        return a;
    }

    public Page<Assignment> mine(OrgScope scope, Integer year, AssignmentStatus status, Pageable page) {
        String unit = scope.unit().value();
        if (year == null) {
            return assignments.findByUnitPath(unit, page);
        }
        return status == null
                ? assignments.findByUnitPathAndYear(unit, year, page)
                : assignments.findByUnitPathAndYearAndStatus(unit, year, status, page);
    }

    /** The task's assignments at and below the caller's unit, parents before children. */
    public List<Assignment> tree(OrgScope scope, String taskId) {
        List<Assignment> nodes =
                new ArrayList<>(assignments.findByTaskIdAndUnitPathRegex(taskId, scope.subtreeRegex()));
        if (nodes.isEmpty()) {
            throw new NotFoundException("任务 " + taskId);
        }
        nodes.sort((x, y) -> x.unitPath().value().compareTo(y.unitPath().value()));
        return nodes;
    }

    public List<Assignment> children(OrgScope scope, String id) {
        Assignment parent = get(scope, id);
        return assignments.findByParentAssignmentId(parent.id());
    }

    /**
     * Splits the caller's own assignment among direct children, keeping {@code retained} (本级保留; null leaves what was
     * kept before) for the unit itself.
     */
    public Assignment allocate(
            OrgScope scope, String id, List<AllocationInput> inputs, BigDecimal retained, IfMatch ifMatch) {
        requireStaff(scope);
        Assignment parent = get(scope, id);
        if (!scope.isOwnUnit(parent.unitPath())) {
            throw new ForbiddenException("只能分解本单位承担的任务 / only the assigned unit may allocate it");
        }
        ifMatch.requireCurrent(parent.version());
        if (inputs.isEmpty()) {
            throw new InvalidFieldException("allocations", "至少分解给一个下级单位", "allocate to at least one unit");
        }
        Set<String> seen = new HashSet<>();
        List<Allocation> changes = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            AllocationInput input = inputs.get(i);
            if (!seen.add(input.unitCode())) {
                throw new InvalidFieldException(
                        "allocations[" + i + "].unitCode", "同一单位重复分解", "the same unit appears twice");
            }
            OrgUnit child = directChild(scope, parent.unitPath(), input.unitCode(), i);
            BigDecimal target = input.target();
            if (target == null) {
                if (parent.indicator().kind() != IndicatorKind.RATE) {
                    throw new InvalidFieldException("allocations[" + i + "].target", "不能为空", "must not be empty");
                }
                target = parent.target();
            }
            String childId = AssignmentIds.of(parent.taskId(), child.path());
            assignments.findById(childId).ifPresent(existing -> {
                if (existing.status() == AssignmentStatus.ACKNOWLEDGED) {
                    throw new ConflictException(child.name() + "已签收,不能重新分解 / " + child.code() + " has acknowledged");
                }
            });
            changes.add(new Allocation(child.path().value(), child.name(), target, childId, false, null));
        }
        parent.allocate(changes, retained, clock.instant());
        Assignment saved = assignments.save(parent);
        writeChildren(saved);
        return saved;
    }

    /**
     * The active direct child a unit allocates to. A unit the caller can see deeper down is a mistake in the form (400,
     * said plainly); one it cannot see does not exist for it (404).
     */
    private OrgUnit directChild(OrgScope scope, OrgPath parent, String code, int index) {
        return units.activeChild(parent, code).orElseGet(() -> {
            boolean visibleBelow = code != null
                    && units.findVisible(scope, code)
                            .filter(u -> !u.retired()
                                    && u.path().isAtOrBelow(parent)
                                    && !u.path().equals(parent))
                            .isPresent();
            if (visibleBelow) {
                throw new InvalidFieldException(
                        "allocations[" + index + "].unitCode",
                        "只能分解到直属下级单位,请由其上级单位继续分解",
                        "allocate to direct child units only; their parent allocates further");
            }
            throw new NotFoundException("下级单位 " + code);
        });
    }

    public Assignment cancelAllocation(OrgScope scope, String id, String unitCode, String reason) {
        requireStaff(scope);
        Assignment parent = get(scope, id);
        if (!scope.isOwnUnit(parent.unitPath())) {
            throw new ForbiddenException("只能取消本单位下达的分解 / only the allocating unit may cancel");
        }
        OrgPath child = parent.unitPath().child(unitCode);
        parent.cancelAllocation(child, reason, clock.instant());
        Assignment saved = assignments.save(parent);
        writeChildren(saved);
        return saved;
    }

    public Assignment acknowledge(OrgScope scope, String id) {
        requireStaff(scope);
        Assignment a = get(scope, id);
        if (!scope.isOwnUnit(a.unitPath())) {
            throw new ForbiddenException("只能签收本单位的任务 / only the assigned unit may acknowledge");
        }
        a.acknowledge(scope.username(), clock.instant());
        return assignments.save(a);
    }

    public Assignment remind(OrgScope scope, String id) {
        requireStaff(scope);
        Assignment a = get(scope, id);
        if (!scope.isParentOf(a.unitPath())) {
            throw new ForbiddenException("只能催办直属下级单位 / only the direct parent may remind");
        }
        a.remind(clock.instant());
        return assignments.save(a);
    }

    public Assignment requestExtension(OrgScope scope, String id, LocalDate requested, String reason) {
        requireStaff(scope);
        Assignment a = get(scope, id);
        if (!scope.isOwnUnit(a.unitPath())) {
            throw new ForbiddenException("只能为本单位的任务申请延期 / only the assigned unit may ask");
        }
        a.requestExtension(requested, reason, scope.username(), clock.instant());
        return assignments.save(a);
    }

    public Assignment decideExtension(OrgScope scope, String id, boolean approve, String reason) {
        requireStaff(scope);
        Assignment a = get(scope, id);
        if (!scope.isParentOf(a.unitPath())) {
            throw new ForbiddenException("只能由直属上级审批延期 / only the direct parent decides");
        }
        if (approve) {
            a.approveExtension(reason, clock.instant());
        } else {
            if (reason == null || reason.isBlank()) {
                throw new InvalidFieldException("reason", "驳回须说明理由", "a rejection needs a reason");
            }
            a.rejectExtension(reason, clock.instant());
        }
        return assignments.save(a);
    }

    /** Writes (or repairs) the children's documents from what the parent allocated. Safe to repeat. */
    public void writeChildren(Assignment parent) {
        for (Allocation allocation : parent.allocations()) {
            assignments
                    .findById(allocation.assignmentId())
                    .ifPresentOrElse(
                            child -> {
                                if (child.followParent(allocation, parent.target())) {
                                    assignments.save(child);
                                }
                            },
                            () -> insert(Assignment.child(parent, allocation)));
        }
        // only the version whose children were just written is cleared: a split saved meanwhile keeps its flag until
        // its own children are written (by its request or by the repair). A targeted update: saving the whole parent
        // again would copy back events the relay may have sent meanwhile.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(parent.id()).and("version").is(parent.version())),
                new Update().set("childrenPending", false),
                Assignment.class);
    }

    @Override
    public void writeRoots(AnnualPlan plan) {
        for (Task task : plan.tasks()) {
            String rootId = AssignmentIds.of(task.id(), plan.unitPath());
            assignments
                    .findById(rootId)
                    .ifPresentOrElse(
                            root -> {
                                if (root.followTask(task)) {
                                    assignments.save(root);
                                }
                            },
                            () -> insert(Assignment.root(plan, task)));
        }
    }

    /** Finishes any split whose children were not all written (the process stopped in between). */
    public int repairPending() {
        int repaired = 0;
        for (Assignment parent : assignments.findByChildrenPendingTrue()) {
            try {
                writeChildren(parent);
                repaired++;
            } catch (OptimisticLockingFailureException concurrent) {
                log.debug("assignment {} changed while repairing; next round", parent.id());
            }
        }
        return repaired;
    }

    private void insert(Assignment a) {
        try {
            assignments.insert(a);
        } catch (DuplicateKeyException writtenConcurrently) {
            // another request or the repair wrote the same document first: same content by construction
        }
    }

    /** Leaders and admins read; only the staff of a unit (a level role) act on its assignments. */
    private static void requireStaff(OrgScope scope) {
        scope.requireStaff("该账号只能查看,不能办理任务 / this account may only read");
    }
}
