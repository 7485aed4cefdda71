package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/** A case was closed (办结), on time or late against its conclude-by date. */
public record CaseClosed(
        String caseId,
        String unitPath,
        String category,
        Instant closedAt,
        boolean onTime,
        String outcome,
        String channel,
        LocalDate concludeDueDate)
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
