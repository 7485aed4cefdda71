package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/**
 * City staff opened a past year for entry, so a federation can move its earlier ledgers in: activities, rights cases
 * and honour reviews dated in that year are accepted. This year and the last are always open.
 */
public record EntryYearOpened(int year, String by, String reason, Instant at) implements DomainEvent {
    public static final String TYPE = "EntryYearOpened";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
