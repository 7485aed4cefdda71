package cn.fulian.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local ports of a platform the tests launch, as the launcher reads them from its environment. Each test that
 * starts its own platform has its own set, so none clashes with another's or with a developer's platform on 8080.
 */
public record PlatformPorts(
        int gateway, int planning, int activity, int rights, int reporting, int keycloak, int kafka, int mongo) {

    /** Gateway at {@code base + 80}, the services at 81 to 84, Keycloak at 180, Mongo at 17; Kafka on its own port. */
    public static PlatformPorts at(int base, int kafka) {
        return new PlatformPorts(base + 80, base + 81, base + 82, base + 83, base + 84, base + 180, kafka, base + 17);
    }

    /** The services' ports by the API each serves ({@code /api/<name>/...}). */
    public Map<String, Integer> services() {
        return Map.of("planning", planning, "activities", activity, "rights", rights, "reports", reporting);
    }

    /** The launcher's environment for these ports; the Kafka controller listens on the port after Kafka's. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEWAY_PORT", Integer.toString(gateway));
        env.put("PLANNING_PORT", Integer.toString(planning));
        env.put("ACTIVITY_PORT", Integer.toString(activity));
        env.put("RIGHTS_PORT", Integer.toString(rights));
        env.put("REPORTING_PORT", Integer.toString(reporting));
        env.put("KEYCLOAK_PORT", Integer.toString(keycloak));
        env.put("KAFKA_PORT", Integer.toString(kafka));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(kafka + 1));
        env.put("MONGO_PORT", Integer.toString(mongo));
        return env;
    }
}
