package cn.fulian.rights.cases;

import cn.fulian.events.rights.CaseClosed;
import cn.fulian.events.rights.CaseFollowedUp;
import cn.fulian.events.rights.CaseOverdue;
import cn.fulian.events.rights.CaseRegistered;
import cn.fulian.events.rights.CaseReopened;
import cn.fulian.events.rights.CaseTransferred;
import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.codes.Category;
import cn.fulian.rights.codes.Channel;
import cn.fulian.rights.codes.DeadlineStage;
import cn.fulian.rights.codes.Outcome;
import cn.fulian.rights.codes.StepType;
import cn.fulian.rights.codes.TimelineType;
import cn.fulian.rights.deadline.Deadlines;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rights case: the aggregate. Every user action is one method here that checks the case's state, changes it, adds to
 * the timeline and records the events it causes, so that saving the document is the single write of that action.
 * Personal data arrives already sealed; nothing here ever sees it in clear. Dates are ISO strings ({@code 2026-05-21})
 * so they compare correctly in queries whatever the server's time zone.
 */
@Document("rights_cases")
public class RightsCase extends AggregateRoot {

    /** Ledgers go back this far; an earlier day received is a typing error. */
    public static final LocalDate EARLIEST_RECEIVED_ON = LocalDate.of(2000, 1, 1);

    @Id
    private String id;

    /** 案件编号 such as 鼓楼-2026-0001; absent only in cases registered before numbers were given, until numbered. */
    @Indexed(unique = true, sparse = true)
    private String caseNumber;

    private Channel channel;
    private Category category;
    private boolean urgent;
    private boolean minorInvolved;
    private CaseStatus status;

    @Indexed
    private String registeredUnit;

    private String registeredBy;
    private Instant registeredAt;

    /** The day the case came in; the deadlines run from it. Absent in cases registered before it was recorded. */
    private String receivedOn;

    /** The day the case was typed in, in the federation's time zone (see {@link #checkFrom}). */
    private String registeredOn;

    @Indexed
    private String handlingUnit;

    private SealedPersonalData personal;

    @Indexed
    private String phoneHash;

    @Indexed
    private String idNumberHash;

    private boolean possibleRepeat;
    private List<String> repeatOf = new ArrayList<>();

    private String acceptDueDate;
    private String concludeDueDate;

    /** The deadline the case runs against now (accept while registered, conclude while accepted or in progress). */
    @Indexed
    private String nextDueDate;

    /** The earliest deadline whose breach has not been reported yet; the overdue detector looks only past it. */
    @Indexed
    private String nextCheckDate;

    private Instant acceptedAt;
    private Instant closedAt;
    private String closedOn;
    private Outcome outcome;
    private Boolean closedOnTime;
    private String closingSummary;
    private Integer satisfaction;
    private Instant followedUpAt;

    private PendingTransfer pendingTransfer;
    private List<Breach> breaches = new ArrayList<>();
    private List<TimelineEntry> timeline = new ArrayList<>();

    RightsCase() {}

    /**
     * Registers a new case at the actor's unit, which handles it until it transfers it. {@code receivedOn} may lie
     * before {@code registeredOn} (a letter typed in late, an earlier year's ledger moved in); the deadlines were
     * worked out from it.
     */
    static RightsCase register(
            String id,
            Channel channel,
            Category category,
            boolean urgent,
            boolean minorInvolved,
            SealedPersonalData personal,
            String phoneHash,
            String idNumberHash,
            List<String> repeatOf,
            Deadlines deadlines,
            LocalDate receivedOn,
            LocalDate registeredOn,
            Actor actor,
            Instant now) {
        if (receivedOn.isAfter(registeredOn)) {
            throw new InvalidFieldException("receivedOn", "收件日期不能晚于今天", "receivedOn must not be in the future");
        }
        if (receivedOn.isBefore(EARLIEST_RECEIVED_ON)) {
            throw new InvalidFieldException(
                    "receivedOn",
                    "收件日期不能早于 " + EARLIEST_RECEIVED_ON,
                    "receivedOn must not be before " + EARLIEST_RECEIVED_ON);
        }
        RightsCase c = new RightsCase();
        c.id = id;
        c.channel = channel;
        c.category = category;
        c.urgent = urgent;
        c.minorInvolved = minorInvolved;
        c.status = CaseStatus.REGISTERED;
        c.registeredUnit = actor.unit().value();
        c.handlingUnit = c.registeredUnit;
        c.registeredBy = actor.username();
        c.registeredAt = now;
        c.receivedOn = receivedOn.toString();
        c.registeredOn = registeredOn.toString();
        c.personal = personal;
        c.phoneHash = phoneHash;
        c.idNumberHash = idNumberHash;
        c.repeatOf = new ArrayList<>(repeatOf);
        c.possibleRepeat = !repeatOf.isEmpty();
        c.acceptDueDate = deadlines.acceptBy().toString();
        c.concludeDueDate = deadlines.concludeBy().toString();
        c.refreshDeadlineMarks();
        c.timeline.add(
                new TimelineEntry(TimelineType.REGISTERED, now, actor.username(), c.registeredUnit, null, null, null));
        c.record(
                new CaseRegistered(
                        id,
                        c.registeredUnit,
                        channel.name(),
                        category.name(),
                        urgent,
                        now,
                        deadlines.acceptBy(),
                        deadlines.concludeBy(),
                        c.possibleRepeat,
                        receivedOn),
                c.registeredUnit,
                now);
        return c;
    }

