package cn.fulian.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard output, each with the time of day. */
final class Log {
    private Log() {}

    static void line(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
        System.out.flush();
    }
}
