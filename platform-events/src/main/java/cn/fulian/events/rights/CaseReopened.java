package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/** A closed case was reopened; it runs against a new conclude-by date. The reason stays in the service. */
public record CaseReopened(
        String caseId, String unitPath, String category, Instant reopenedAt, String channel, LocalDate concludeDueDate)
        implements DomainEvent {
    public static final String TYPE = "CaseReopened";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
