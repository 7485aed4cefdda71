package cn.fulian.rights.cases.web;

import static cn.fulian.rights.cases.SealedPersonalData.ACCOUNT;
import static cn.fulian.rights.cases.SealedPersonalData.CLOSING_SUMMARY;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_ADDRESS;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_ID_NUMBER;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_NAME;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_PHONE;
import static cn.fulian.rights.cases.SealedPersonalData.NOTES;
import static cn.fulian.rights.cases.SealedPersonalData.RESPONDENT_NAME;
import static cn.fulian.rights.cases.SealedPersonalData.RESPONDENT_RELATION;
import static cn.fulian.rights.cases.SealedPersonalData.TRANSFER_REASON;

import cn.fulian.rights.audit.ReadAudit;
import cn.fulian.rights.cases.CaseAccess;
import cn.fulian.rights.cases.PendingTransfer;
import cn.fulian.rights.cases.RightsCase;
import cn.fulian.rights.cases.SealedPersonalData;
import cn.fulian.rights.cases.TimelineEntry;
import cn.fulian.rights.cases.web.CaseView.BreachView;
import cn.fulian.rights.cases.web.CaseView.Code;
import cn.fulian.rights.cases.web.CaseView.PartyView;
import cn.fulian.rights.cases.web.CaseView.TimelineView;
import cn.fulian.rights.cases.web.CaseView.TransferView;
import cn.fulian.rights.cases.web.CaseView.UnitRef;
import cn.fulian.rights.codes.Labelled;
import cn.fulian.rights.codes.Satisfaction;
import cn.fulian.rights.config.RightsProperties;
import cn.fulian.rights.deadline.DeadlinePolicy;
import cn.fulian.rights.privacy.Masking;
import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.rights.privacy.PersonalText;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a case into what the caller may see: the point where personal data leaves the service. Every answer is masked
 * (masked values, no free text) except the one to an explicit request to see the personal data, which only rights
 * officers of the handling or registering unit may make, with a reason; that read is recorded in the access record
 * before the answer is built.
 */
@Component
class CaseViews {

    static final String UNMASKED = "UNMASKED";
    static final String MASKED = "MASKED";

    /** The action under which an explicit read is recorded. */
    static final String VIEW = "VIEW";

    private final PersonalDataCipher cipher;
    private final ReadAudit audit;
    private final OrgUnitDirectory directory;
    private final DeadlinePolicy deadlines;
    private final RightsProperties properties;
    private final Clock clock;

