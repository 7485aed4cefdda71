package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rights case was registered. Never carries personal data: ids, unit, channel, category and dates only.
 * {@code possibleRepeat} says the complainant's phone or ID number matched an open or recent case (重复信访).
 */
public record CaseRegistered(
        String caseId,
        String unitPath,
        String channel,
        String category,
        boolean urgent,
        Instant registeredAt,
        LocalDate acceptDueDate,
        LocalDate concludeDueDate,
        boolean possibleRepeat)
        implements DomainEvent {
    public static final String TYPE = "CaseRegistered";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
