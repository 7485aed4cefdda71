package cn.fulian.events.planning;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/**
 * City staff closed a past year again: entries dated in it are refused from now on.
 */
public record EntryYearClosed(int year, String by, Instant at) implements DomainEvent {
    public static final String TYPE = "EntryYearClosed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }
}
