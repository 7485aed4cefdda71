package cn.fulian.starter.version;

import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.PreconditionFailedException;
import cn.fulian.starter.problem.PreconditionRequiredException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match: "<version>"} header of a change to an existing record: the version the user saw. A controller
 * method takes it as a parameter ({@code IfMatch ifMatch}); the service checks it once the record is loaded and the
 * caller's right to it is settled, so a record outside the scope still answers 404 rather than 428. Missing is 428,
 * not a strong quoted number 400 naming {@code If-Match}, another version than the record's 412.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private static final Pattern STRONG_NUMBER = Pattern.compile("\"(\\d{1,18})\"");

    private final String header;

    private IfMatch(String header) {
        this.header = header;
    }

    /** The header as sent; null when it was not. */
    public static IfMatch of(String header) {
        return new IfMatch(header);
    }

    /** The header a client sends to change a record it saw at {@code version}. */
    public static IfMatch version(Long version) {
        return new IfMatch(ETags.of(version));
    }

    /** The version the client saw. */
    public long version() {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException();
        }
        Matcher m = STRONG_NUMBER.matcher(header.strip());
        if (!m.matches()) {
            throw new InvalidFieldException(
                    HEADER, "版本号格式不正确，应为带引号的版本号，如 \"3\"", "must be the record's version in quotes, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }

    /** Passes when the client saw {@code current} (a record never saved counts as version 0). */
    public void requireCurrent(Long current) {
        long now = current == null ? 0 : current;
        if (version() != now) {
            throw new PreconditionFailedException(now);
        }
    }

    @Override
    public String toString() {
        return HEADER + ": " + header;
    }
}
