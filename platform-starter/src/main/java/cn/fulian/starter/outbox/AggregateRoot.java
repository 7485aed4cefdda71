package cn.fulian.starter.outbox;

import cn.fulian.events.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;

/**
 * Base of every aggregate document. A user action changes the aggregate and records the events it causes in the same
 * document, so saving the aggregate and its events is one atomic write (no multi-document transactions needed).
 * {@code @Version} makes concurrent edits of the same aggregate fail with 409 instead of losing one of them.
 */
public abstract class AggregateRoot {

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    /** Ids of the pending events this copy was loaded with; the relay may publish them while the copy is in use. */
    @Transient
    private Set<String> loadedEventIds = Set.of();

    protected abstract String aggregateId();

    protected void record(DomainEvent event, String orgPath, Instant at) {
        record(event, orgPath, at, aggregateId());
    }

    /**
     * Records an event that concerns another aggregate (an allocation recorded on the parent assignment creates a
     * child assignment): it is keyed by that aggregate's id so all of that aggregate's events share one partition.
     */
    protected void record(DomainEvent event, String orgPath, Instant at, String key) {
        outbox.add(OutboxEntry.of(event, orgPath, key, at));
    }

    void loaded() {
        loadedEventIds = outbox.stream().map(OutboxEntry::eventId).collect(Collectors.toSet());
    }

    boolean loadedWithPendingEvents() {
        return !loadedEventIds.isEmpty();
    }

    /**
     * Drops events this copy was loaded with that the relay has published since ({@code stillPending} no longer lists
     * them), so saving the copy does not put them back to be sent again.
     */
    void forgetPublished(Set<String> stillPending) {
        outbox.removeIf(e -> loadedEventIds.contains(e.eventId()) && !stillPending.contains(e.eventId()));
        loadedEventIds = Set.of();
    }

    /** Events recorded and not yet published. */
    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    public Long version() {
        return version;
    }
}
