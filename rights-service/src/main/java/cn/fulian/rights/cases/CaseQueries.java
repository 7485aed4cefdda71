package cn.fulian.rights.cases;

import cn.fulian.rights.cases.CaseFilter.TransferFilter;
import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Finds cases the caller may see. Anything outside the caller's view does not exist for it (404). */
@Service
public class CaseQueries {

    private static final int MAX_SEARCH = 50;

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

    /** Open cases handled at or below {@code unit} (default: the caller's unit) that are overdue or due soon. */
    public DeadlineBoard deadlineBoard(OrgScope scope, String unitParam) {
        OrgPath unit = scope.unit();
        if (unitParam != null) {
            if (!OrgPath.isValid(unitParam)) {
                throw new InvalidFieldException("unit", "单位路径格式不正确", "is not a unit path");
            }
            unit = OrgPath.of(unitParam);
            scope.requireVisible(unit, "单位 " + unit);
        }
        LocalDate today = LocalDate.now(clock);
        String todayIso = today.toString();
        Query query = Query.query(Criteria.where("handlingUnit")
                .regex(unit.subtreeRegex())
                .and("status")
                .in(OPEN)
                .and("nextDueDate")
                .lte(today.plusDays(deadlines.dueSoonDays()).toString()));
        query.fields().include("handlingUnit").include("nextDueDate");
        Map<String, long[]> counts = new TreeMap<>();
        for (Document d : mongo.find(query, Document.class, "rights_cases")) {
            OrgPath handling = OrgPath.of(d.getString("handlingUnit"));
            String row = handling.equals(unit)
                    ? unit.value()
                    : unit.child(handling.codes().get(unit.depth())).value();
            long[] c = counts.computeIfAbsent(row, k -> new long[2]);
            c[d.getString("nextDueDate").compareTo(todayIso) < 0 ? 0 : 1]++;
        }
        String own = unit.value();
        List<DeadlineBoard.Row> rows = counts.entrySet().stream()
                .map(e -> new DeadlineBoard.Row(e.getKey(), e.getKey().equals(own), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new DeadlineBoard(
                own,
                today,
                deadlines.dueSoonDays(),
                rows.stream().mapToLong(DeadlineBoard.Row::overdue).sum(),
                rows.stream().mapToLong(DeadlineBoard.Row::dueSoon).sum(),
                rows);
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
            all.add(Criteria.where("handlingUnit").regex(unit.subtreeRegex()));
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
        if (filter.transfer() != null) {
            all.add(transferred(filter.transfer(), scope.unit()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            all.add(search(filter.q().strip()));
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

    private static Criteria transferred(TransferFilter direction, OrgPath own) {
        String unit = own.value();
        return switch (direction) {
            case IN ->
                new Criteria()
                        .orOperator(
                                Criteria.where("handlingUnit")
                                        .is(unit)
                                        .and("registeredUnit")
                                        .ne(unit),
                                Criteria.where("pendingTransfer.toUnit").is(unit));
            case OUT ->
                new Criteria()
                        .orOperator(
                                Criteria.where("registeredUnit")
                                        .is(unit)
                                        .and("handlingUnit")
                                        .ne(unit),
                                Criteria.where("pendingTransfer.fromUnit").is(unit));
        };
    }

    /** Part of a case number, whatever the case of its letters, or a case's whole id. */
    private static Criteria search(String text) {
        if (text.length() > MAX_SEARCH) {
            throw new InvalidFieldException(
                    "q", "搜索内容不能超过" + MAX_SEARCH + "个字", "must be at most " + MAX_SEARCH + " characters");
        }
        return new Criteria()
                .orOperator(
                        Criteria.where("caseNumber").regex(Pattern.quote(text), "i"),
                        Criteria.where("_id").is(text));
    }
}
