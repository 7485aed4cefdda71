package cn.fulian.starter.outbox;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.EventCodec;
import cn.fulian.starter.trace.EventTrace;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in its aggregate's document to be published. Stored in the same write as the state change it
 * belongs to; the relay removes it once Kafka has acknowledged it. The correlation id and trace context of the request
 * that recorded it go along as record headers.
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String aggregateId,
        String orgPath,
        Instant occurredAt,
        String payload,
        String correlationId,
        String traceparent) {

    private static final EventCodec CODEC = new EventCodec();

    /** The event, with the ids of the request that recorded it ({@link EventTrace#current()}). */
    public static OutboxEntry of(DomainEvent event, String orgPath, String aggregateId, Instant at) {
        EventTrace trace = EventTrace.current();
        return new OutboxEntry(
                UUID.randomUUID().toString(),
                event.eventType(),
                event.topic(),
                aggregateId,
                orgPath,
                at,
                CODEC.mapper().writeValueAsString(event),
                trace.correlationId(),
                trace.traceparent());
    }
}
