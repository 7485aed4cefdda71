package cn.fulian.starter.problem;

/** 404: the object does not exist, or lies outside the caller's scope (which must look the same). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
