package cn.fulian.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One file per process under {@code <state>/pids/}, holding just the pid (so {@code kill $(cat x.pid)} works). The
 * files outlive a launcher killed with {@code kill -9}: {@code down} then still finds the orphaned services, and the
 * next {@code up} refuses to start a second platform on top of them.
 */
public final class PidFiles {

    /** The launcher's own pid file: signalling it stops the whole platform through its shutdown hook. */
    public static final String LAUNCHER = "platform";

    /**
     * A recorded pid counts as ours only if that process started before the file was written. After a reboot or a
     * long time the number can belong to an unrelated process; its later start time gives it away. The slack covers
     * the second-granular boot time Linux reports start times against.
     */
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(5);

    private static final String SUFFIX = ".pid";

    private final Path dir;

    public PidFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public void write(String name, long pid) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(name), pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + file(name), e);
        }
    }

    /** Every readable recorded pid, by component name, whether or not its process still runs. */
    public Map<String, Long> recorded() {
        Map<String, Long> pids = new LinkedHashMap<>();
        files().forEach(f -> read(f).ifPresent(pid -> pids.put(nameOf(f), pid)));
        return pids;
    }

    /** The recorded process of {@code name}, if it is still alive and still the process that was recorded. */
    public Optional<ProcessHandle> live(String name) {
        Path file = file(name);
        return read(file)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> startedBefore(p, file));
    }

    /** The live recorded processes, by component name. */
    public Map<String, ProcessHandle> live() {
        Map<String, ProcessHandle> live = new LinkedHashMap<>();
        recorded().keySet().forEach(name -> live(name).ifPresent(p -> live.put(name, p)));
        return live;
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file " + file(name), e);
        }
    }

    /** Removes every pid file, unreadable ones included. */
    public void deleteAll() {
        files().forEach(f -> delete(nameOf(f)));
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }

    private static Optional<Long> read(Path file) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean startedBefore(ProcessHandle process, Path file) {
        Optional<Instant> started = process.info().startInstant();
        if (started.isEmpty()) {
            return true;
        }
        try {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            return !started.get().isAfter(written.plus(START_TIME_SLACK));
        } catch (IOException e) {
            return false;
        }
    }
}
