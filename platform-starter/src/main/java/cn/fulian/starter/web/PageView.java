package cn.fulian.starter.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: the items, how many match in all, the page number (from 0) and the page size. */
public record PageView<T>(List<T> items, long total, int page, int size) {

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getTotalElements(), page.getNumber(), page.getSize());
    }

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return of(page).map(view);
    }

    public <R> PageView<R> map(Function<T, R> view) {
        return new PageView<>(items.stream().map(view).toList(), total, page, size);
    }
}