    /**
     * Gives the case its number: at registration, or once afterwards for a case registered before cases had numbers.
     * A number once given never changes.
     */
    void number(CaseNumber number) {
        if (caseNumber != null) {
            throw new IllegalStateException("case " + id + " already has its number");
        }
        caseNumber = number.toString();
    }

    /** 受理: the handling unit takes the case on. */
    void accept(Actor actor, String sealedNote, Instant now) {
        requireNoPendingTransfer();
        requireStatus(CaseStatus.REGISTERED, "只有已登记的案件可以受理 / only a registered case can be accepted");
        status = CaseStatus.ACCEPTED;
        acceptedAt = now;
        refreshDeadlineMarks();
        timeline.add(
                new TimelineEntry(TimelineType.ACCEPTED, now, actor.username(), handlingUnit, null, null, sealedNote));
    }

    /** A handling step (mediation, legal aid, referral...); the first one puts the case in progress. */
    void addStep(Actor actor, StepType step, String sealedNote, Instant now) {
        requireNoPendingTransfer();
        if (status != CaseStatus.ACCEPTED && status != CaseStatus.IN_PROGRESS) {
            throw new ConflictException(
                    status == CaseStatus.REGISTERED
                            ? "案件尚未受理，请先受理 / accept the case before recording steps"
                            : "案件已办结，如需继续办理请先重新办理 / the case is closed; reopen it first");
        }
        status = CaseStatus.IN_PROGRESS;
        refreshDeadlineMarks();
        timeline.add(new TimelineEntry(TimelineType.STEP, now, actor.username(), handlingUnit, step, null, sealedNote));
    }

    /** Proposes handing the case to a direct child or to the parent unit; the receiver decides. */
    void requestTransfer(Actor actor, OrgPath to, TransferDirection direction, String sealedReason, Instant now) {
        requireNoPendingTransfer();
        if (!status.isOpen()) {
            throw new ConflictException("已办结的案件不能交办或上报 / a closed case cannot be transferred");
        }
        pendingTransfer = new PendingTransfer(handlingUnit, to.value(), direction, now, actor.username(), sealedReason);
        timeline.add(new TimelineEntry(
                TimelineType.TRANSFER_REQUESTED, now, actor.username(), handlingUnit, null, to.value(), sealedReason));
    }

    /** The receiving unit takes the case over: from now on it is the handling unit. */
    void acceptTransfer(Actor actor, String sealedNote, Instant now) {
        PendingTransfer t = requirePendingTransfer();
        String from = handlingUnit;
        handlingUnit = t.toUnit();
        pendingTransfer = null;
        timeline.add(new TimelineEntry(
                TimelineType.TRANSFER_ACCEPTED, now, actor.username(), handlingUnit, null, handlingUnit, sealedNote));
        record(
                new CaseTransferred(
                        id,
                        from,
                        handlingUnit,
                        category.name(),
                        now,
                        channel.name(),
                        t.direction().name()),
                handlingUnit,
                now);
    }

    /** The receiving unit declines; the sending unit keeps the case. */
    void rejectTransfer(Actor actor, String sealedReason, Instant now) {
        PendingTransfer t = requirePendingTransfer();
        pendingTransfer = null;
        timeline.add(new TimelineEntry(
                TimelineType.TRANSFER_REJECTED, now, actor.username(), t.toUnit(), null, t.toUnit(), sealedReason));
    }

