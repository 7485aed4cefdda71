package cn.fulian.activity.activity;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.assignment.AssignmentInfo;
import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.CatalogueService;
import cn.fulian.activity.config.InvalidRequestException;
import cn.fulian.activity.config.StaffOnly;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.problem.FieldProblem;
import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Recording, amending and voiding activities, and finding them within the caller's scope. A unit changes only its
 * own activities; parents see their subtree's; anything outside the scope does not exist for the caller.
 */
@Service
public class ActivityService {

    private final ActivityRepository activities;
    private final MongoTemplate mongo;
    private final CatalogueService catalogue;
    private final AssignmentDirectory assignments;
    private final EntryYears entryYears;
    private final Clock clock;

    ActivityService(
            ActivityRepository activities,
            MongoTemplate mongo,
            CatalogueService catalogue,
            AssignmentDirectory assignments,
            EntryYears entryYears) {
        this.activities = activities;
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.assignments = assignments;
        this.entryYears = entryYears;
        this.clock = Clock.systemUTC();
    }

    public Activity record(OrgScope scope, ActivityDraft draft) {
        StaffOnly.require(scope, "录入活动");
        Catalogue c = catalogue.catalogue();
        requireValid(check(scope.unit(), draft, c, Set.of(), true));
        ActivityType type = c.type(draft.type()).orElseThrow();
        Activity a = Activity.record(
                "act-" + UUID.randomUUID(), scope.unit(), type, draft, scope.username(), clock.instant(), null);
        return activities.insert(a);
    }

    /**
     * Replaces what was entered for the activity. {@code ifMatch} holds the version the user edited: if someone else
     * saved in between, the answer is 412 and nothing is overwritten.
     */
    public Activity amend(OrgScope scope, String id, IfMatch ifMatch, ActivityDraft changes, String reason) {
        StaffOnly.require(scope, "修改活动");
        Activity a = own(scope, id);
        ifMatch.requireCurrent(a.version());
        ActivityDraft draft = new ActivityDraft(
                a.type(),
                changes.title(),
                a.year(),
                changes.startDate(),
                changes.endDate(),
                changes.place(),
                changes.organiser(),
                changes.description(),
                changes.metrics(),
                changes.links());
        requireValid(check(a.unit(), draft, catalogue.catalogue(), new HashSet<>(a.links()), false));
        a.amend(draft, reason.trim(), scope.username(), clock.instant());
        return activities.save(a);
    }

    public Activity voidActivity(OrgScope scope, String id, IfMatch ifMatch, String reason) {
        StaffOnly.require(scope, "作废活动");
        Activity a = own(scope, id);
        ifMatch.requireCurrent(a.version());
        a.voidWith(reason.trim(), scope.username(), clock.instant());
        return activities.save(a);
    }

    public Activity get(OrgScope scope, String id) {
        Activity a = activities.findById(id).orElseThrow(() -> new NotFoundException("活动 " + id));
        scope.requireVisible(a.unit(), "活动 " + id);
        return a;
    }

    /** The activity for a change by the caller: visible ones of other units are 403, invisible ones 404. */
    public Activity own(OrgScope scope, String id) {
        Activity a = get(scope, id);
        if (!scope.isOwnUnit(a.unit())) {
            throw new ForbiddenException("只能修改本单位录入的活动 / only the recording unit may change an activity");
        }
        return a;
    }

