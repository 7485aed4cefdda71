package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An activity was voided; {@code delta} is minus its last values, so consumers only add. */
public record ActivityVoided(
        String activityId,
        String unitPath,
        int year,
        Map<String, BigDecimal> delta,
        List<String> assignmentIds,
        String reason)
        implements DomainEvent {
    public static final String TYPE = "ActivityVoided";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
