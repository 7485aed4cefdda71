package cn.fulian.rights.cases.web;

import cn.fulian.rights.cases.CaseAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as the caller may see it. {@code personalData} says whether personal fields are {@code UNMASKED} (only in the
 * answer to {@code POST …/unmask} by a rights officer of the handling or registering unit; the read is recorded) or
 * {@code MASKED} (every other answer: masked values, free text withheld as {@code null}). {@code daysLeft}: days until
 * the current deadline, negative once overdue, {@code null} for a closed case. {@code actions}: what the caller may do
 * with the case now.
 */
record CaseView(
        String id,
        String caseNumber,
        long version,
        Code status,
        Code channel,
        Code category,
        boolean urgent,
        boolean minorInvolved,
        UnitRef registeredUnit,
        String registeredBy,
        Instant registeredAt,
        LocalDate receivedOn,
        UnitRef handlingUnit,
        LocalDate acceptDueDate,
        LocalDate concludeDueDate,
        LocalDate nextDueDate,
        boolean overdue,
        boolean dueSoon,
        Integer daysLeft,
        Instant acceptedAt,
        Instant closedAt,
        LocalDate closedOn,
        Code outcome,
        Boolean closedOnTime,
        Integer satisfaction,
        Code satisfactionLevel,
        Instant followedUpAt,
        boolean possibleRepeat,
        List<String> repeatOf,
        TransferView pendingTransfer,
        List<BreachView> breaches,
        String personalData,
        PartyView complainant,
        PartyView respondent,
        String account,
        String closingSummary,
        List<TimelineView> timeline,
        List<CaseAction> actions) {

    /** A code with its Chinese label. */
    record Code(String code, String label) {}

    record UnitRef(String path, String name) {}

    /** Name, phone, ID number, address of a party, masked or not; {@code relation} for the respondent. */
    record PartyView(String name, String phone, String idNumber, String address, String relation) {}

    record TransferView(
            UnitRef fromUnit, UnitRef toUnit, Code direction, Instant requestedAt, String requestedBy, String reason) {}

    record BreachView(Code stage, LocalDate dueDate, Instant detectedAt) {}

    record TimelineView(Code type, Instant at, String by, UnitRef unit, Code step, UnitRef toUnit, String note) {}
}
