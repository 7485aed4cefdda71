package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/** A case breached a deadline (stage ACCEPT or CONCLUDE); emitted once per breach. */
public record CaseOverdue(
        String caseId,
        String unitPath,
        String stage,
        LocalDate dueDate,
        Instant detectedAt,
        String category,
        String channel)
        implements DomainEvent {
    public static final String TYPE = "CaseOverdue";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
