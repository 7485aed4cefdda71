package cn.fulian.starter.problem;

/** 428: a change to an existing record came without {@code If-Match}, so it could overwrite someone else's change. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException() {
        super("If-Match required");
    }
}
