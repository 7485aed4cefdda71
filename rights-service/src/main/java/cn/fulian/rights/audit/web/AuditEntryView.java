package cn.fulian.rights.audit.web;

import cn.fulian.rights.audit.ReadAuditEntry;
import java.time.Instant;
import java.util.List;

/** One read of unmasked personal data: who, when, which case, which fields, during which action, and why. */
record AuditEntryView(
        Instant at,
        String username,
        String userUnit,
        String caseId,
        List<String> caseUnits,
        List<String> fields,
        String action,
        String reason) {

    static AuditEntryView of(ReadAuditEntry e, String reason) {
        return new AuditEntryView(
                e.at(), e.username(), e.userUnit(), e.caseId(), e.caseUnits(), e.fields(), e.action(), reason);
    }
}
