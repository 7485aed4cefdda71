package cn.fulian.reporting.readmodel;

import java.util.Set;

/** Published in-process after an event changed the figures of these units (each unit and its ancestors). */
public record FiguresChanged(Set<String> unitPaths, String eventType) {}
