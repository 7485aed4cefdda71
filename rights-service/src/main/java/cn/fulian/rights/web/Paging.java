package cn.fulian.rights.web;

import cn.fulian.starter.problem.InvalidFieldException;

/** Checks paging parameters: page from 0, size 1 to 100. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {}

    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "页码不能小于0", "must be at least 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "每页条数须在1到100之间", "must be between 1 and 100");
        }
    }
}
