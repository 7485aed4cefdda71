package cn.fulian.infra.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many instances of each service the launcher runs: {@code PLATFORM_REPLICAS} (or {@code ./platform up --replicas})
 * as {@code reporting=2,gateway=2}; a service not named runs once. Names are the services' short names ({@code
 * planning}, {@code activity}, {@code rights}, {@code reporting}, {@code gateway}) or their module names.
 *
 * <p>Instance n of a service listens on its port + {@value #PORT_STEP} × (n − 1), its management port 1000 above. With
 * several gateways the launcher's round-robin front takes the gateway's own port and the gateways move up one step
 * each ({@code 8080} → front, {@code 8100} and {@code 8120}).
 */
public record Replicas(Map<String, Integer> counts) {

    public static final int PORT_STEP = 20;
    public static final int MAX = 4;
    /** Where {@code up} notes the replicas it started with, so that {@code status} and {@code down} see them too. */
    public static final String FILE = "replicas";

    private static final Map<String, String> MODULES = Map.of(
            "planning", "planning-service",
            "activity", "activity-service",
            "activities", "activity-service",
            "rights", "rights-service",
            "reporting", "reporting-service",
            "reports", "reporting-service",
            "gateway", "gateway");

    public static Replicas none() {
        return new Replicas(Map.of());
    }

    /** Parses {@code reporting=2,gateway=2}; blank means one of each. */
    public static Replicas parse(String value) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return new Replicas(counts);
        }
        for (String part : value.split(",")) {
            String[] kv = part.trim().split("=", 2);
            String name = kv[0].trim();
            String module = MODULES.containsKey(name) ? MODULES.get(name) : name;
            if (!MODULES.containsValue(module) || kv.length != 2) {
                throw new IllegalArgumentException("PLATFORM_REPLICAS: '" + part.trim()
                        + "' is not <service>=<count> with a service among planning, activity, rights, reporting,"
                        + " gateway (e.g. reporting=2,gateway=2)");
            }
            int count;
            try {
                count = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX) {
                throw new IllegalArgumentException("PLATFORM_REPLICAS: the count of " + name + " must be 1 to " + MAX
                        + ", was '" + kv[1].trim() + "'");
            }
            counts.put(module, count);
        }
        return new Replicas(Map.copyOf(counts));
    }

    /** How many instances of the module run. */
    public int of(String module) {
        return counts.getOrDefault(module, 1);
    }

    /** The replicas a running platform was started with, as {@code up} noted them in its state folder. */
    public static Optional<String> noted(Path state) {
        Path file = state.resolve(FILE);
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void note(Path state) throws IOException {
        Files.createDirectories(state);
        Files.writeString(state.resolve(FILE), toString(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        counts.forEach((module, count) ->
                s.append(s.isEmpty() ? "" : ",").append(module).append('=').append(count));
        return s.toString();
    }
}
