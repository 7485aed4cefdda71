package cn.fulian.starter.problem;

/** 403: the caller sees the object but may not perform this action on it. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
