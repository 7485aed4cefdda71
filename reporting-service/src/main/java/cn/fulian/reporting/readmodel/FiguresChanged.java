package cn.fulian.reporting.readmodel;

import java.util.Map;
import java.util.Set;

/**
 * Published in-process after an event changed the figures of these units (each unit and its ancestors), by plan year.
 *
 * @param unitsByYear the unit paths touched, per year of the figures
 * @param eventType the event that changed them
 */
public record FiguresChanged(Map<Integer, Set<String>> unitsByYear, String eventType) {}
