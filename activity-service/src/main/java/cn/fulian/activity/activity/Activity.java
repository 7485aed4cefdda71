package cn.fulian.activity.activity;

import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.ActivityVoided;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An activity a unit ran (活动) with its measured outcomes and the task assignments it counts toward. Every change is
 * one method that records the event describing it, with deltas, so the read model can keep exact totals by only
 * adding. The type and the plan year never change: an activity entered under the wrong ones is voided and recorded
 * again.
 */
@Document("activities")
@CompoundIndex(name = "unit_year", def = "{'unitPath': 1, 'year': 1, 'startDate': -1}")
public class Activity extends AggregateRoot {

    @Id
    private String id;

    @Indexed
    private String unitPath;

    private String type;
    private String typeName;
    private int year;
    private String title;
    private LocalDate startDate;
    private LocalDate endDate;
    private String place;
    private String organiser;
    private String description;
    private Map<String, BigDecimal> metrics = new LinkedHashMap<>();
    private List<Link> links = new ArrayList<>();
    private ActivityStatus status;
    private String voidReason;
    private List<Amendment> amendments = new ArrayList<>();
    private List<EvidenceFile> evidence = new ArrayList<>();
    private String recordedBy;
    private Instant recordedAt;
    private Instant updatedAt;

    @Indexed(sparse = true)
    private String importBatchId;

    Activity() {}

    /** Records a checked draft for the unit; {@code importBatchId} is set when it came from a ledger sheet. */
    static Activity record(
            String id, OrgPath unit, ActivityType type, ActivityDraft d, String by, Instant at, String importBatchId) {
        Activity a = new Activity();
        a.id = id;
        a.unitPath = unit.value();
        a.type = type.code();
        a.typeName = type.name();
        a.year = d.year();
        a.describe(d);
        a.metrics = Metrics.normal(d.metrics());
        a.links = new ArrayList<>(d.links());
        a.status = ActivityStatus.ACTIVE;
        a.recordedBy = by;
        a.recordedAt = at;
        a.updatedAt = at;
        a.importBatchId = importBatchId;
        a.record(
                new ActivityRecorded(
                        id,
                        a.unitPath,
                        a.type,
                        a.year,
                        a.startDate,
                        a.endDate,
                        Map.copyOf(a.metrics),
                        Metrics.assignmentIds(a.links),
                        Metrics.contributions(a.metrics, a.links)),
                a.unitPath,
                at);
        return a;
    }

    /** Replaces what was entered; the event carries only the change. */
    void amend(ActivityDraft d, String reason, String by, Instant at) {
        requireActive();
        Map<String, BigDecimal> after = Metrics.normal(d.metrics());
        Map<String, BigDecimal> delta = Metrics.delta(metrics, after);
        List<AssignmentContribution> change = Metrics.change(metrics, links, after, d.links());
        describe(d);
        metrics = after;
        links = new ArrayList<>(d.links());
        updatedAt = at;
        amendments.add(new Amendment(at, by, reason, delta));
        record(
                new ActivityAmended(id, unitPath, year, delta, Metrics.assignmentIds(links), reason, change),
                unitPath,
                at);
    }

    /** Takes the activity out of every total: the event subtracts exactly what it last added. */
    void voidWith(String reason, String by, Instant at) {
        requireActive();
        status = ActivityStatus.VOIDED;
        voidReason = reason;
        updatedAt = at;
        amendments.add(new Amendment(at, by, "作废:" + reason, Metrics.negated(metrics)));
        record(
                new ActivityVoided(
                        id,
                        unitPath,
                        year,
                        Metrics.negated(metrics),
                        Metrics.assignmentIds(links),
                        reason,
                        Metrics.negated(Metrics.contributions(metrics, links))),
                unitPath,
                at);
    }

    void attach(EvidenceFile file, int maxFiles) {
        requireActive();
        if (evidence.size() >= maxFiles) {
            throw new ConflictException("每个活动最多上传" + maxFiles + "个佐证材料 / at most " + maxFiles + " files per activity");
        }
        evidence.add(file);
    }

    EvidenceFile detach(String fileId) {
        requireActive();
        EvidenceFile file = evidenceFile(fileId);
        evidence.remove(file);
        return file;
    }

    public EvidenceFile evidenceFile(String fileId) {
        return evidence.stream()
                .filter(e -> e.fileId().equals(fileId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("佐证材料 " + fileId));
    }

    private void describe(ActivityDraft d) {
        title = d.title();
        startDate = d.startDate();
        endDate = d.endDate();
        place = d.place();
        organiser = d.organiser();
        description = d.description();
    }

    private void requireActive() {
        if (status == ActivityStatus.VOIDED) {
            throw new ConflictException("活动已作废,不能再修改 / the activity was voided and cannot change");
        }
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public OrgPath unit() {
        return OrgPath.of(unitPath);
    }

    public String type() {
        return type;
    }

    public String typeName() {
        return typeName;
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String place() {
        return place;
    }

    public String organiser() {
        return organiser;
    }

    public String description() {
        return description;
    }

    public Map<String, BigDecimal> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    public ActivityStatus status() {
        return status;
    }

    public String voidReason() {
        return voidReason;
    }

    public List<Amendment> amendments() {
        return Collections.unmodifiableList(amendments);
    }

    public List<EvidenceFile> evidence() {
        return Collections.unmodifiableList(evidence);
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String importBatchId() {
        return importBatchId;
    }
}
