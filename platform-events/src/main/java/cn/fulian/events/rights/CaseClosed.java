package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A case was closed (办结), on time or late against its conclude-by date. {@code closedOn} is the day it was concluded
 * (what {@code onTime} compares with the conclude-by date), which may lie before {@code closedAt} when an earlier
 * year's ledger is moved in; null in events written before it existed.
 */
public record CaseClosed(
        String caseId,
        String unitPath,
        String category,
        Instant closedAt,
        boolean onTime,
        String outcome,
        String channel,
        LocalDate concludeDueDate,
        LocalDate closedOn)
        implements DomainEvent {
    public static final String TYPE = "CaseClosed";

    /** A closure without the day concluded (the first contract shape): concluded when closed. */
    public CaseClosed(
            String caseId,
            String unitPath,
            String category,
            Instant closedAt,
            boolean onTime,
            String outcome,
            String channel,
            LocalDate concludeDueDate) {
        this(caseId, unitPath, category, closedAt, onTime, outcome, channel, concludeDueDate, null);
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
