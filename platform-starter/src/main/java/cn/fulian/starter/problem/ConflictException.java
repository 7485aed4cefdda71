package cn.fulian.starter.problem;

/** 409: the action does not fit the object's current state (a published plan edited, a case closed twice). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