    CaseViews(
            PersonalDataCipher cipher,
            ReadAudit audit,
            OrgUnitDirectory directory,
            DeadlinePolicy deadlines,
            RightsProperties properties,
            Clock clock) {
        this.cipher = cipher;
        this.audit = audit;
        this.directory = directory;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    /** The full case with its personal data masked, as every answer but the explicit read has it. */
    CaseView masked(RightsCase c, OrgScope scope) {
        SealedPersonalData p = c.personal();
        String id = c.id();
        String respondentName = cipher.open(p.respondentName(), id, RESPONDENT_NAME);
        PartyView complainant = new PartyView(
                Masking.name(cipher.open(p.complainantName(), id, COMPLAINANT_NAME)),
                Masking.phone(cipher.open(p.complainantPhone(), id, COMPLAINANT_PHONE)),
                Masking.idNumber(cipher.open(p.complainantIdNumber(), id, COMPLAINANT_ID_NUMBER)),
                Masking.address(cipher.open(p.complainantAddress(), id, COMPLAINANT_ADDRESS)),
                null);
        PartyView respondent = p.respondentName() == null && p.respondentRelation() == null
                ? null
                : new PartyView(Masking.name(respondentName), null, null, null, null);
        return view(c, scope, false, complainant, respondent, null, null, null);
    }

    /**
     * The case with its personal data in clear, for a caller entitled to it (403 otherwise) who said why ({@code
     * reason}, required unless the settings say otherwise: 400). The read is recorded first.
     */
    CaseView unmasked(RightsCase c, OrgScope scope, PersonalText reason) {
        CaseAccess.requirePersonalDataReader(scope, c);
        if (reason == null && properties.unmaskReasonRequired()) {
            throw new InvalidFieldException("reason", "请填写查看完整信息的原因", "give the reason for seeing the personal data");
        }
        String id = c.id();
        SealedPersonalData p = c.personal();
        String name = cipher.open(p.complainantName(), id, COMPLAINANT_NAME);
        String phone = cipher.open(p.complainantPhone(), id, COMPLAINANT_PHONE);
        String idNumber = cipher.open(p.complainantIdNumber(), id, COMPLAINANT_ID_NUMBER);
        String address = cipher.open(p.complainantAddress(), id, COMPLAINANT_ADDRESS);
        String respondentName = cipher.open(p.respondentName(), id, RESPONDENT_NAME);
        String relation = cipher.open(p.respondentRelation(), id, RESPONDENT_RELATION);
        String account = cipher.open(p.account(), id, ACCOUNT);
        String summary = cipher.open(c.closingSummary(), id, NOTES);
        String transferReason = c.pendingTransfer() == null
                ? null
                : cipher.open(c.pendingTransfer().reason(), id, NOTES);
        List<String> fields = new ArrayList<>();
        addIfPresent(fields, COMPLAINANT_NAME, name);
        addIfPresent(fields, COMPLAINANT_PHONE, phone);
        addIfPresent(fields, COMPLAINANT_ID_NUMBER, idNumber);
        addIfPresent(fields, COMPLAINANT_ADDRESS, address);
        addIfPresent(fields, RESPONDENT_NAME, respondentName);
        addIfPresent(fields, RESPONDENT_RELATION, relation);
        addIfPresent(fields, ACCOUNT, account);
        addIfPresent(fields, CLOSING_SUMMARY, summary);
        addIfPresent(fields, TRANSFER_REASON, transferReason);
        if (c.timeline().stream().anyMatch(t -> t.note() != null)) {
            fields.add(NOTES);
        }
        audit.recordRead(scope, id, c.responsibleUnits(), fields, VIEW, PersonalText.reveal(reason));
        PartyView complainant = new PartyView(name, phone, idNumber, address, null);
        PartyView respondent = respondentName == null && relation == null
                ? null
                : new PartyView(respondentName, null, null, null, relation);
        return view(c, scope, true, complainant, respondent, account, summary, transferReason);
    }

    private CaseView view(
            RightsCase c,
            OrgScope scope,
            boolean clear,
            PartyView complainant,
            PartyView respondent,
            String account,
            String summary,
            String transferReason) {
        LocalDate today = LocalDate.now(clock);
        String id = c.id();
        return new CaseView(
                id,
                c.caseNumber(),
                c.version() == null ? 0 : c.version(),
                code(c.status()),
                code(c.channel()),
                code(c.category()),
                c.urgent(),
                c.minorInvolved(),
                unit(c.registeredUnit().value()),
                c.registeredBy(),
                c.registeredAt(),
                c.receivedOn(clock.getZone()),
                unit(c.handlingUnit().value()),
                c.acceptDueDate(),
                c.concludeDueDate(),
                c.nextDueDate(),
                isOverdue(c, today),
                deadlines.isDueSoon(c.nextDueDate(), today),
                daysLeft(c, today),
                c.acceptedAt(),
                c.closedAt(),
                c.closedOn(clock.getZone()),
                code(c.outcome()),
                c.closedOnTime(),
                c.satisfaction(),
                code(Satisfaction.of(c.satisfaction())),
                c.followedUpAt(),
                c.possibleRepeat(),
                c.repeatOf(),
                transfer(c.pendingTransfer(), transferReason),
                c.breaches().stream()
                        .map(b -> new BreachView(code(b.stage()), LocalDate.parse(b.dueDate()), b.detectedAt()))
                        .toList(),
                clear ? UNMASKED : MASKED,
                complainant,
                respondent,
                account,
                summary,
                c.timeline().stream().map(t -> timeline(t, id, clear)).toList(),
                CaseAccess.actions(scope, c));
    }

    /** A list row: masked for everyone, so listing needs no access record. */
    CaseSummaryView summary(RightsCase c) {
        LocalDate today = LocalDate.now(clock);
        String name = cipher.open(c.personal().complainantName(), c.id(), COMPLAINANT_NAME);
        return new CaseSummaryView(
                c.id(),
                c.caseNumber(),
                code(c.status()),
                code(c.channel()),
                code(c.category()),
                c.urgent(),
                c.minorInvolved(),
                unit(c.handlingUnit().value()),
                unit(c.registeredUnit().value()),
                c.registeredAt(),
                c.receivedOn(clock.getZone()),
                c.nextDueDate(),
                isOverdue(c, today),
                deadlines.isDueSoon(c.nextDueDate(), today),
                daysLeft(c, today),
                c.possibleRepeat(),
                Masking.name(name),
                c.pendingTransfer() == null ? null : unit(c.pendingTransfer().toUnit()));
    }

    private TimelineView timeline(TimelineEntry t, String caseId, boolean clear) {
        return new TimelineView(
                code(t.type()),
                t.at(),
                t.by(),
                unit(t.unit()),
                code(t.step()),
                t.toUnit() == null ? null : unit(t.toUnit()),
                clear ? cipher.open(t.note(), caseId, NOTES) : null);
    }

    private TransferView transfer(PendingTransfer t, String reason) {
        if (t == null) {
            return null;
        }
        return new TransferView(
                unit(t.fromUnit()), unit(t.toUnit()), code(t.direction()), t.requestedAt(), t.requestedBy(), reason);
    }

    private static boolean isOverdue(RightsCase c, LocalDate today) {
        return c.nextDueDate() != null && today.isAfter(c.nextDueDate());
    }

    private static Integer daysLeft(RightsCase c, LocalDate today) {
        return c.nextDueDate() == null ? null : (int) ChronoUnit.DAYS.between(today, c.nextDueDate());
    }

    private UnitRef unit(String path) {
        return new UnitRef(path, OrgPath.isValid(path) ? directory.nameOf(OrgPath.of(path)) : path);
    }

    private static Code code(Labelled value) {
        return value == null ? null : new Code(value.name(), value.label());
    }

    private static void addIfPresent(List<String> fields, String field, String value) {
        if (value != null) {
            fields.add(field);
        }
    }
}
