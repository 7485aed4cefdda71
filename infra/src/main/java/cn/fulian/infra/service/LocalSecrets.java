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

    /** The planning service manages users through Keycloak's Admin REST API as client {@code fulian-admin-api}. */
    public static final String KEYCLOAK_ADMIN_API_SECRET = "KEYCLOAK_ADMIN_API_SECRET";

    /** The gateway logs browsers in as the confidential client {@code fulian-gateway}. */
    public static final String GATEWAY_CLIENT_SECRET = "GATEWAY_CLIENT_SECRET";

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, String> environment;

    public LocalSecrets(Path dir, Map<String, String> environment) {
        this.dir = dir;
        this.environment = environment;
    }

    /** The secret variables {@code service} needs that the launcher's own environment does not already pass on. */
    public Map<String, String> forService(JavaService service) {
        return switch (service.name()) {
            case "rights-service" ->
                isBlank(environment.get(RIGHTS_ENCRYPTION_KEY))
                        ? Map.of(RIGHTS_ENCRYPTION_KEY, keptOrNewKey("rights-encryption-key"))
                        : Map.of();
            case "planning-service" -> Map.of(KEYCLOAK_ADMIN_API_SECRET, keycloakAdminApiSecret());
            case "gateway" -> Map.of(GATEWAY_CLIENT_SECRET, gatewayClientSecret());
            default -> Map.of();
        };
    }

    /** The secret of the user-management client, written into the realm and given to the planning service. */
    public String keycloakAdminApiSecret() {
        return fromEnvironmentOr(KEYCLOAK_ADMIN_API_SECRET, "keycloak-admin-api-secret");
    }

    /** The gateway's client secret, written into the realm and given to the gateway: never a committed default. */
    public String gatewayClientSecret() {
        return fromEnvironmentOr(GATEWAY_CLIENT_SECRET, "gateway-client-secret");
    }

    /**
     * The root administrator's first password in an installation without the demo; Keycloak asks for a new one at the
     * first login.
     */
    public String initialAdminPassword() {
        return keptOrNewKey("initial-admin-password")
                .replaceAll("[^A-Za-z0-9]", "")
                .substring(0, 16);
    }

    /**
     * The password of Keycloak's own administrator (its admin console, user {@code admin}), set when Keycloak creates its
     * database: {@code KEYCLOAK_ADMIN_PASSWORD}, or made up once per state folder. Never the well-known admin/admin.
     */
    public String keycloakAdminPassword() {
        String value = environment.get("KEYCLOAK_ADMIN_PASSWORD");
        return isBlank(value) ? keptOrNewPassword("keycloak-admin-password") : value;
    }

    /** Where the made-up Keycloak administrator password is kept, for the operator to read. */
    public Path keycloakAdminPasswordFile() {
        return dir.resolve("keycloak-admin-password");
    }

    /** Whether {@link #initialAdminPassword()} was made up by this start, so the launcher prints it once. */
    public boolean hasInitialAdminPassword() {
        return Files.isRegularFile(dir.resolve("initial-admin-password"));
    }

    private String fromEnvironmentOr(String variable, String file) {
        String value = environment.get(variable);
        return isBlank(value) ? keptOrNewKey(file) : value;
    }

    /** A password of 20 letters and digits, kept as it is in its file (the operator reads it there). */
    private String keptOrNewPassword(String name) {
        return kept(name, () -> {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            return password.toString();
        });
    }

    /** Base64 of 32 random bytes. */
    private String keptOrNewKey(String name) {
        return kept(name, () -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    /** The secret in {@code <dir>/<name>}, or a new one from {@code made}, written owner-only and kept. */
    private String kept(String name, java.util.function.Supplier<String> made) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String secret = made.get();
            Files.createDirectories(dir);
            Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secret " + file, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
