package cn.fulian.rights.cases;

import cn.fulian.rights.codes.StepType;
import cn.fulian.rights.codes.TimelineType;
import java.time.Instant;

/**
 * One thing that happened to a case: what, when, by whom, at which unit. {@code note} is free text and therefore sealed
 * like personal data.
 */
public record TimelineEntry(
        TimelineType type, Instant at, String by, String unit, StepType step, String toUnit, String note) {

    @Override
    public String toString() {
        return "TimelineEntry[" + type + " at " + at + " by " + by + "]";
    }
}
