package cn.fulian.infra.service;

import java.nio.file.Path;

/**
 * One runnable module: {@code name} is both the Maven module folder and the jar's base name, so the jar is
 * {@code <root>/<name>/target/<name>-<version>.jar}.
 *
 * @param urlVariable the variable through which the gateway learns this service's address (null for the gateway)
 */
public record JavaService(String name, int port, String portVariable, String urlVariable) {

    public Path jar(Path root, String version) {
        return root.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String healthUrl() {
        return url() + "/actuator/health";
    }

    public boolean isGateway() {
        return urlVariable == null;
    }
}
