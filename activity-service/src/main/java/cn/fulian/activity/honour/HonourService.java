package cn.fulian.activity.honour;

import cn.fulian.activity.config.InvalidRequestException;
import cn.fulian.activity.config.StaffOnly;
import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.problem.FieldProblem;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Registering honours for holders in the caller's subtree and reviewing them round by round. A unit reviews honours
 * held at or below it; a transfer may go to any unit the registry knows (巾帼文明岗 handed to another district's
 * federation).
 */
@Service
public class HonourService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HonourRepository honours;
    private final MongoTemplate mongo;
    private final OrgUnitDirectory units;
    private final EntryYears entryYears;
    private final Clock clock = Clock.systemUTC();

    HonourService(HonourRepository honours, MongoTemplate mongo, OrgUnitDirectory units, EntryYears entryYears) {
        this.honours = honours;
        this.mongo = mongo;
        this.units = units;
        this.entryYears = entryYears;
    }

    public Honour award(
            OrgScope scope,
            HonourKind kind,
            HonourLevel level,
            String holderName,
            String holderUnitPath,
            LocalDate awardedOn,
            String awardedBy,
            String certificateNo) {
        StaffOnly.require(scope, "登记荣誉");
        List<FieldProblem> problems = new ArrayList<>();
        OrgPath holderUnit = scope.unit();
        if (holderUnitPath != null && !holderUnitPath.isBlank()) {
            if (!OrgPath.isValid(holderUnitPath) || !scope.canSee(OrgPath.of(holderUnitPath))) {
                problems.add(new FieldProblem(
                        "holderUnitPath", "所属单位须为本单位或下级单位", "the holder's unit must be the caller's unit or below it"));
            } else {
                holderUnit = OrgPath.of(holderUnitPath);
            }
        }
        if (awardedOn != null && awardedOn.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
            problems.add(new FieldProblem("awardedOn", "命名日期不能晚于今天", "awardedOn must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return honours.insert(Honour.award(
                "hon-" + UUID.randomUUID(),
                kind,
                level,
                holderName.trim(),
                holderUnit,
                awardedOn,
                blankToNull(awardedBy),
                blankToNull(certificateNo),
                scope.username(),
                clock.instant()));
    }

    /** Reviews an honour on {@code reviewedOn}, or today when it is null; not after today, not before the award. */
    public Honour review(
            OrgScope scope,
            String id,
            IfMatch ifMatch,
            String round,
            ReviewOutcome outcome,
            String reason,
            String transferredToPath,
            LocalDate reviewedOn) {
        StaffOnly.require(scope, "复查荣誉");
        Honour h = get(scope, id);
        ifMatch.requireCurrent(h.version());
        List<FieldProblem> problems = new ArrayList<>();
        boolean hasReason = reason != null && !reason.isBlank();
        if (outcome != ReviewOutcome.RETAINED && !hasReason) {
            problems.add(new FieldProblem("reason", "撤销或移交须填写原因", "a reason is required to revoke or transfer"));
        }
        OrgPath target = null;
        boolean hasTarget = transferredToPath != null && !transferredToPath.isBlank();
        if (outcome == ReviewOutcome.TRANSFERRED) {
            target = transferTarget(problems, transferredToPath, h.holderUnit());
        } else if (hasTarget) {
            problems.add(
                    new FieldProblem("transferredToPath", "只有移交时才填写接收单位", "only a transfer names a receiving unit"));
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        LocalDate day = reviewedOn != null ? reviewedOn : today;
        if (day.isAfter(today)) {
            problems.add(new FieldProblem("reviewedOn", "复查日期不能晚于今天", "reviewedOn must not be in the future"));
        } else if (h.awardedOn() != null && day.isBefore(h.awardedOn())) {
            problems.add(new FieldProblem(
                    "reviewedOn",
                    "复查日期不能早于命名日期 " + h.awardedOn(),
                    "reviewedOn must not be before the honour was awarded, " + h.awardedOn()));
        } else {
            entryYears.problem("reviewedOn", day).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        h.review(
                round.trim(),
                outcome,
                hasReason ? reason.trim() : null,
                target,
                day,
                scope.username(),
                clock.instant());
        return honours.save(h);
    }

    private OrgPath transferTarget(List<FieldProblem> problems, String path, OrgPath holder) {
        if (path == null || path.isBlank()) {
            problems.add(new FieldProblem("transferredToPath", "移交须指定接收单位", "a transfer needs the receiving unit"));
            return null;
        }
        if (!OrgPath.isValid(path)) {
            problems.add(new FieldProblem("transferredToPath", "单位编码路径格式不正确", "not a unit path"));
            return null;
        }
        OrgPath target = OrgPath.of(path);
        if (target.equals(holder)) {
            problems.add(new FieldProblem("transferredToPath", "接收单位不能是原单位", "the receiving unit must differ"));
            return null;
        }
        Optional<OrgUnitInfo> known = units.find(target);
        if (known.isEmpty() || known.get().retired()) {
            problems.add(
                    new FieldProblem("transferredToPath", "接收单位不存在或已撤销:" + path, "unknown or retired unit " + path));
            return null;
        }
        return target;
    }

    public Honour get(OrgScope scope, String id) {
        Honour h = honours.findById(id).orElseThrow(() -> new NotFoundException("荣誉 " + id));
        scope.requireVisible(h.holderUnit(), "荣誉 " + id);
        return h;
    }

    public PageView<Honour> list(OrgScope scope, HonourFilter f, int page, int size) {
        List<Criteria> and = new ArrayList<>();
        and.add(Criteria.where("holderUnitPath").regex(scope.subtreeRegex()));
        if (f.unitPath() != null && !f.unitPath().isBlank()) {
            and.add(Criteria.where("holderUnitPath")
                    .regex(visible(scope, f.unitPath()).subtreeRegex()));
        }
        if (f.kind() != null) {
            and.add(Criteria.where("kind").is(f.kind()));
        }
        if (f.level() != null) {
            and.add(Criteria.where("level").is(f.level()));
        }
        if (f.status() != null) {
            and.add(Criteria.where("status").is(f.status()));
        }
        if (f.round() != null && !f.round().isBlank()) {
            and.add(Criteria.where("reviews.round").is(f.round()));
        }
        if (f.q() != null && !f.q().isBlank()) {
            and.add(Criteria.where("holderName").regex(Pattern.quote(f.q().trim())));
        }
        Query query = Query.query(new Criteria().andOperator(and));
        long total = mongo.count(query, Honour.class);
        List<Honour> items = mongo.find(
                query.with(Paging.request(page, size, Sort.by(Sort.Order.desc("awardedOn"), Sort.Order.asc("_id")))),
                Honour.class);
        return new PageView<>(items, total, page, size);
    }

    /**
     * Outcome counts per review round for reviews of honours held in the caller's subtree (or in {@code unitPath}'s)
     * when reviewed, newest round first.
     */
    public List<RoundCount> roundCounts(
            OrgScope scope, HonourKind kind, HonourLevel level, String round, String unitPath) {
        String regex = unitPath == null || unitPath.isBlank()
                ? scope.subtreeRegex()
                : visible(scope, unitPath).subtreeRegex();
        List<Criteria> and = new ArrayList<>();
        and.add(Criteria.where("reviews.holderUnitPath").regex(regex));
        if (kind != null) {
            and.add(Criteria.where("kind").is(kind.name()));
        }
        if (level != null) {
            and.add(Criteria.where("level").is(level.name()));
        }
        if (round != null && !round.isBlank()) {
            and.add(Criteria.where("reviews.round").is(round));
        }
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.unwind("reviews"),
                Aggregation.match(new Criteria().andOperator(and)),
                Aggregation.group("reviews.round", "reviews.outcome").count().as("n"));
        Map<String, long[]> byRound = new TreeMap<>(Comparator.reverseOrder());
        for (Document d :
                mongo.aggregate(aggregation, "honours", Document.class).getMappedResults()) {
            Document id = d.get("_id", Document.class);
            String r = id.getString("round");
            ReviewOutcome outcome = ReviewOutcome.valueOf(id.getString("outcome"));
            long n = ((Number) d.get("n")).longValue();
            byRound.computeIfAbsent(r, x -> new long[3])[outcome.ordinal()] += n;
        }
        return byRound.entrySet().stream()
                .map(e -> {
                    long[] c = e.getValue();
                    return new RoundCount(e.getKey(), c[0] + c[1] + c[2], c[0], c[1], c[2]);
                })
                .toList();
    }

    private static OrgPath visible(OrgScope scope, String unitPath) {
        if (!OrgPath.isValid(unitPath)) {
            throw InvalidRequestException.of("unitPath", "单位编码路径格式不正确", "not a unit path");
        }
        OrgPath unit = OrgPath.of(unitPath);
        scope.requireVisible(unit, "单位 " + unitPath);
        return unit;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
