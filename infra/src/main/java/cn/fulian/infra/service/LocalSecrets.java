package cn.fulian.infra.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Secrets a service refuses to start without, made up by the local platform when the environment does not set them:
 * generated once per state folder and kept there ({@code <state>/secrets/}, owner-only), because data encrypted with
 * a key must stay readable after a restart. A real deployment sets them in the environment instead.
 */
public final class LocalSecrets {

    /** The rights service encrypts complainants' personal data with this AES-256 key (base64 of 32 bytes). */
    static final String RIGHTS_ENCRYPTION_KEY = "RIGHTS_ENCRYPTION_KEY";

    private final Path dir;
    private final Map<String, String> environment;

    public LocalSecrets(Path dir, Map<String, String> environment) {
        this.dir = dir;
        this.environment = environment;
    }

    /** The secret variables {@code service} needs that the launcher's own environment does not already pass on. */
    public Map<String, String> forService(JavaService service) {
        if (service.name().equals("rights-service") && isBlank(environment.get(RIGHTS_ENCRYPTION_KEY))) {
            return Map.of(RIGHTS_ENCRYPTION_KEY, keptOrNewKey("rights-encryption-key"));
        }
        return Map.of();
    }

    private String keptOrNewKey(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(dir);
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secret " + file, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
