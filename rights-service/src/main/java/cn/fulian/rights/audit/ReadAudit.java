package cn.fulian.rights.audit;

import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.rights.web.PageView;
import cn.fulian.rights.web.Paging;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Records reads of unmasked personal data and lets administrators search them. */
@Service
public class ReadAudit {

    private final ReadAuditRepository repository;
    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ReadAudit(ReadAuditRepository repository, MongoTemplate mongo, PersonalDataCipher cipher, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Records that {@code reader} is about to receive the unmasked {@code fields} of a case, and why ({@code reason},
     * may be {@code null} where the settings do not ask for one).
     */
    public void recordRead(
            OrgScope reader, String caseId, List<String> caseUnits, List<String> fields, String action, String reason) {
        repository.insert(new ReadAuditEntry(
                UUID.randomUUID().toString(),
                Instant.now(clock),
                reader.username(),
                reader.unit().value(),
                caseId,
                List.copyOf(caseUnits),
                List.copyOf(fields),
                action,
                cipher.seal(reason, caseId, ReadAuditEntry.REASON)));
    }

    /** The reason given for a read, for the administrators who search the record. */
    public String reasonOf(ReadAuditEntry entry) {
        return cipher.open(entry.reason(), entry.caseId(), ReadAuditEntry.REASON);
    }

    /** Admins see the reads of cases at or below their unit, newest first. */
    public PageView<ReadAuditEntry> search(OrgScope scope, AuditFilter filter, int page, int size) {
        scope.requireRole(Role.ADMIN, "只有管理员可以查询个人信息访问记录 / only administrators may query the access record");
        Paging.check(page, size);
        Criteria c = Criteria.where("caseUnits").regex(scope.subtreeRegex());
        if (filter.caseId() != null) {
            c = c.and("caseId").is(filter.caseId());
        }
        if (filter.username() != null) {
            c = c.and("username").is(filter.username());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = c.and("at");
            if (filter.from() != null) {
                at = at.gte(filter.from());
            }
            if (filter.to() != null) {
                at = at.lt(filter.to());
            }
            c = at;
        }
        Query query = Query.query(c);
        long total = mongo.count(query, ReadAuditEntry.class);
        List<ReadAuditEntry> items = mongo.find(
                query.with(Sort.by(Sort.Direction.DESC, "at"))
                        .skip((long) page * size)
                        .limit(size),
                ReadAuditEntry.class);
        return new PageView<>(items, total, page, size);
    }

    /** Filters of the access-record search; each may be {@code null}. */
    public record AuditFilter(String caseId, String username, Instant from, Instant to) {}
}
