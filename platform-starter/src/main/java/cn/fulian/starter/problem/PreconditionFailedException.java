package cn.fulian.starter.problem;

/** 412: the {@code If-Match} version is not the record's current one; the caller acted on a stale copy. */
public class PreconditionFailedException extends RuntimeException {
    private final long current;

    public PreconditionFailedException(long current) {
        super("the record is at version " + current);
        this.current = current;
    }

    /** The record's version now, returned as the answer's {@code ETag} so a client can reload and retry. */
    public long current() {
        return current;
    }
}
