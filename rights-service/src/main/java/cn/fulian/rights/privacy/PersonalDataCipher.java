package cn.fulian.rights.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal fields with AES-256-GCM and computes keyed match hashes (HMAC-SHA256) so that repeat complainants can
 * be found without decrypting anything. Each sealed value is bound to its case and field (GCM associated data), so a
 * ciphertext copied into another case or field fails to open instead of showing someone else's data.
 *
 * <p>The cipher holds a key ring so the key can be rotated: new values are sealed with the current key as {@code
 * v2:<keyId>:<base64(iv|ciphertext)>}, and a value opens with the key its prefix names. Values written before key ids
 * existed ({@code v1:<base64>}) were all sealed with the key now called {@value #LEGACY_KEY_ID}. Match hashes come from
 * one key of the ring, named separately, so moving the current key does not change them: old and new cases keep
 * matching until the match key is moved too and re-encryption recomputes the stored hashes.
 */
public final class PersonalDataCipher {

    public static final String KEY_ENV = "RIGHTS_ENCRYPTION_KEY";
    public static final String KEYS_ENV = "RIGHTS_ENCRYPTION_KEYS";
    public static final String CURRENT_ENV = "RIGHTS_ENCRYPTION_KEY_CURRENT";
    public static final String MATCH_ENV = "RIGHTS_MATCH_KEY_ID";

    /** The id of the key in {@value #KEY_ENV}, the one every {@code v1:} value was sealed with. */
    public static final String LEGACY_KEY_ID = "k1";

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,20}");
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] MATCH_KEY_LABEL = "fulian-rights/match-key/v1".getBytes(StandardCharsets.UTF_8);

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;
    private final String matchKeyId;
    private final SecretKeySpec matchKey;
    private final SecureRandom random = new SecureRandom();

    private PersonalDataCipher(Map<String, byte[]> ring, String currentKeyId, String matchKeyId) {
        Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
        ring.forEach((id, key) -> specs.put(id, new SecretKeySpec(key, "AES")));
        this.keys = Collections.unmodifiableMap(specs);
        this.currentKeyId = currentKeyId;
        this.matchKeyId = matchKeyId;
        // a separate key for hashes: a leaked hash key must not help with decryption, and vice versa
        this.matchKey = new SecretKeySpec(
                hmac(new SecretKeySpec(ring.get(matchKeyId), "HmacSHA256"), MATCH_KEY_LABEL), "HmacSHA256");
    }

    /**
     * A ring holding only the key {@value #LEGACY_KEY_ID} ({@code fulian.rights.encryption-key}, from {@value
     * #KEY_ENV}), which seals and matches.
     *
     * @throws EncryptionKeyException when it is missing, not base64, or not 32 bytes
     */
    public static PersonalDataCipher fromBase64(String base64) {
        return fromSettings(base64, null, null, null);
    }

    /**
     * The ring as configured: {@code legacyKey} ({@value #KEY_ENV}) is the key {@value #LEGACY_KEY_ID} when given;
     * {@code moreKeys} ({@value #KEYS_ENV}) adds keys as {@code id=base64,id=base64}; {@code currentKeyId} ({@value
     * #CURRENT_ENV}) names the key new values are sealed with and {@code matchKeyId} ({@value #MATCH_ENV}) the one match
     * hashes come from, both {@value #LEGACY_KEY_ID} when blank.
     *
     * @throws EncryptionKeyException when the ring is empty, has a bad entry, a key that is not base64 of 32 bytes or an
     *     id twice, or when the current or match key id is not in it. The message never contains key material.
     */
    public static PersonalDataCipher fromSettings(
            String legacyKey, String moreKeys, String currentKeyId, String matchKeyId) {
        Map<String, byte[]> ring = new LinkedHashMap<>();
        if (legacyKey != null && !legacyKey.isBlank()) {
            ring.put(LEGACY_KEY_ID, decode(legacyKey, KEY_ENV));
        }
        if (moreKeys != null && !moreKeys.isBlank()) {
            String[] entries = moreKeys.split(",", -1);
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].trim();
                int eq = entry.indexOf('=');
                String id = eq < 0 ? "" : entry.substring(0, eq).trim();
                if (!KEY_ID.matcher(id).matches()) {
                    // the entry itself is not shown: it may be a key pasted without its id
                    throw new EncryptionKeyException(KEYS_ENV + " has a bad entry (number " + (i + 1)
                            + "): each entry is <id>=<base64 of 32 bytes>, the id of 1–20 characters a-z, 0-9, -,"
                            + " entries separated by commas");
                }
                if (ring.containsKey(id)) {
                    throw new EncryptionKeyException("the key id " + id + " is given twice"
                            + (id.equals(LEGACY_KEY_ID) ? " (" + KEY_ENV + " is the key " + LEGACY_KEY_ID + ")" : "")
                            + ": each key id must name one key");
                }
                ring.put(id, decode(entry.substring(eq + 1), KEYS_ENV + " key " + id));
            }
        }
        if (ring.isEmpty()) {
            throw new EncryptionKeyException(KEY_ENV + " is not set: the rights service encrypts personal data and"
                    + " cannot start without its key (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        String current = requireInRing(currentKeyId, CURRENT_ENV, ring);
        String match = requireInRing(matchKeyId, MATCH_ENV, ring);
        return new PersonalDataCipher(ring, current, match);
    }

    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new EncryptionKeyException(what + " is not valid base64");
        }
        if (key.length != 32) {
            throw new EncryptionKeyException(
                    what + " must decode to 32 bytes (AES-256), but decodes to " + key.length + " bytes");
        }
        return key;
    }

    private static String requireInRing(String id, String variable, Map<String, byte[]> ring) {
        String keyId = id == null || id.isBlank() ? LEGACY_KEY_ID : id.trim();
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new EncryptionKeyException(variable + " is not a key id (1–20 characters a-z, 0-9, -)");
        }
        if (!ring.containsKey(keyId)) {
            throw new EncryptionKeyException(variable + " names the key " + keyId + ", which is not in the key ring "
                    + ring.keySet() + " (" + KEY_ENV + " is " + LEGACY_KEY_ID + ", more keys come from " + KEYS_ENV
                    + ")");
        }
        return keyId;
    }

    /** Encrypts {@code plain} with the current key for the given case and field; {@code null} stays {@code null}. */
    public String seal(String plain, String caseId, String field) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context(caseId, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return V2 + currentKeyId + ":"
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced for the same case and field, with the key its prefix names; {@code null}
     * stays {@code null}.
     *
     * @throws KeyNotConfiguredException when that key is not in the ring
     */
    public String open(String sealed, String caseId, String field) {
        if (sealed == null) {
            return null;
        }
        String keyId = keyIdOf(sealed, caseId, field);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new KeyNotConfiguredException(caseId, field, keyId);
        }
        String body =
                sealed.startsWith(V1) ? sealed.substring(V1.length()) : sealed.substring(sealed.indexOf(':', 3) + 1);
        try {
            byte[] all = Base64.getDecoder().decode(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context(caseId, field));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the message names the case, field and key id only; the cause never contains plaintext
            throw new IllegalStateException(
                    "field " + field + " of case " + caseId + " cannot be decrypted with the key " + keyId + " (wrong "
                            + KEY_ENV + " or " + KEYS_ENV + "?)",
                    e);
        }
    }

    /**
     * The value sealed again with the current key, or the same value when it already is ({@code null} stays {@code
     * null}).
     *
     * @throws KeyNotConfiguredException when the key it was sealed with is not in the ring
     */
    public String reseal(String sealed, String caseId, String field) {
        if (sealed == null || isCurrent(sealed, caseId, field)) {
            return sealed;
        }
        return seal(open(sealed, caseId, field), caseId, field);
    }

    /** Whether the value was sealed with the current key. */
    public boolean isCurrent(String sealed, String caseId, String field) {
        return currentKeyId.equals(keyIdOf(sealed, caseId, field));
    }

    /** The id of the key a sealed value was sealed with ({@value #LEGACY_KEY_ID} for {@code v1:} values). */
    public String keyIdOf(String sealed, String caseId, String field) {
        if (sealed.startsWith(V1)) {
            return LEGACY_KEY_ID;
        }
        int end = sealed.indexOf(':', V2.length());
        if (sealed.startsWith(V2) && end > V2.length()) {
            String id = sealed.substring(V2.length(), end);
            if (KEY_ID.matcher(id).matches()) {
                return id;
            }
        }
        throw new IllegalStateException("unknown format of the sealed field " + field + " of case " + caseId);
    }

    /** Whether the ring holds the key with this id. */
    public boolean hasKey(String keyId) {
        return keys.containsKey(keyId);
    }

    /** A keyed hash of a normalised value, equal for equal inputs, useless without the match key. */
    public String matchHash(String kind, String normalised) {
        if (normalised == null) {
            return null;
        }
        byte[] mac = hmac(matchKey, (kind + ":" + normalised).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** The ids of the keys in the ring, in the order they were configured. */
    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public String matchKeyId() {
        return matchKeyId;
    }

    private static byte[] context(String caseId, String field) {
        return (caseId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[AES-256-GCM, keys " + keys.keySet() + ", current " + currentKeyId + ", match "
                + matchKeyId + "]";
    }
}