    public PageView<Activity> list(OrgScope scope, ActivityFilter f, int page, int size) {
        Criteria c = Criteria.where("unitPath").regex(scope.subtreeRegex());
        Criteria extra = new Criteria();
        List<Criteria> and = new java.util.ArrayList<>();
        if (f.unitPath() != null && !f.unitPath().isBlank()) {
            if (!OrgPath.isValid(f.unitPath())) {
                throw InvalidRequestException.of("unitPath", "单位编码路径格式不正确", "not a unit path");
            }
            OrgPath unit = OrgPath.of(f.unitPath());
            scope.requireVisible(unit, "单位 " + unit);
            and.add(
                    f.subtree()
                            ? Criteria.where("unitPath").regex(unit.subtreeRegex())
                            : Criteria.where("unitPath").is(unit.value()));
        }
        if (f.type() != null && !f.type().isBlank()) {
            and.add(Criteria.where("type").is(f.type()));
        }
        if (f.year() != null) {
            and.add(Criteria.where("year").is(f.year()));
        }
        if (f.status() != null) {
            and.add(Criteria.where("status").is(f.status()));
        }
        if (f.from() != null) {
            and.add(Criteria.where("startDate").gte(f.from()));
        }
        if (f.to() != null) {
            and.add(Criteria.where("startDate").lte(f.to()));
        }
        if (f.assignmentId() != null && !f.assignmentId().isBlank()) {
            and.add(Criteria.where("links.assignmentId").is(f.assignmentId()));
        }
        if (f.importBatchId() != null && !f.importBatchId().isBlank()) {
            and.add(Criteria.where("importBatchId").is(f.importBatchId()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            and.add(Criteria.where("title").regex(Pattern.quote(f.q().trim())));
        }
        if (!and.isEmpty()) {
            and.add(0, c);
            c = extra.andOperator(and);
        }
        Query query = Query.query(c);
        long total = mongo.count(query, Activity.class);
        List<Activity> items = mongo.find(
                query.with(Paging.request(page, size, Sort.by(Sort.Order.desc("startDate"), Sort.Order.asc("_id")))),
                Activity.class);
        return new PageView<>(items, total, page, size);
    }

    /**
     * What the unit's subtree achieved toward an assignment's task from the start of its year up to a day (activities
     * that started by then): the figure a progress report for a period ending that day starts from. Counted as the
     * dashboard counts: each activity once per task. A rate is the numerator over the denominator in percent.
     */
    public PeriodFigure figure(OrgScope scope, String assignmentId, LocalDate to) {
        AssignmentInfo a = assignments
                .find(assignmentId)
                .filter(x -> OrgPath.isValid(x.unitPath()) && scope.canSee(OrgPath.of(x.unitPath())))
                .orElseThrow(() -> new NotFoundException("任务分配 / assignment " + assignmentId));
        if (to == null) {
            throw InvalidRequestException.of("to", "请填写截止日期", "to (the last day counted) is required");
        }
        LocalDate from = LocalDate.of(a.year(), 1, 1);
        Set<String> ofTask = new HashSet<>(assignments.idsOfTask(a.taskId()));
        Query q = Query.query(Criteria.where("unitPath")
                .regex(OrgPath.of(a.unitPath()).subtreeRegex())
                .and("year")
                .is(a.year())
                .and("status")
                .is(ActivityStatus.ACTIVE)
                .and("startDate")
                .lte(to)
                .and("links.assignmentId")
                .in(ofTask));
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        int counted = 0;
        for (Activity act : mongo.find(q, Activity.class)) {
            Link link = act.links().stream()
                    .filter(l -> ofTask.contains(l.assignmentId()))
                    .findFirst()
                    .orElse(null);
            if (link == null) {
                continue;
            }
            AssignmentContribution c =
                    Metrics.contributions(act.metrics(), List.of(link)).get(0);
            amount = amount.add(c.amount() == null ? BigDecimal.ZERO : c.amount());
            den = den.add(c.denominatorAmount() == null ? BigDecimal.ZERO : c.denominatorAmount());
            counted++;
        }
        BigDecimal value = a.isRate()
                ? (den.signum() == 0
                        ? null
                        : amount.multiply(BigDecimal.valueOf(100)).divide(den, 1, RoundingMode.HALF_UP))
                : amount;
        return new PeriodFigure(assignmentId, from, to, value, amount, a.isRate() ? den : null, counted);
    }

    /** The figure of {@link #figure}: the value to pre-fill, its parts, and how many activities made it. */
    public record PeriodFigure(
            String assignmentId,
            LocalDate from,
            LocalDate to,
            BigDecimal value,
            BigDecimal amount,
            BigDecimal denominator,
            int activities) {}

    /** All problems of a draft the unit would record or amend, looking up the assignments its links name. */
    public List<FieldProblem> check(
            OrgPath unit, ActivityDraft draft, Catalogue c, Set<Link> alreadyLinked, boolean newActivity) {
        List<String> ids = draft.links().stream()
                .filter(Objects::nonNull)
                .map(Link::assignmentId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<FieldProblem> problems = new java.util.ArrayList<>(
                ActivityRules.check(draft, c, unit, assignments.findAll(ids), alreadyLinked, newActivity));
        // an activity counts in the year it ends: that year must take entries
        if (problems.stream().noneMatch(p -> p.field().equals("endDate"))) {
            entryYears.problem("endDate", draft.endDate()).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Stores an already checked ledger row under a fixed id. Inserting (never overwriting) makes a repeated attempt for
     * the same row harmless: an existing id is reported as false.
     */
    public boolean recordChecked(
            String id, OrgPath unit, ActivityType type, ActivityDraft draft, String by, Instant at, String batchId) {
        if (activities.existsById(id)) {
            return false;
        }
        try {
            activities.insert(Activity.record(id, unit, type, draft, by, at, batchId));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException concurrentlyInserted) {
            return false;
        }
    }

    public Activity attach(OrgScope scope, String id, EvidenceFile file, int maxFiles) {
        Activity a = own(scope, id);
        a.attach(file, maxFiles);
        return activities.save(a);
    }

    public EvidenceFile detach(OrgScope scope, String id, String fileId) {
        StaffOnly.require(scope, "删除佐证材料");
        Activity a = own(scope, id);
        EvidenceFile file = a.detach(fileId);
        activities.save(a);
        return file;
    }

    private static void requireValid(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
