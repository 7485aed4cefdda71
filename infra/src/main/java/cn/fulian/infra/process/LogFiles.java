package cn.fulian.infra.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** The per-component log files under {@code <state>/logs/}. */
public final class LogFiles {

    private LogFiles() {}

    /**
     * Keeps the previous run's log as {@code <name>.log.1}: when a restart follows a crash, the crash is still there to
     * read.
     */
    public static void keepPrevious(Path log) throws IOException {
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last {@code count} lines, read leniently: a log may hold bytes that are not valid UTF-8. */
    public static List<String> tail(Path log, int count) {
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count);
        try (Stream<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
            lines.forEach(line -> {
                if (last.size() == count) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}
