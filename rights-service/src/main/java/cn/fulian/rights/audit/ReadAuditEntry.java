package cn.fulian.rights.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of unmasked personal data. Written before the data leaves the service, so no read goes unrecorded. Holds
 * field names, never their values, and the reason the reader gave, sealed like all free text (bound to the case and
 * {@link #REASON}).
 */
@Document("personal_data_reads")
public record ReadAuditEntry(
        @Id String id,
        @Indexed Instant at,
        @Indexed String username,
        String userUnit,
        @Indexed String caseId,
        @Indexed List<String> caseUnits,
        List<String> fields,
        String action,
        String reason) {

    /** The cipher's associated-data name of the sealed reason. */
    public static final String REASON = "accessRecord.reason";
}
