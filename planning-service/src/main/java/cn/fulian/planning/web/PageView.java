package cn.fulian.planning.web;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list: the items plus what a pager needs. */
public record PageView<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getTotalElements(), page.getNumber(), page.getSize());
    }

    /** Page sizes between 1 and {@value #MAX_SIZE}. */
    public static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
