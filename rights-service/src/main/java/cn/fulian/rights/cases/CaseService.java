package cn.fulian.rights.cases;

import static cn.fulian.rights.cases.SealedPersonalData.ACCOUNT;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_ADDRESS;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_ID_NUMBER;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_NAME;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_PHONE;
import static cn.fulian.rights.cases.SealedPersonalData.NOTES;
import static cn.fulian.rights.cases.SealedPersonalData.RESPONDENT_NAME;
import static cn.fulian.rights.cases.SealedPersonalData.RESPONDENT_RELATION;

import cn.fulian.rights.codes.Outcome;
import cn.fulian.rights.codes.StepType;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.rights.deadline.Deadlines;
import cn.fulian.rights.privacy.IdNumbers;
import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.rights.privacy.PersonalText;
import cn.fulian.rights.privacy.PhoneNumbers;
import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.version.IfMatch;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The desk's actions on cases. Each loads one case, checks the caller may act on it, seals any free text, runs one
 * aggregate method and saves the case once — that write also holds the events it caused. Logs name cases by id only.
 */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final CaseRepository repository;
    private final CaseQueries queries;
    private final RepeatFinder repeats;
    private final CaseNumbers numbers;
    private final PersonalDataCipher cipher;
    private final DeadlinePolicy deadlines;
    private final OrgUnitDirectory directory;
    private final EntryYears entryYears;
    private final Clock clock;

    CaseService(
            CaseRepository repository,
            CaseQueries queries,
            RepeatFinder repeats,
            CaseNumbers numbers,
            PersonalDataCipher cipher,
            DeadlinePolicy deadlines,
            OrgUnitDirectory directory,
            EntryYears entryYears,
            Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.repeats = repeats;
        this.numbers = numbers;
        this.cipher = cipher;
        this.deadlines = deadlines;
        this.directory = directory;
        this.entryYears = entryYears;
        this.clock = clock;
    }

    /** Intake at the caller's own unit, which handles the case until it transfers it. */
    public RightsCase register(OrgScope scope, NewCase intake) {
        CaseAccess.requireOfficer(scope);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String phone = PhoneNumbers.normalise(PersonalText.reveal(intake.complainantPhone()));
        String idNumber = IdNumbers.normalise(PersonalText.reveal(intake.complainantIdNumber()));
        String phoneHash = cipher.matchHash("phone", phone);
        String idNumberHash = cipher.matchHash("id", idNumber);
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = intake.receivedOn() != null ? intake.receivedOn() : today;
        List<String> earlier = repeats.earlierCases(phoneHash, idNumberHash, receivedOn, now);
        SealedPersonalData personal = new SealedPersonalData(
                seal(intake.complainantName(), id, COMPLAINANT_NAME),
                cipher.seal(phone, id, COMPLAINANT_PHONE),
                cipher.seal(idNumber, id, COMPLAINANT_ID_NUMBER),
                seal(intake.complainantAddress(), id, COMPLAINANT_ADDRESS),
                seal(intake.respondentName(), id, RESPONDENT_NAME),
                seal(intake.respondentRelation(), id, RESPONDENT_RELATION),
                seal(intake.account(), id, ACCOUNT));
        // the statutory periods run from the day the case came in, however late it is typed in
        Deadlines due = deadlines.forNewCase(intake.channel(), intake.category(), intake.urgent(), receivedOn);
        RightsCase c = RightsCase.register(
                id,
                intake.channel(),
                intake.category(),
                intake.urgent(),
                intake.minorInvolved(),
                personal,
                phoneHash,
                idNumberHash,
                earlier,
                due,
                receivedOn,
                today,
                Actor.of(scope),
                now);
        entryYears.requireOpen("receivedOn", receivedOn); // the case checked its dates itself first
        // numbered last, once nothing can refuse the intake any more, so refusals use up no numbers
        c.number(numbers.next(scope.unit(), receivedOn.getYear()));
        RightsCase saved = repository.save(c);
        log.info(
                "case {} ({}) received {} registered at {} ({} {}, urgent {}, possible repeat of {})",
                id,
                saved.caseNumber(),
                receivedOn,
                scope.unit(),
                intake.channel(),
                intake.category(),
                intake.urgent(),
                earlier);
        return saved;
    }

    public RightsCase accept(String id, OrgScope scope, IfMatch ifMatch, PersonalText note) {
        return actAsHandlingUnit(id, scope, ifMatch, c -> c.accept(Actor.of(scope), seal(note, id, NOTES), now()));
    }

    public RightsCase addStep(String id, OrgScope scope, IfMatch ifMatch, StepType step, PersonalText note) {
        return actAsHandlingUnit(
                id, scope, ifMatch, c -> c.addStep(Actor.of(scope), step, seal(note, id, NOTES), now()));
    }

    /** 交办 to a direct child or 上报 to the parent of the handling unit; any other unit is refused. */
    public RightsCase requestTransfer(String id, OrgScope scope, IfMatch ifMatch, String toUnit, PersonalText reason) {
        if (!OrgPath.isValid(toUnit)) {
            throw new InvalidFieldException("toUnit", "单位路径格式不正确", "is not a unit path");
        }
        OrgPath to = OrgPath.of(toUnit);
        return actAsHandlingUnit(id, scope, ifMatch, c -> {
            TransferDirection direction = directionOf(c.handlingUnit(), to);
            Optional<OrgUnitInfo> unit = directory.find(to);
            if (unit.isEmpty() || unit.get().retired()) {
                throw new InvalidFieldException(
                        "toUnit", "接收单位不存在或已撤销", "the receiving unit does not exist or was retired");
            }
            c.requestTransfer(Actor.of(scope), to, direction, seal(reason, id, NOTES), now());
        });
    }

    /**
     * Where the handling unit's officer may send the case: the parent unit first (上报), then the direct child units
     * that are not retired (交办), as the local registry copy knows them.
     */
    public List<TransferTarget> transferTargets(String id, OrgScope scope) {
        RightsCase c = queries.visibleCase(id, scope);
        CaseAccess.requireHandlingOfficer(scope, c);
        OrgPath handling = c.handlingUnit();
        List<TransferTarget> targets = new ArrayList<>();
        if (!handling.isRoot()) {
            directory
                    .find(handling.parent())
                    .filter(u -> !u.retired())
                    .ifPresent(u -> targets.add(new TransferTarget(u.orgPath(), u.name(), TransferDirection.UP)));
        }
        for (OrgUnitInfo child : directory.children(handling)) {
            targets.add(new TransferTarget(child.orgPath(), child.name(), TransferDirection.DOWN));
        }
        return targets;
    }

    public RightsCase acceptTransfer(String id, OrgScope scope, IfMatch ifMatch, PersonalText note) {
        return actAsReceivingUnit(
                id, scope, ifMatch, c -> c.acceptTransfer(Actor.of(scope), seal(note, id, NOTES), now()));
    }

    public RightsCase rejectTransfer(String id, OrgScope scope, IfMatch ifMatch, PersonalText reason) {
        return actAsReceivingUnit(
                id, scope, ifMatch, c -> c.rejectTransfer(Actor.of(scope), seal(reason, id, NOTES), now()));
    }

    /** 办结 on {@code closedOn}, or today when it is null. */
    public RightsCase close(
            String id, OrgScope scope, IfMatch ifMatch, Outcome outcome, PersonalText summary, LocalDate closedOn) {
        if (closedOn != null) {
            entryYears.requireOpen("closedOn", closedOn);
        }
        return actAsHandlingUnit(id, scope, ifMatch, c -> {
            LocalDate today = LocalDate.now(clock);
            c.close(
                    Actor.of(scope),
                    outcome,
                    seal(summary, id, NOTES),
                    now(),
                    today,
                    closedOn != null ? closedOn : today);
        });
    }

    public RightsCase followUp(String id, OrgScope scope, IfMatch ifMatch, int satisfaction, PersonalText note) {
        return actAsHandlingUnit(
                id, scope, ifMatch, c -> c.followUp(Actor.of(scope), satisfaction, seal(note, id, NOTES), now()));
    }

    public RightsCase reopen(String id, OrgScope scope, IfMatch ifMatch, PersonalText reason) {
        return actAsHandlingUnit(id, scope, ifMatch, c -> {
            LocalDate newDue =
                    deadlines.concludeByAfterReopening(c.channel(), c.category(), c.urgent(), LocalDate.now(clock));
            c.reopen(Actor.of(scope), seal(reason, id, NOTES), newDue, now());
        });
    }

    private RightsCase actAsHandlingUnit(String id, OrgScope scope, IfMatch ifMatch, Consumer<RightsCase> action) {
        RightsCase c = queries.visibleCase(id, scope);
        CaseAccess.requireHandlingOfficer(scope, c);
        return apply(c, ifMatch, action);
    }

    private RightsCase actAsReceivingUnit(String id, OrgScope scope, IfMatch ifMatch, Consumer<RightsCase> action) {
        RightsCase c = queries.visibleCase(id, scope);
        CaseAccess.requireOfficer(scope);
        PendingTransfer pending = c.pendingTransfer();
        if (pending == null) {
            throw new ConflictException("该案件没有待接收的交办或上报 / the case has no pending transfer");
        }
        if (!scope.isOwnUnit(OrgPath.of(pending.toUnit()))) {
            throw new ForbiddenException("只有接收单位可以接收或退回 / only the receiving unit may accept or reject");
        }
        return apply(c, ifMatch, action);
    }

    private RightsCase apply(RightsCase c, IfMatch ifMatch, Consumer<RightsCase> action) {
        ifMatch.requireCurrent(c.version());
        action.accept(c);
        RightsCase saved = repository.save(c);
        log.info("case {} now {} at {}", saved.id(), saved.status(), saved.handlingUnit());
        return saved;
    }

    private static TransferDirection directionOf(OrgPath handling, OrgPath to) {
        if (to.isDirectChildOf(handling)) {
            return TransferDirection.DOWN;
        }
        if (handling.isDirectChildOf(to)) {
            return TransferDirection.UP;
        }
        throw new InvalidFieldException(
                "toUnit",
                "只能交办给直接下级单位或上报给上一级单位",
                "a case can only be transferred to a direct child unit or to the parent unit");
    }

    private String seal(PersonalText text, String caseId, String field) {
        return cipher.seal(PersonalText.reveal(text), caseId, field);
    }

    private Instant now() {
        return clock.instant();
    }
}
