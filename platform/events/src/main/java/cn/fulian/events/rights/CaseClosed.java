package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** A case was closed (办结), on time or late. */
public record CaseClosed(
        String caseId, String unitPath, String category, Instant closedAt, boolean onTime, String outcome)
        implements DomainEvent {
    public static final String TYPE = "CaseClosed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
