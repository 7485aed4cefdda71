package cn.fulian.reporting.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: the items plus what a pager needs. */
public record PageView<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(
                page.getContent().stream().map(view).toList(),
                page.getTotalElements(),
                page.getNumber(),
                page.getSize());
    }

    /** Page sizes between 1 and {@value #MAX_SIZE}. */
    public static int clamp(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }
}