    /** 办结 today. */
    void close(Actor actor, Outcome result, String sealedSummary, Instant now, LocalDate today) {
        close(actor, result, sealedSummary, now, today, today);
    }

    /**
     * 办结 on {@code concludedOn} (today, or an earlier day when the closure is recorded late), on time if that is on
     * or before the conclude-by day. It can be neither before the day the case came in nor after today.
     */
    void close(Actor actor, Outcome result, String sealedSummary, Instant now, LocalDate today, LocalDate concludedOn) {
        requireNoPendingTransfer();
        requireStatus(CaseStatus.IN_PROGRESS, "只有办理中的案件可以办结 / only a case in progress can be closed");
        if (concludedOn.isAfter(today)) {
            throw new InvalidFieldException("closedOn", "办结日期不能晚于今天", "closedOn must not be in the future");
        }
        if (receivedOn != null && concludedOn.isBefore(LocalDate.parse(receivedOn))) {
            throw new InvalidFieldException(
                    "closedOn",
                    "办结日期不能早于收件日期 " + receivedOn,
                    "closedOn must not be before the day the case was received, " + receivedOn);
        }
        LocalDate due = LocalDate.parse(concludeDueDate);
        status = CaseStatus.CLOSED;
        closedAt = now;
        closedOn = concludedOn.toString();
        outcome = result;
        closedOnTime = !concludedOn.isAfter(due);
        closingSummary = sealedSummary;
        refreshDeadlineMarks();
        timeline.add(
                new TimelineEntry(TimelineType.CLOSED, now, actor.username(), handlingUnit, null, null, sealedSummary));
        record(
                new CaseClosed(
                        id,
                        handlingUnit,
                        category.name(),
                        now,
                        closedOnTime,
                        result.name(),
                        channel.name(),
                        due,
                        concludedOn),
                handlingUnit,
                now);
    }

    /** 回访: the complainant was asked afterwards how satisfied she is (1 to 5). */
    void followUp(Actor actor, int score, String sealedNote, Instant now) {
        requireStatus(
                CaseStatus.CLOSED, "只有已办结且未回访的案件可以回访 / only a closed case not yet followed up can be followed up");
        status = CaseStatus.FOLLOWED_UP;
        satisfaction = score;
        followedUpAt = now;
        timeline.add(new TimelineEntry(
                TimelineType.FOLLOWED_UP, now, actor.username(), handlingUnit, null, null, sealedNote));
        record(new CaseFollowedUp(id, handlingUnit, now, score, category.name(), channel.name()), handlingUnit, now);
    }

    /** Back into handling with a new conclude-by day; the earlier closure stays in the timeline. */
    void reopen(Actor actor, String sealedReason, LocalDate newConcludeBy, Instant now) {
        if (status != CaseStatus.CLOSED && status != CaseStatus.FOLLOWED_UP) {
            throw new ConflictException("只有已办结的案件可以重新办理 / only a closed case can be reopened");
        }
        status = CaseStatus.IN_PROGRESS;
        concludeDueDate = newConcludeBy.toString();
        closedAt = null;
        closedOn = null;
        outcome = null;
        closedOnTime = null;
        closingSummary = null;
        satisfaction = null;
        followedUpAt = null;
        refreshDeadlineMarks();
        timeline.add(new TimelineEntry(
                TimelineType.REOPENED, now, actor.username(), handlingUnit, null, null, sealedReason));
        record(
                new CaseReopened(id, handlingUnit, category.name(), now, channel.name(), newConcludeBy),
                handlingUnit,
                now);
    }

    /**
     * Marks every deadline passed before {@code today} that has not been reported yet and records one
     * {@link CaseOverdue} for each (see {@link #checkFrom} for deadlines that had passed before the case was typed in).
     *
     * @return how many new breaches were found
     */
    int detectOverdue(LocalDate today, Instant now) {
        int found = 0;
        for (DeadlineStage stage : watchedStages()) {
            String due = dueDateOf(stage);
            if (today.isAfter(LocalDate.parse(checkFrom(stage))) && !alreadyBreached(stage, due)) {
                breaches.add(new Breach(stage, due, now));
                timeline.add(new TimelineEntry(TimelineType.OVERDUE, now, "system", handlingUnit, null, null, null));
                record(
                        new CaseOverdue(
                                id,
                                handlingUnit,
                                stage.name(),
                                LocalDate.parse(due),
                                now,
                                category.name(),
                                channel.name()),
                        handlingUnit,
                        now);
                found++;
            }
        }
        refreshDeadlineMarks();
        return found;
    }

