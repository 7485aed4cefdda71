package cn.fulian.starter.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * {@code fulian.dead.letters{topic}}: records sent to {@code <topic>.DLT}, tagged with the topic they came from. A
 * record is counted once the broker took it on the dead-letter topic: a failed send throws, and the record is tried
 * again.
 */
public class DeadLetters {

    public static final String METRIC = "fulian.dead.letters";

    private final Supplier<MeterRegistry> registry;

    public DeadLetters(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** Sends with {@code publisher}, then counts. */
    public ConsumerRecordRecoverer wrapping(ConsumerRecordRecoverer publisher) {
        return (record, failure) -> {
            publisher.accept(record, failure);
            count(record.topic());
        };
    }

    void count(String topic) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            counter(meters, topic).increment();
        }
    }

    /**
     * Shows the count at 0 for topics nothing was sent from yet, so that the first dead letter is seen as an increase
     * (Prometheus takes a series that first appears at 1 for one that did not grow).
     */
    public void expect(Collection<String> topics) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            topics.forEach(topic -> counter(meters, topic));
        }
    }

    private static Counter counter(MeterRegistry meters, String topic) {
        return Counter.builder(METRIC)
                .tag("topic", topic)
                .description("Records sent to <topic>.DLT after they could not be applied")
                .register(meters);
    }
}
