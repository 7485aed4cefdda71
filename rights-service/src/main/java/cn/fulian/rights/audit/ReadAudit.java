package cn.fulian.rights.audit;

import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import cn.fulian.starter.web.PageView;
import cn.fulian.starter.web.Paging;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    /** The recorded reads of one case. */
    public List<ReadAuditEntry> readsOf(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), ReadAuditEntry.class);
    }

    /** Hands every recorded read of a case at or below the scope's unit to {@code action}, one at a time. */
    public void forEachIn(OrgScope scope, Consumer<ReadAuditEntry> action) {
        try (var reads = mongo.stream(
                Query.query(Criteria.where("caseUnits").regex(scope.subtreeRegex())), ReadAuditEntry.class)) {
            reads.forEach(action);
        }
    }

    /**
     * Seals the read's reason again with the current key. Written only if the stored reason is still the one read
     * (entries never change otherwise), so the write cannot undo another one.
     *
     * @return whether the reason was rewritten
     */
    public boolean resealReason(ReadAuditEntry entry) {
        String resealed = cipher.reseal(entry.reason(), entry.caseId(), ReadAuditEntry.REASON);
        if (resealed == null || resealed.equals(entry.reason())) {
            return false;
        }
        return mongo.updateFirst(
                                Query.query(Criteria.where("id")
                                        .is(entry.id())
                                        .and("reason")
                                        .is(entry.reason())),
                                Update.update("reason", resealed),
                                ReadAuditEntry.class)
                        .getModifiedCount()
                == 1;
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
