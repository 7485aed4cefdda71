package cn.fulian.rights.web;

import java.util.List;

/** One page of a list: the items, how many match in all, the page number (from 0) and the page size. */
public record PageView<T>(List<T> items, long total, int page, int size) {}