    private List<DeadlineStage> watchedStages() {
        if (status == CaseStatus.REGISTERED) {
            return List.of(DeadlineStage.ACCEPT, DeadlineStage.CONCLUDE);
        }
        return status.isOpen() ? List.of(DeadlineStage.CONCLUDE) : List.of();
    }

    private String dueDateOf(DeadlineStage stage) {
        return stage == DeadlineStage.ACCEPT ? acceptDueDate : concludeDueDate;
    }

    /**
     * The last day on which the deadline of {@code stage} does not count as breached yet: its due date, or the day the
     * case was typed in if that is later. A case received long ago and moved in from a ledger had passed its deadlines
     * before anyone could act on it here; if it is accepted and closed the day it is typed in, whether it was concluded
     * in time shows in its closure ({@code closedOn} against the conclude-by date), not as a breach found meanwhile.
     * Still open the next day, it is reported as breached like any other.
     */
    private String checkFrom(DeadlineStage stage) {
        String due = dueDateOf(stage);
        return registeredOn != null && registeredOn.compareTo(due) > 0 ? registeredOn : due;
    }

    private boolean alreadyBreached(DeadlineStage stage, String due) {
        return breaches.stream().anyMatch(b -> b.is(stage, due));
    }

    private void refreshDeadlineMarks() {
        nextDueDate = status == CaseStatus.REGISTERED ? acceptDueDate : status.isOpen() ? concludeDueDate : null;
        nextCheckDate = watchedStages().stream()
                .filter(s -> !alreadyBreached(s, dueDateOf(s)))
                .map(this::checkFrom)
                .min(String::compareTo)
                .orElse(null);
    }

    private void requireStatus(CaseStatus required, String message) {
        if (status != required) {
            throw new ConflictException(message);
        }
    }

    private void requireNoPendingTransfer() {
        if (pendingTransfer != null) {
            throw new ConflictException("案件正在等待" + pendingTransfer.toUnit()
                    + "接收，接收或退回前不能办理 / the case is waiting for the receiving unit to accept or reject it");
        }
    }

    private PendingTransfer requirePendingTransfer() {
        if (pendingTransfer == null) {
            throw new ConflictException("该案件没有待接收的交办或上报 / the case has no pending transfer");
        }
        return pendingTransfer;
    }

    /**
     * Every sealed value of the case with the name it is bound to as associated data (absent values left out): the
     * personal data, the closing summary, the pending transfer's reason and the timeline's notes. Free text is bound to
     * {@link SealedPersonalData#NOTES} wherever it stands.
     */
    public List<SealedValue> sealedValues() {
        List<SealedValue> values = new ArrayList<>();
        if (personal != null) {
            addSealed(values, SealedPersonalData.COMPLAINANT_NAME, personal.complainantName());
            addSealed(values, SealedPersonalData.COMPLAINANT_PHONE, personal.complainantPhone());
            addSealed(values, SealedPersonalData.COMPLAINANT_ID_NUMBER, personal.complainantIdNumber());
            addSealed(values, SealedPersonalData.COMPLAINANT_ADDRESS, personal.complainantAddress());
            addSealed(values, SealedPersonalData.RESPONDENT_NAME, personal.respondentName());
            addSealed(values, SealedPersonalData.RESPONDENT_RELATION, personal.respondentRelation());
            addSealed(values, SealedPersonalData.ACCOUNT, personal.account());
        }
        addSealed(values, SealedPersonalData.NOTES, closingSummary);
        if (pendingTransfer != null) {
            addSealed(values, SealedPersonalData.NOTES, pendingTransfer.reason());
        }
        timeline.forEach(t -> addSealed(values, SealedPersonalData.NOTES, t.note()));
        return values;
    }

    private static void addSealed(List<SealedValue> values, String field, String sealed) {
        if (sealed != null) {
            values.add(new SealedValue(field, sealed));
        }
    }

