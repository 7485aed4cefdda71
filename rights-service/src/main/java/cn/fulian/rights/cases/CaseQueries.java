package cn.fulian.rights.cases;

import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.rights.web.PageView;
import cn.fulian.rights.web.Paging;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Finds cases the caller may see. Anything outside the caller's view does not exist for it (404). */
@Service
public class CaseQueries {

    private static final List<CaseStatus> OPEN =
            List.of(CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS);

    private final CaseRepository repository;
    private final MongoTemplate mongo;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    CaseQueries(CaseRepository repository, MongoTemplate mongo, DeadlinePolicy deadlines, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public RightsCase visibleCase(String id, OrgScope scope) {
        return repository
                .findById(id)
                .filter(c -> CaseAccess.canSee(scope, c))
                .orElseThrow(() -> new NotFoundException("案件 " + id));
    }

    /** Cases visible to the caller that match the filter, most recently registered first. */
    public PageView<RightsCase> list(OrgScope scope, CaseFilter filter, int page, int size) {
        Paging.check(page, size);
        List<Criteria> all = new ArrayList<>();
        all.add(CaseAccess.visibleTo(scope));
        if (filter.unit() != null) {
            if (!OrgPath.isValid(filter.unit())) {
                throw new InvalidFieldException("unit", "单位路径格式不正确", "is not a unit path");
            }
            OrgPath unit = OrgPath.of(filter.unit());
            scope.requireVisible(unit, "单位 " + unit);
            all.add(Criteria.where("handlingUnit").regex("^" + unit.value() + "(/|$)"));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.channel() != null) {
            all.add(Criteria.where("channel").is(filter.channel()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category()));
        }
        if (filter.possibleRepeat() != null) {
            all.add(Criteria.where("possibleRepeat").is(filter.possibleRepeat()));
        }
        if (filter.urgent() != null) {
            all.add(Criteria.where("urgent").is(filter.urgent()));
        }
        if (filter.deadline() != null) {
            LocalDate today = LocalDate.now(clock);
            all.add(Criteria.where("status").in(OPEN));
            all.add(
                    switch (filter.deadline()) {
                        case OVERDUE -> Criteria.where("nextDueDate").lt(today.toString());
                        case DUE_SOON ->
                            Criteria.where("nextDueDate")
                                    .gte(today.toString())
                                    .lte(today.plusDays(deadlines.dueSoonDays()).toString());
                    });
        }
        Query query = Query.query(new Criteria().andOperator(all));
        long total = mongo.count(query, RightsCase.class);
        List<RightsCase> items = mongo.find(
                query.with(Sort.by(Sort.Direction.DESC, "registeredAt"))
                        .skip((long) page * size)
                        .limit(size),
                RightsCase.class);
        return new PageView<>(items, total, page, size);
    }
}
