package cn.fulian.rights.cases;

import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_ID_NUMBER;
import static cn.fulian.rights.cases.SealedPersonalData.COMPLAINANT_PHONE;

import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.starter.scope.OrgScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Moves cases to the current key after a rotation. Each case is checked whole first — a value sealed with a key the
 * ring lacks refuses the case and nothing of it is written — then written in one version-checked save, so a concurrent
 * action either wins and the case is read again, or loses with 409 as usual; a case is never half re-encrypted. Logs
 * name cases by id only.
 */
@Service
public class CaseResealing {

    private static final Logger log = LoggerFactory.getLogger(CaseResealing.class);

    /** Loads of a case before giving up on it when it keeps changing under the re-encryption. */
    static final int ATTEMPTS = 3;

    private final CaseRepository repository;
    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    CaseResealing(CaseRepository repository, MongoTemplate mongo, PersonalDataCipher cipher) {
        this.repository = repository;
        this.mongo = mongo;
        this.cipher = cipher;
    }

    /** What became of one case. */
    public sealed interface Outcome {
        /** {@code values} sealed values moved to the current key (0 when only the match hashes changed). */
        record Resealed(int values) implements Outcome {}

        record AlreadyCurrent() implements Outcome {}

        /** A value is sealed with {@code keyId}, which the ring does not hold; nothing was written. */
        record Refused(String keyId) implements Outcome {}

        /** The case changed under every attempt (or vanished); running the re-encryption again picks it up. */
        record Skipped() implements Outcome {}
    }

    /** The ids of the cases the scope sees, as the case list would show them. */
    public List<String> idsVisibleTo(OrgScope scope) {
        Query query = Query.query(CaseAccess.visibleTo(scope)).with(Sort.by("id"));
        query.fields().include("id");
        return mongo.find(query, RightsCase.class).stream().map(RightsCase::id).toList();
    }

    /** Hands every case the scope sees to {@code action}, one at a time. */
    public void forEachVisibleTo(OrgScope scope, Consumer<RightsCase> action) {
        try (var cases = mongo.stream(Query.query(CaseAccess.visibleTo(scope)), RightsCase.class)) {
            cases.forEach(action);
        }
    }

    /** The first key id among the case's sealed values that the ring does not hold. */
    public Optional<String> missingKeyOf(RightsCase c) {
        return c.sealedValues().stream()
                .map(v -> cipher.keyIdOf(v.value(), c.id(), v.field()))
                .filter(keyId -> !cipher.hasKey(keyId))
                .findFirst();
    }

    /** Seals every value of the case with the current key and recomputes its match hashes with the match key. */
    public Outcome reseal(String id) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<RightsCase> found = repository.findById(id);
            if (found.isEmpty()) {
                return new Outcome.Skipped();
            }
            RightsCase c = found.get();
            Optional<String> missing = missingKeyOf(c);
            if (missing.isPresent()) {
                log.warn(
                        "case {} not re-encrypted: a value is sealed with the key {}, not configured",
                        id,
                        missing.get());
                return new Outcome.Refused(missing.get());
            }
            SealedPersonalData p = c.personal();
            String phoneHash = cipher.matchHash(
                    "phone", p == null ? null : cipher.open(p.complainantPhone(), id, COMPLAINANT_PHONE));
            String idNumberHash = cipher.matchHash(
                    "id", p == null ? null : cipher.open(p.complainantIdNumber(), id, COMPLAINANT_ID_NUMBER));
            int stale = (int) c.sealedValues().stream()
                    .filter(v -> !cipher.isCurrent(v.value(), id, v.field()))
                    .count();
            boolean hashesCurrent =
                    Objects.equals(phoneHash, c.phoneHash()) && Objects.equals(idNumberHash, c.idNumberHash());
            if (stale == 0 && hashesCurrent) {
                return new Outcome.AlreadyCurrent();
            }
            c.reseal((value, field) -> cipher.reseal(value, id, field), phoneHash, idNumberHash);
            try {
                repository.save(c);
                log.info(
                        "case {} re-encrypted: {} values to the key {}, match hashes from the key {}",
                        id,
                        stale,
                        cipher.currentKeyId(),
                        cipher.matchKeyId());
                return new Outcome.Resealed(stale);
            } catch (OptimisticLockingFailureException e) {
                log.info("case {} changed during re-encryption (attempt {} of {})", id, attempt, ATTEMPTS);
            }
        }
        return new Outcome.Skipped();
    }
}
