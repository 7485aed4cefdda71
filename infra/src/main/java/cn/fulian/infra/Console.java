package cn.fulian.infra;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The launcher's user interface: the lines a developer reads in the terminal. Kept apart from logging so that Kafka,
 * H2 and the Mongo-wire server can log to a file while the terminal shows only the launcher's own progress. Writes
 * UTF-8 explicitly: Java 17 would otherwise use the platform charset and turn ✓ and Chinese unit names into '?'.
 */
public final class Console {

    private static final PrintStream OUT =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final PrintStream ERR =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private Console() {}

    public static void line(String text) {
        OUT.println(text);
    }

    public static void line(String format, Object... args) {
        OUT.println(String.format(Locale.ROOT, format, args));
    }

    public static void error(String text) {
        ERR.println(text);
    }

    /** One component became ready: {@code  ✓ Kafka            127.0.0.1:9092            2.1 s}. */
    public static void ready(String label, String address, long sinceNanos) {
        line("  ✓ %-18s %-26s %6s", label, address, elapsed(sinceNanos));
    }

    public static void failed(String label, String reason) {
        error(String.format(Locale.ROOT, "  ✗ %-18s %s", label, reason));
    }

    /** Seconds since {@code sinceNanos} (a {@link System#nanoTime()} reading), one decimal: {@code 12.3 s}. */
    public static String elapsed(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
    }
}
