package cn.fulian.planning.allocation;

import cn.fulian.planning.orgunit.UnitWorkload;
import cn.fulian.planning.plan.AnnualPlan;
import cn.fulian.planning.plan.PlanRepository;
import cn.fulian.planning.plan.PlanStatus;
import cn.fulian.starter.scope.OrgPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * An assignment is open while there is still work to do on it: it is not cancelled, its task is not cancelled, its
 * plan is not closed (completed), and its year is this year or later. Last year's assignments are history, whatever
 * their state: they no longer hold a unit back.
 */
@Component
class OpenAssignments implements UnitWorkload {

    private final MongoTemplate mongo;
    private final PlanRepository plans;
    private final Clock clock;

    OpenAssignments(MongoTemplate mongo, PlanRepository plans, Clock clock) {
        this.mongo = mongo;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public OpenWork openAt(OrgPath unit, boolean withSubtree, int limit) {
        Criteria where = withSubtree
                ? Criteria.where("unitPath").regex(unit.subtreeRegex())
                : Criteria.where("unitPath").is(unit.value());
        where.and("status")
                .ne(AssignmentStatus.CANCELLED)
                .and("year")
                .gte(LocalDate.now(clock).getYear());
        List<Assignment> candidates =
                mongo.find(Query.query(where).with(Sort.by("year", "taskTitle", "unitPath")), Assignment.class);
        if (candidates.isEmpty()) {
            return OpenWork.NONE;
        }
        Map<String, AnnualPlan> byId =
                plans
                        .findAllById(candidates.stream()
                                .map(Assignment::planId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(AnnualPlan::id, Function.identity()));
        List<Assignment> open =
                candidates.stream().filter(a -> isOpen(a, byId.get(a.planId()))).toList();
        return new OpenWork(
                open.size(),
                open.stream()
                        .limit(limit)
                        .map(a -> a.taskTitle() + "（" + a.year() + "年）")
                        .toList());
    }

    private static boolean isOpen(Assignment a, AnnualPlan plan) {
        if (plan == null) {
            return true;
        }
        return plan.status() != PlanStatus.CLOSED
                && plan.tasks().stream().noneMatch(t -> t.id().equals(a.taskId()) && t.cancelled());
    }
}
