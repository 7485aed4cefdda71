package cn.fulian.rights.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealed values written the way the stored formats define them, independently of the service's cipher: {@code v1:} as
 * every value was sealed before key ids existed, and {@code v2:<keyId>:} with any key, such as one the service does not
 * have.
 */
public final class Sealing {

    /** The tests' k1, the key of {@code fulian.rights.encryption-key} in the test settings. */
    public static final String K1 = "TWAkDGChLX7fJpwevVTjzI+IgSzcYEyhG41QM0hFbP4=";

    /** The tests' k2, the current and match key of the test settings. */
    public static final String K2 = "G+sFAz6WSFkGBfpDUR2K79T0j4yxA0RxMI94/1jM6BU=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealing() {}

    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A value as the service sealed it before key ids existed. */
    public static String v1(String key, String plain, String caseId, String field) {
        return "v1:" + body(key, plain, caseId, field);
    }

    public static String v2(String keyId, String key, String plain, String caseId, String field) {
        return "v2:" + keyId + ":" + body(key, plain, caseId, field);
    }

    private static String body(String key, String plain, String caseId, String field) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD((caseId + "/" + field).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