    /**
     * Re-encryption after a key rotation: every sealed value becomes what {@code reseal} makes of it (value, field →
     * the same plaintext sealed with the current key) and the match hashes are replaced by ones from the current match
     * key. What the case says does not change, so no event is recorded and the timeline stays as it was.
     */
    void reseal(BiFunction<String, String, String> reseal, String newPhoneHash, String newIdNumberHash) {
        if (personal != null) {
            personal = new SealedPersonalData(
                    reseal.apply(personal.complainantName(), SealedPersonalData.COMPLAINANT_NAME),
                    reseal.apply(personal.complainantPhone(), SealedPersonalData.COMPLAINANT_PHONE),
                    reseal.apply(personal.complainantIdNumber(), SealedPersonalData.COMPLAINANT_ID_NUMBER),
                    reseal.apply(personal.complainantAddress(), SealedPersonalData.COMPLAINANT_ADDRESS),
                    reseal.apply(personal.respondentName(), SealedPersonalData.RESPONDENT_NAME),
                    reseal.apply(personal.respondentRelation(), SealedPersonalData.RESPONDENT_RELATION),
                    reseal.apply(personal.account(), SealedPersonalData.ACCOUNT));
        }
        closingSummary = reseal.apply(closingSummary, SealedPersonalData.NOTES);
        if (pendingTransfer != null) {
            PendingTransfer t = pendingTransfer;
            pendingTransfer = new PendingTransfer(
                    t.fromUnit(),
                    t.toUnit(),
                    t.direction(),
                    t.requestedAt(),
                    t.requestedBy(),
                    reseal.apply(t.reason(), SealedPersonalData.NOTES));
        }
        timeline.replaceAll(t -> new TimelineEntry(
                t.type(),
                t.at(),
                t.by(),
                t.unit(),
                t.step(),
                t.toUnit(),
                reseal.apply(t.note(), SealedPersonalData.NOTES)));
        phoneHash = newPhoneHash;
        idNumberHash = newIdNumberHash;
    }

    /** The keyed hash of the complainant's phone number for repeat detection, if one was given. */
    public String phoneHash() {
        return phoneHash;
    }

    /** The keyed hash of the complainant's ID number for repeat detection, if one was given. */
    public String idNumberHash() {
        return idNumberHash;
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    /** The case number, or {@code null} for an old case not numbered yet. */
    public String caseNumber() {
        return caseNumber;
    }

    public Channel channel() {
        return channel;
    }

    public Category category() {
        return category;
    }

    public boolean urgent() {
        return urgent;
    }

    public boolean minorInvolved() {
        return minorInvolved;
    }

    public CaseStatus status() {
        return status;
    }

    public OrgPath registeredUnit() {
        return OrgPath.of(registeredUnit);
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** The day the case came in; for a case registered before that was recorded, the day it was registered. */
    public LocalDate receivedOn(ZoneId zone) {
        return receivedOn != null
                ? LocalDate.parse(receivedOn)
                : registeredAt.atZone(zone).toLocalDate();
    }

    public OrgPath handlingUnit() {
        return OrgPath.of(handlingUnit);
    }

    public SealedPersonalData personal() {
        return personal;
    }

    public boolean possibleRepeat() {
        return possibleRepeat;
    }

    public List<String> repeatOf() {
        return Collections.unmodifiableList(repeatOf);
    }

    public LocalDate acceptDueDate() {
        return LocalDate.parse(acceptDueDate);
    }

    public LocalDate concludeDueDate() {
        return LocalDate.parse(concludeDueDate);
    }

    /** The deadline the case currently runs against, or {@code null} once closed. */
    public LocalDate nextDueDate() {
        return nextDueDate == null ? null : LocalDate.parse(nextDueDate);
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    /** The day the case was concluded while closed; for a case closed before that was recorded, the day it was. */
    public LocalDate closedOn(ZoneId zone) {
        if (closedOn != null) {
            return LocalDate.parse(closedOn);
        }
        return closedAt == null ? null : closedAt.atZone(zone).toLocalDate();
    }

    public Outcome outcome() {
        return outcome;
    }

    public Boolean closedOnTime() {
        return closedOnTime;
    }

    public String closingSummary() {
        return closingSummary;
    }

    public Integer satisfaction() {
        return satisfaction;
    }

    public Instant followedUpAt() {
        return followedUpAt;
    }

    public PendingTransfer pendingTransfer() {
        return pendingTransfer;
    }

    public List<Breach> breaches() {
        return Collections.unmodifiableList(breaches);
    }

    public List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    /** The units whose people may be entitled to see this case: the handling and the registering unit. */
    public List<String> responsibleUnits() {
        return handlingUnit.equals(registeredUnit) ? List.of(handlingUnit) : List.of(handlingUnit, registeredUnit);
    }

    @Override
    public String toString() {
        return "RightsCase[" + id + " " + caseNumber + " " + status + " at " + handlingUnit + "]";
    }
}
