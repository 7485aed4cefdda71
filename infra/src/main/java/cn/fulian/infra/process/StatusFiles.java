package cn.fulian.infra.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One file per supervised child beside its pid file ({@code <state>/pids/<name>.status}), rewritten by the launcher on
 * every change, read by {@code ./platform status}: the launcher's own view (restarting, gave up, restarts so far, the
 * last unexpected exit) that a pid alone cannot tell. The files are kept after the platform stops, so status still
 * shows how the last run ended.
 */
public final class StatusFiles {

    private static final String SUFFIX = ".status";

    private final Path dir;

    public StatusFiles(Path dir) {
        this.dir = dir;
    }

    /** Written beside and then moved over the old file: a reader never sees half a file. */
    public void write(String name, ChildStatus status) {
        Properties p = new Properties();
        p.setProperty("state", status.state().name());
        p.setProperty("pid", Long.toString(status.pid()));
        p.setProperty("restarts", Integer.toString(status.restarts()));
        status.lastUnexpectedExit().ifPresent(exit -> {
            p.setProperty("lastExitAt", exit.at().toString());
            p.setProperty("lastExitCode", Integer.toString(exit.code()));
        });
        Path file = file(name);
        Path partial = dir.resolve(name + SUFFIX + ".partial");
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                p.store(out, null);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The recorded status, or empty when there is none or it cannot be read. */
    public Optional<ChildStatus> read(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            Optional<ChildStatus.Exit> exit = p.containsKey("lastExitAt")
                    ? Optional.of(new ChildStatus.Exit(
                            Instant.parse(p.getProperty("lastExitAt")),
                            Integer.parseInt(p.getProperty("lastExitCode"))))
                    : Optional.empty();
            return Optional.of(new ChildStatus(
                    ChildStatus.State.valueOf(p.getProperty("state")),
                    Long.parseLong(p.getProperty("pid")),
                    Integer.parseInt(p.getProperty("restarts")),
                    exit));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Forgets the previous run: called when {@code up} starts. */
    public void deleteAll() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains(SUFFIX))
                    .toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private Path file(String name) {
        return dir.resolve(name + SUFFIX);
    }
}
