package cn.fulian.infra.service;

import cn.fulian.infra.PlatformSettings;
import cn.fulian.infra.federation.FederationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services in start order, gateway last, and how each is run: the environment contract every service reads
 * ({@code SERVER_PORT} and its management port, {@code MONGODB_URI}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KEYCLOAK_URL}; the gateway also
 * the four service URLs) and small-heap JVM options so that five JVMs, Keycloak and the launcher fit one machine.
 */
public final class Services {

    /** The version in the jar names; the launcher is built in the same reactor, so its own version is theirs. */
    public static final String VERSION = versionOfThisBuild();

    /**
     * Serial GC and a capped heap keep each JVM small; the full JIT stays on (no {@code TieredStopAtLevel=1}), since
     * benchmarks run against this same platform.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx384m", "-Dfile.encoding=UTF-8");

    private Services() {}

    /** Every instance of every service, in start order: each service's instances together, the gateways last. */
    public static List<JavaService> all(PlatformSettings s) {
        List<JavaService> all = new ArrayList<>();
        for (JavaService first : firstInstances(s)) {
            int count = s.replicas().of(first.name());
            // several gateways: the launcher's front keeps the gateway's port, the gateways take the steps above it
            int offset = first.isGateway() && count > 1 ? 1 : 0;
            for (int n = 1; n <= count; n++) {
                all.add(new JavaService(
                        first.name(),
                        first.port() + Replicas.PORT_STEP * (n - 1 + offset),
                        first.portVariable(),
                        first.urlVariable(),
                        n));
            }
        }
        return all;
    }

    /** The gateways, when the launcher runs several behind its front; empty with one gateway. */
    public static List<JavaService> frontedGateways(PlatformSettings s) {
        List<JavaService> gateways =
                all(s).stream().filter(JavaService::isGateway).toList();
        return gateways.size() > 1 ? gateways : List.of();
    }

    private static List<JavaService> firstInstances(PlatformSettings s) {
        return List.of(
                new JavaService("planning-service", s.planningPort(), "PLANNING_PORT", "PLANNING_URL"),
                new JavaService("activity-service", s.activityPort(), "ACTIVITY_PORT", "ACTIVITY_URL"),
                new JavaService("rights-service", s.rightsPort(), "RIGHTS_PORT", "RIGHTS_URL"),
                new JavaService("reporting-service", s.reportingPort(), "REPORTING_PORT", "REPORTING_URL"),
                new JavaService("gateway", s.gatewayPort(), "GATEWAY_PORT", null));
    }

    public static List<String> command(JavaService service, PlatformSettings s) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(service.jar(s.root(), VERSION).toString());
        return command;
    }

    public static Map<String, String> environment(JavaService service, PlatformSettings s) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        env.put(service.managementPortVariable(), Integer.toString(service.managementPort()));
        env.put("MONGODB_URI", s.mongoUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", s.kafkaBootstrapServers());
        env.put("KEYCLOAK_URL", s.keycloakUrl());
        // the service writes its own log, rotated by size; its console (kept in <name>.out) has warnings and errors
        env.put("LOGGING_FILE_NAME", s.logDir().resolve(service.id() + ".log").toString());
        env.put("LOGGING_LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE", s.logMaxFileSize());
        env.put("LOGGING_LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP", s.logTotalSizeCap());
        env.put("LOGGING_LOGBACK_ROLLINGPOLICY_MAX_HISTORY", "14");
        env.put("LOGGING_THRESHOLD_CONSOLE", "WARN");
        s.logFormat().ifPresent(format -> env.put("LOGGING_STRUCTURED_FORMAT_FILE", format));
        if (service.isGateway()) {
            env.putAll(backendAddresses(s));
        }
        return env;
    }

    /**
     * Where the gateway finds each service: its URL when it runs once; {@code lb://<module>} when it runs several times,
     * with the instances listed for Spring Cloud's simple discovery ({@code SPRING_APPLICATION_JSON}), through which the
     * gateway's load balancer takes them in turn.
     */
    static Map<String, String> backendAddresses(PlatformSettings s) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, List<String>> instances = new LinkedHashMap<>();
        for (JavaService backend : all(s)) {
            if (!backend.isGateway()) {
                instances
                        .computeIfAbsent(backend.name(), k -> new ArrayList<>())
                        .add(backend.url());
                env.putIfAbsent(backend.urlVariable(), backend.url());
            }
        }
        StringBuilder json = new StringBuilder();
        for (JavaService backend : all(s)) {
            List<String> urls = instances.get(backend.name());
            if (backend.isGateway() || backend.instance() != 1 || urls.size() < 2) {
                continue;
            }
            env.put(backend.urlVariable(), "lb://" + backend.name());
            json.append(json.isEmpty() ? "" : ",")
                    .append('"')
                    .append(backend.name())
                    .append("\":[");
            for (int i = 0; i < urls.size(); i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"uri\":\"")
                        .append(urls.get(i))
                        .append("\"}");
            }
            json.append(']');
        }
        if (!json.isEmpty()) {
            env.put(
                    "SPRING_APPLICATION_JSON",
                    "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{" + json
                            + "}}}}}}}");
        }
        return env;
    }

    /**
     * What a service learns from the federation's settings: whether the demo is loaded ({@code FULIAN_FEDERATION_DEMO})
     * and, for the planning service, the tree to load on a first start and the root it must have.
     */
    public static Map<String, String> federationEnvironment(JavaService service, FederationSettings federation) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FULIAN_FEDERATION_DEMO", Boolean.toString(federation.demo()));
        if (service.name().equals("planning-service")) {
            env.put("FULIAN_FEDERATION_TREE", federation.tree());
            env.put("FULIAN_FEDERATION_ROOT_CODE", federation.rootCode());
        }
        return env;
    }

    private static String versionOfThisBuild() {
        String version = Services.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT";
    }
}
