package cn.fulian.infra.service;

import java.nio.file.Path;

/**
 * One runnable module: {@code name} is both the Maven module folder and the jar's base name, so the jar is
 * {@code <root>/<name>/target/<name>-<version>.jar}.
 *
 * <p>Its health and metrics are on a management port of their own, the service's port + 1000 (8081 → 9081, 28081 →
 * 29081), so that two platforms on different port sets on one machine never share one.
 *
 * @param urlVariable the variable through which the gateway learns this service's address (null for the gateway)
 * @param instance which instance of the service this is, from 1 (see {@link Replicas})
 */
public record JavaService(String name, int port, String portVariable, String urlVariable, int instance) {

    public JavaService(String name, int port, String portVariable, String urlVariable) {
        this(name, port, portVariable, urlVariable, 1);
    }

    /** The process's name in pid, status and log files: the module's name, with {@code -2}, {@code -3} for replicas. */
    public String id() {
        return instance == 1 ? name : name + "-" + instance;
    }

    public Path jar(Path root, String version) {
        return root.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How far a service's management port lies above its own. */
    public static final int MANAGEMENT_OFFSET = 1000;

    public int managementPort() {
        return port + MANAGEMENT_OFFSET;
    }

    /** The variable the module's application.yml reads its management port from, e.g. {@code PLANNING_MANAGEMENT_PORT}. */
    public String managementPortVariable() {
        return portVariable.replace("_PORT", "_MANAGEMENT_PORT");
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort();
    }

    public String healthUrl() {
        return managementUrl() + "/actuator/health";
    }

    public boolean isGateway() {
        return urlVariable == null;
    }
}
