package cn.fulian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code ./platform} of the checkout and measures the memory of its processes. */
final class PlatformControl {

    private final Path root;

    PlatformControl(Path root) {
        this.root = root;
    }

    /** Exit code of {@code ./platform <args>}, its output going to the bench's log file. */
    int run(long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("platform").toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("bench-platform-", ".log");
            Process p = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                return -1;
            }
            Files.deleteIfExists(log);
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./platform: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    boolean ready() {
        return run(120, "status") == 0;
    }

    /** Seconds until the platform was ready, or why it was not. */
    record UpTime(Double seconds, String failure) {}

    /**
     * {@code ./platform down}, then {@code ./platform up --detach}; seconds from starting {@code up} until
     * {@code ./platform status} first exits 0.
     */
    UpTime downThenUp(long timeoutSeconds) {
        run(300, "down");
        long t0 = System.nanoTime();
        int up = run(timeoutSeconds, "up", "--detach");
        if (up != 0) {
            return new UpTime(
                    null,
                    "./platform up --detach exited " + up + " (see .platform/logs/platform.log; on a loaded machine "
                            + "raise PLATFORM_READY_TIMEOUT)");
        }
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (ready()) {
                return new UpTime((System.nanoTime() - t0) / 1e9, null);
            }
            Kafka.sleep(500);
        }
        return new UpTime(null, "./platform status did not exit 0 within " + timeoutSeconds + " s");
    }

    /** Resident memory (MB) per pid file: the recorded process and all its descendants, from /proc. */
    Map<String, Double> rssByComponent() {
        Path pids = root.resolve(".platform").resolve("pids");
        Map<String, Double> out = new LinkedHashMap<>();
        Map<Long, Long> parents = parents();
        Set<Long> counted = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(pids)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                String text = Files.readString(f).replaceAll("[^0-9]", "");
                if (text.isEmpty()) {
                    continue;
                }
                long kb = 0;
                for (long pid : selfAndDescendants(Long.parseLong(text), parents)) {
                    if (counted.add(pid)) {
                        kb += rssKb(pid);
                    }
                }
                out.put(f.getFileName().toString().replace(".pid", ""), Stats.round(kb / 1024.0, 1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pids + ": " + e, e);
        }
        return out;
    }

    private static List<Long> selfAndDescendants(long pid, Map<Long, Long> parents) {
        List<Long> out = new ArrayList<>();
        out.add(pid);
        for (int i = 0; i < out.size(); i++) {
            long p = out.get(i);
            parents.forEach((child, parent) -> {
                if (parent == p) {
                    out.add(child);
                }
            });
        }
        return out;
    }

    /** pid → parent pid of every process. */
    private static Map<Long, Long> parents() {
        Map<Long, Long> out = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(Long.parseLong(name), Long.parseLong(rest[1]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e, e);
        }
        return out;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
        }
        return 0;
    }
}
