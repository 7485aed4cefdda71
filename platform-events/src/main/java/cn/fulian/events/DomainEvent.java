package cn.fulian.events;

/**
 * An event record. {@link #eventType()} is the stable string written to the envelope's {@code type}; it is a method
 * rather than a component so it never appears inside the payload.
 */
public interface DomainEvent {
    String eventType();

    /** The topic the event is published on. */
    String topic();
}
