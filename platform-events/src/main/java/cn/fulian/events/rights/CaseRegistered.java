package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rights case was registered. Never carries personal data: ids, unit, channel, category and dates only.
 * {@code possibleRepeat} says the complainant's phone or ID number matched an open or recent case (重复信访).
 * {@code receivedOn} is the day the letter, visit or call came in (the deadlines run from it); it may lie years before
 * {@code registeredAt} when an earlier year's ledger is moved in, and is null in events written before it existed.
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
        boolean possibleRepeat,
        LocalDate receivedOn)
        implements DomainEvent {
    public static final String TYPE = "CaseRegistered";

    /** A registration without the day received (the first contract shape): received when registered. */
    public CaseRegistered(
            String caseId,
            String unitPath,
            String channel,
            String category,
            boolean urgent,
            Instant registeredAt,
            LocalDate acceptDueDate,
            LocalDate concludeDueDate,
            boolean possibleRepeat) {
        this(
                caseId,
                unitPath,
                channel,
                category,
                urgent,
                registeredAt,
                acceptDueDate,
                concludeDueDate,
                possibleRepeat,
                null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
