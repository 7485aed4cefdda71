package cn.fulian.starter.outbox;

import cn.fulian.events.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    protected abstract String aggregateId();

    protected void record(DomainEvent event, String orgPath, Instant at) {
        outbox.add(OutboxEntry.of(event, orgPath, aggregateId(), at));
    }

    /** Events recorded and not yet published. */
    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    public Long version() {
        return version;
    }
}
