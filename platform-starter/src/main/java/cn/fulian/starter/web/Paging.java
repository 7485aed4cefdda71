package cn.fulian.starter.web;

import cn.fulian.starter.problem.InvalidFieldException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The paging parameters of every list: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}. Anything else is
 * refused with a 400 naming the parameter, never quietly changed.
 */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {}

    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "页码不能小于0", "must be at least 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "每页条数须在1到" + MAX_SIZE + "之间", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest request(int page, int size) {
        check(page, size);
        return PageRequest.of(page, size);
    }

    public static PageRequest request(int page, int size, Sort sort) {
        check(page, size);
        return PageRequest.of(page, size, sort);
    }
}
