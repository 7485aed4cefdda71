package cn.fulian.rights.cases.web;

import cn.fulian.rights.cases.web.CaseView.Code;
import cn.fulian.rights.cases.web.CaseView.UnitRef;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of the case list. Always masked, for everyone: a list is for finding and following cases; asking to see one
 * case's personal data with a reason (a recorded read) is where personal data is shown. {@code daysLeft}: days until
 * the current deadline, negative once overdue, {@code null} for a closed case.
 */
record CaseSummaryView(
        String id,
        String caseNumber,
        Code status,
        Code channel,
        Code category,
        boolean urgent,
        boolean minorInvolved,
        UnitRef handlingUnit,
        UnitRef registeredUnit,
        Instant registeredAt,
        LocalDate receivedOn,
        LocalDate nextDueDate,
        boolean overdue,
        boolean dueSoon,
        Integer daysLeft,
        boolean possibleRepeat,
        String complainantName,
        UnitRef pendingTransferTo) {}
