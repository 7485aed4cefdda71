package cn.fulian.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The password of Keycloak's own administrator on a platform the tests launched: the launcher makes one up per state
 * folder and keeps it in {@code <state>/secrets/keycloak-admin-password}. For a platform the tests only attach to,
 * {@code -Dkeycloak.admin-password} names it.
 */
public final class KeycloakAdminPassword {

    private KeycloakAdminPassword() {}

    public static String of(Path state) {
        Path file = state == null ? null : state.resolve("secrets").resolve("keycloak-admin-password");
        if (file != null && Files.isRegularFile(file)) {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String given = System.getProperty("keycloak.admin-password");
        if (given == null) {
            throw new IllegalStateException("no Keycloak administrator password: " + file
                    + " does not exist and -Dkeycloak.admin-password is not set");
        }
        return given;
    }
}
