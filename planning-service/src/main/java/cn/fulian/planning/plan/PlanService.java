package cn.fulian.planning.plan;

import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Writing and publishing plans. The staff of any unit (city, district, township or community) write their own unit's
 * plan, one a year, beside the targets allocated from above. A unit reads the plans it works to (its own and its
 * ancestors') and the plans of its subtree (read only); a sibling's or a cousin's plan does not exist for it.
 */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final RootAssignments roots;
    private final MongoTemplate mongo;
    private final Clock clock;

    PlanService(PlanRepository plans, RootAssignments roots, MongoTemplate mongo, Clock clock) {
        this.plans = plans;
        this.roots = roots;
        this.mongo = mongo;
        this.clock = clock;
    }

    public AnnualPlan create(OrgScope scope, PlanContent content) {
        requireStaff(scope);
        return insert(AnnualPlan.draft(scope.unit(), content, scope.username(), clock.instant()));
    }

    /** The plans of the caller's ancestors (whose tasks reach it), its own and its subtree's, a page at a time. */
    public Page<AnnualPlan> list(OrgScope scope, Integer year, Pageable page) {
        List<String> ancestors = scope.unit().selfAndAncestors().stream()
                .filter(u -> !u.equals(scope.unit()))
                .map(OrgPath::value)
                .toList();
        return year == null
                ? plans.findVisible(ancestors, scope.subtreeRegex(), page)
                : plans.findVisibleInYear(ancestors, scope.subtreeRegex(), year, page);
    }

    public AnnualPlan get(OrgScope scope, String id) {
        AnnualPlan plan = plans.findById(id).orElseThrow(() -> new NotFoundException("计划 " + id));
        boolean worksToIt = scope.unit().isAtOrBelow(plan.unitPath());
        if (!worksToIt && !scope.canSee(plan.unitPath())) {
            throw new NotFoundException("计划 " + id);
        }
        return plan;
    }

    public AnnualPlan edit(OrgScope scope, String id, PlanContent content, IfMatch ifMatch) {
        AnnualPlan plan = owned(scope, id);
        if (plan.status() != PlanStatus.DRAFT) {
            throw new ConflictException("计划已发布,不能直接修改;如需调整目标请提交修订 / only a draft can be edited");
        }
        ifMatch.requireCurrent(plan.version());
        plan.edit(content);
        return plans.save(plan);
    }

    public AnnualPlan publish(OrgScope scope, String id) {
        AnnualPlan plan = owned(scope, id);
        plan.publish(scope.username(), clock.instant());
        AnnualPlan saved = plans.save(plan);
        writeRoots(saved);
        return saved;
    }

    public AnnualPlan reviseTarget(OrgScope scope, String id, String taskId, BigDecimal target, String reason) {
        AnnualPlan plan = owned(scope, id);
        plan.reviseTarget(taskId, target, reason, scope.username(), clock.instant());
        AnnualPlan saved = plans.save(plan);
        writeRoots(saved);
        return saved;
    }

    public AnnualPlan cancelTask(OrgScope scope, String id, String taskId, String reason) {
        AnnualPlan plan = owned(scope, id);
        plan.cancelTask(taskId, reason, clock.instant());
        AnnualPlan saved = plans.save(plan);
        writeRoots(saved);
        return saved;
    }

    public AnnualPlan close(OrgScope scope, String id) {
        AnnualPlan plan = owned(scope, id);
        plan.close();
        return plans.save(plan);
    }

    public AnnualPlan copyToNextYear(OrgScope scope, String id) {
        AnnualPlan plan = owned(scope, id);
        return insert(plan.copyToNextYear(scope.username(), clock.instant()));
    }

    /** Finishes publications whose root assignments were not all written (the process stopped in between). */
    public void repairPending() {
        plans.findByRootAssignmentsPendingTrue().forEach(this::writeRoots);
    }

    private void writeRoots(AnnualPlan plan) {
        roots.writeRoots(plan);
        // cleared only for the version whose roots were just written (a revision saved meanwhile keeps its mark)
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(plan.id()).and("version").is(plan.version())),
                new Update().set("rootAssignmentsPending", false),
                AnnualPlan.class);
    }

    private AnnualPlan insert(AnnualPlan plan) {
        try {
            return plans.insert(plan);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(plan.year() + "年度的计划已存在 / a plan for " + plan.year() + " already exists");
        }
    }

    /** A visible plan the caller may change: its own unit's, and the caller one of that unit's staff. */
    private AnnualPlan owned(OrgScope scope, String id) {
        AnnualPlan plan = get(scope, id);
        if (!scope.isOwnUnit(plan.unitPath())) {
            throw new ForbiddenException("只有编制单位可以修改计划，上级和下级单位只能查看 / only the plan's own unit may change it");
        }
        requireStaff(scope);
        return plan;
    }

    /** Leaders and admins read plans; the staff of a unit (a level role) write them. */
    private static void requireStaff(OrgScope scope) {
        scope.requireStaff("该账号只能查看计划，计划由本单位工作人员编制 / this account may only read plans");
    }
}
