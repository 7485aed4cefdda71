package cn.fulian.planning.orgunit;

import java.time.Instant;

/**
 * A change waiting in its unit's document to be copied to the history: saved in the same write as the change itself,
 * so no change goes unrecorded, and copied (by {@code changeId}, so a second copy changes nothing) right after.
 */
record UnitChange(String changeId, Instant at, String by, ChangeKind kind, UnitState before, UnitState after) {}
