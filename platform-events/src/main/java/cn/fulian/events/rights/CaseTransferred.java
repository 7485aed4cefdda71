package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/**
 * The handling unit of a case changed (交办 down to a direct child, 上报 up to the parent): emitted when the receiving
 * unit accepted the transfer. {@code direction} is {@code DOWN} or {@code UP}.
 */
public record CaseTransferred(
        String caseId,
        String fromUnitPath,
        String toUnitPath,
        String category,
        Instant transferredAt,
        String channel,
        String direction)
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
