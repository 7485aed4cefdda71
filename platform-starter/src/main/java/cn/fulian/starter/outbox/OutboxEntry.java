package cn.fulian.starter.outbox;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.EventCodec;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in its aggregate's document to be published. Stored in the same write as the state change it
 * belongs to; the relay removes it once Kafka has acknowledged it.
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String aggregateId,
        String orgPath,
        Instant occurredAt,
        String payload) {

    private static final EventCodec CODEC = new EventCodec();

    public static OutboxEntry of(DomainEvent event, String orgPath, String aggregateId, Instant at) {
        return new OutboxEntry(
                UUID.randomUUID().toString(),
                event.eventType(),
                event.topic(),
                aggregateId,
                orgPath,
                at,
                CODEC.mapper().writeValueAsString(event));
    }
}
