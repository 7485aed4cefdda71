package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An activity was amended; {@code delta} is new minus old value per metric, so consumers only add. */
public record ActivityAmended(
        String activityId,
        String unitPath,
        int year,
        Map<String, BigDecimal> delta,
        List<String> assignmentIds,
        String reason)
        implements DomainEvent {
    public static final String TYPE = "ActivityAmended";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
