package cn.fulian.starter.version;

/**
 * A response body that shows one versioned record. Every such answer, to a read or to a change, carries the record's
 * version as {@code ETag} ({@link VersionETagAdvice}), which the client sends back as {@code If-Match}.
 */
public interface Versioned {
    Long version();
}
