package cn.fulian.reporting.stream;

import java.time.Instant;

/**
 * The data of a {@code figures-changed} event: which unit's figures of which year changed, and when. The dashboard
 * reloads itself on it; the figures themselves are not pushed, so a missed notice costs nothing but freshness.
 */
public record FiguresChangedNotice(String unit, int year, Instant at) {}
