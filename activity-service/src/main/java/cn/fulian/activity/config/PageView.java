package cn.fulian.activity.config;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, how many match in total, and which page this is. */
public record PageView<T>(List<T> items, long total, int page, int size) {

    public <R> PageView<R> map(Function<T, R> f) {
        return new PageView<>(items.stream().map(f).toList(), total, page, size);
    }
}
