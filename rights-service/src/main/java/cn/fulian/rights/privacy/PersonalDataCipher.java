package cn.fulian.rights.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal fields with AES-256-GCM and computes keyed match hashes (HMAC-SHA256) so that repeat complainants can
 * be found without decrypting anything. Each sealed value is bound to its case and field (GCM associated data), so a
 * ciphertext copied into another case or field fails to open instead of showing someone else's data.
 */
public final class PersonalDataCipher {

    public static final String KEY_ENV = "RIGHTS_ENCRYPTION_KEY";
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] MATCH_KEY_LABEL = "fulian-rights/match-key/v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec matchKey;
    private final SecureRandom random = new SecureRandom();

    private PersonalDataCipher(byte[] key) {
        this.encryptionKey = new SecretKeySpec(key, "AES");
        // a separate key for hashes: a leaked hash key must not help with decryption, and vice versa
        this.matchKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), MATCH_KEY_LABEL), "HmacSHA256");
    }

    /**
     * Reads the key as configured ({@code fulian.rights.encryption-key}, from {@value #KEY_ENV}).
     *
     * @throws EncryptionKeyException when it is missing, not base64, or not 32 bytes
     */
    public static PersonalDataCipher fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new EncryptionKeyException(KEY_ENV + " is not set: the rights service encrypts personal data and"
                    + " cannot start without its key (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new EncryptionKeyException(KEY_ENV + " is not valid base64");
        }
        if (key.length != 32) {
            throw new EncryptionKeyException(
                    KEY_ENV + " must decode to 32 bytes (AES-256), but decodes to " + key.length + " bytes");
        }
        return new PersonalDataCipher(key);
    }

    /** Encrypts {@code plain} for the given case and field; {@code null} stays {@code null}. */
    public String seal(String plain, String caseId, String field) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context(caseId, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts what {@link #seal} produced for the same case and field; {@code null} stays {@code null}. */
    public String open(String sealed, String caseId, String field) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown format of a sealed field of case " + caseId);
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context(caseId, field));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the message names the case and field only; the cause never contains plaintext
            throw new IllegalStateException(
                    "field " + field + " of case " + caseId + " cannot be decrypted (wrong " + KEY_ENV + "?)", e);
        }
    }

    /** A keyed hash of a normalised value, equal for equal inputs, useless without the key. */
    public String matchHash(String kind, String normalised) {
        if (normalised == null) {
            return null;
        }
        byte[] mac = hmac(matchKey, (kind + ":" + normalised).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
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
        return "PersonalDataCipher[AES-256-GCM]";
    }
}
