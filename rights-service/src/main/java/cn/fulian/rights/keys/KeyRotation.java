package cn.fulian.rights.keys;

import cn.fulian.rights.audit.ReadAudit;
import cn.fulian.rights.audit.ReadAuditEntry;
import cn.fulian.rights.cases.CaseResealing;
import cn.fulian.rights.cases.CaseResealing.Outcome;
import cn.fulian.rights.privacy.PersonalDataCipher;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The key ring as an administrator sees it, and the re-encryption after a rotation. Both cover the cases an admin sees
 * (at or below their unit, as the case list has it) and the access-record reasons of those cases; a city admin covers
 * the whole installation.
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final CaseResealing cases;
    private final ReadAudit audit;
    private final PersonalDataCipher cipher;

    KeyRotation(CaseResealing cases, ReadAudit audit, PersonalDataCipher cipher) {
        this.cases = cases;
        this.audit = audit;
        this.cipher = cipher;
    }

    /** The ring, the current and match key ids, and how many sealed values each key id protects. */
    public KeyRing keyRing(OrgScope scope) {
        requireAdmin(scope);
        Map<String, Long> counts = new LinkedHashMap<>();
        cipher.keyIds().forEach(id -> counts.put(id, 0L));
        cases.forEachVisibleTo(
                scope,
                c -> c.sealedValues()
                        .forEach(v -> counts.merge(cipher.keyIdOf(v.value(), c.id(), v.field()), 1L, Long::sum)));
        audit.forEachIn(scope, e -> {
            if (e.reason() != null) {
                counts.merge(cipher.keyIdOf(e.reason(), e.caseId(), ReadAuditEntry.REASON), 1L, Long::sum);
            }
        });
        List<KeyUsage> usage = new ArrayList<>();
        counts.forEach((id, n) -> usage.add(new KeyUsage(id, n, cipher.hasKey(id))));
        return new KeyRing(cipher.keyIds(), cipher.currentKeyId(), cipher.matchKeyId(), usage);
    }

    /**
     * Seals every value of every case the admin sees, and the reasons of its recorded reads, with the current key, and
     * recomputes the match hashes with the match key. A case with a value (or read reason) sealed with a key the ring
     * lacks is refused whole. Safe to run again: what is current is left alone.
     */
    public ReEncryption reEncrypt(OrgScope scope) {
        requireAdmin(scope);
        int total = 0;
        int resealed = 0;
        int alreadyCurrent = 0;
        int skipped = 0;
        long values = 0;
        List<Refusal> refused = new ArrayList<>();
        for (String id : cases.idsVisibleTo(scope)) {
            total++;
            List<ReadAuditEntry> reads = audit.readsOf(id);
            Optional<String> missing = reads.stream()
                    .map(ReadAuditEntry::reason)
                    .filter(Objects::nonNull)
                    .map(reason -> cipher.keyIdOf(reason, id, ReadAuditEntry.REASON))
                    .filter(keyId -> !cipher.hasKey(keyId))
                    .findFirst();
            Outcome outcome = missing.<Outcome>map(Outcome.Refused::new).orElseGet(() -> cases.reseal(id));
            if (outcome instanceof Outcome.Refused r) {
                refused.add(new Refusal(id, r.keyId()));
                continue;
            }
            if (outcome instanceof Outcome.Skipped) {
                skipped++;
                continue;
            }
            if (outcome instanceof Outcome.Resealed r) {
                values += r.values();
            }
            int readsResealed = 0;
            for (ReadAuditEntry read : reads) {
                if (audit.resealReason(read)) {
                    readsResealed++;
                }
            }
            values += readsResealed;
            if (outcome instanceof Outcome.Resealed || readsResealed > 0) {
                resealed++;
            } else {
                alreadyCurrent++;
            }
        }
        log.info(
                "re-encryption by {} at {}: {} cases, {} re-encrypted ({} values), {} already current, {} skipped,"
                        + " {} refused",
                scope.username(),
                scope.unit(),
                total,
                resealed,
                values,
                alreadyCurrent,
                skipped,
                refused.size());
        return new ReEncryption(total, resealed, alreadyCurrent, skipped, values, refused);
    }

    private static void requireAdmin(OrgScope scope) {
        scope.requireRole(Role.ADMIN, "只有管理员可以管理个人信息密钥 / only administrators may manage the personal-data keys");
    }

    /**
     * The key ring: the ids it holds, the one new values are sealed with, the one match hashes come from, and how many
     * sealed values use each key id, including ids no longer (or not yet) in the ring ({@code configured} false).
     */
    public record KeyRing(List<String> keys, String current, String matchKeyId, List<KeyUsage> sealedValues) {}

    public record KeyUsage(String keyId, long values, boolean configured) {}

    /**
     * What a re-encryption did: {@code cases} looked at, {@code resealed} written, {@code alreadyCurrent} left alone,
     * {@code skipped} because they kept changing meanwhile (run it again), {@code values} sealed values moved to the
     * current key, and the cases {@code refused} for a value sealed with a key the ring lacks.
     */
    public record ReEncryption(
            int cases, int resealed, int alreadyCurrent, int skipped, long values, List<Refusal> refused) {}

    public record Refusal(String caseId, String keyId) {}
}
