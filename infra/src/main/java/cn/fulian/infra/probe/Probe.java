package cn.fulian.infra.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Pattern;

/**
 * Answers "is it ready?" for one component. Short timeouts: the launcher polls many components in one loop and a
 * hanging probe must not hold up the others.
 */
@FunctionalInterface
public interface Probe {

    boolean isUp();

    /** A Spring Boot actuator health endpoint: 200 with status UP (503 DOWN while a dependency is missing). */
    static Probe actuatorHealth(String url) {
        Pattern up = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
        return () -> HttpGet.of(url)
                .filter(r -> r.statusCode() == 200 && up.matcher(r.body()).find())
                .isPresent();
    }

    /** Any URL that answers 200 once the component is ready, e.g. Keycloak's realm discovery document. */
    static Probe http200(String url) {
        return () -> HttpGet.of(url).filter(r -> r.statusCode() == 200).isPresent();
    }

    /** A TCP port that accepts connections (Kafka, the Mongo-wire server). */
    static Probe tcp(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
