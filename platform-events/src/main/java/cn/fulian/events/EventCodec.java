package cn.fulian.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns events into envelopes and JSON and back. Thread-safe; one instance can be shared. */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public EventEnvelope wrap(DomainEvent event, String source, String orgPath, String aggregateId, Instant at) {
        return new EventEnvelope(
                UUID.randomUUID(),
                event.eventType(),
                EventEnvelope.CURRENT_VERSION,
                at,
                source,
                orgPath,
                aggregateId,
                mapper.valueToTree(event));
    }

    public String toJson(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * Reads an envelope. Anything that is not a complete envelope is an {@link UnreadableEventException}: it can never
     * become readable by retrying.
     */
    public EventEnvelope fromJson(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JacksonException | NullPointerException | IllegalArgumentException e) {
            throw new UnreadableEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /** The payload as its contract record, looked up by the envelope's type. */
    public DomainEvent payload(EventEnvelope envelope) {
        Class<? extends DomainEvent> type = EventTypes.classOf(envelope.type())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + envelope.type(), null));
        return payload(envelope, type);
    }

    public <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableEventException("payload of " + envelope.type() + " unreadable: " + e.getMessage(), e);
        }
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
