package cn.fulian.rights.cases;

import cn.fulian.rights.codes.DeadlineStage;
import java.time.Instant;

/** A deadline the case missed, kept so that each breach is reported exactly once. */
public record Breach(DeadlineStage stage, String dueDate, Instant detectedAt) {

    boolean is(DeadlineStage s, String due) {
        return stage == s && dueDate.equals(due);
    }
}
