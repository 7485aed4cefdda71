package cn.fulian.infra.keycloak;

import java.util.List;
import java.util.Map;

/**
 * How Keycloak is started for the platform: dev mode on the loopback interface with the realm imported. The hostname
 * is fixed to {@code http://127.0.0.1:<port>} because the services check the token's issuer exactly; a token fetched
 * through {@code localhost} would otherwise carry a different issuer and be rejected.
 */
public final class KeycloakServer {

    public static final String REALM = "fulian";
    public static final String ADMIN_USER = "admin";

    private KeycloakServer() {}

    public static List<String> command(KeycloakDistribution distribution, int port, int managementPort) {
        return List.of(
                distribution.launcher().toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-host=127.0.0.1",
                "--hostname=http://127.0.0.1:" + port,
                "--http-management-port=" + managementPort,
                "--import-realm",
                "--health-enabled=true");
    }

    /**
     * The bootstrap admin for the admin console, a heap that fits next to five service JVMs, and a JAVA_HOME for
     * {@code kc.sh} (the launcher's own JDK, when none is set).
     */
    public static Map<String, String> environment(Map<String, String> inherited, String adminPassword) {
        return Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                adminPassword,
                "JAVA_OPTS_KC_HEAP",
                "-Xms64m -Xmx512m",
                "JAVA_HOME",
                inherited.getOrDefault("JAVA_HOME", System.getProperty("java.home")));
    }

    /** Answers 200 only once Keycloak is up and the realm is imported: the readiness a service actually needs. */
    public static String discoveryUrl(String keycloakUrl) {
        return keycloakUrl + "/realms/" + REALM + "/.well-known/openid-configuration";
    }
}
