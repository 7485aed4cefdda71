package cn.fulian.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress lines of a run, through the logger (standard output, time of day; see simplelogger.properties). */
final class Log {

    private static final Logger log = LoggerFactory.getLogger("cn.fulian.bench");

    private Log() {}

    static void line(String format, Object... args) {
        log.info(String.format(format, args));
    }

    /** A run refused before it started (bad flags), with the usage text. */
    static void refused(String why) {
        log.error(why);
    }

    static void failure(String what, Exception e) {
        log.error(what, e);
    }
}
