package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** The handling unit of a case changed (交办/转办). */
public record CaseTransferred(
        String caseId, String fromUnitPath, String toUnitPath, String category, Instant transferredAt)
        implements DomainEvent {
    public static final String TYPE = "CaseTransferred";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
