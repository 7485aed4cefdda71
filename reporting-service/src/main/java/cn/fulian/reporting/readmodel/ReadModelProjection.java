package cn.fulian.reporting.readmodel;

import cn.fulian.events.Topics;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The read model's single entry: a poll's events in, each event's changes merged per document, all of them written
 * together under the events' offset guards, then the units whose figures changed are announced (for the live stream).
 * The live listener and the rebuild both come through here, so they cannot compute different figures.
 */
@Service
public class ReadModelProjection {

    /** Every topic the read model is fed by, besides the org-unit registry the starter keeps. */
    public static final List<String> TOPICS =
            List.of(Topics.PLANNING, Topics.ACTIVITY, Topics.RIGHTS, Topics.REPORTING);

    private final MongoTemplate mongo;
    private final ExactConsumer consumer;
    private final PlanningProjection planning;
    private final ActivityProjection activity;
    private final RightsProjection rights;
    private final ReportProjection reports;
    private final ApplicationEventPublisher publisher;
    private final Map<String, Counter> applied = new HashMap<>();

    ReadModelProjection(
            MongoTemplate mongo,
            ExactConsumer consumer,
            PlanningProjection planning,
            ActivityProjection activity,
            RightsProjection rights,
            ReportProjection reports,
            ApplicationEventPublisher publisher,
            ObjectProvider<MeterRegistry> meters) {
        this.mongo = mongo;
        this.consumer = consumer;
        this.planning = planning;
        this.activity = activity;
        this.rights = rights;
        this.reports = reports;
        this.publisher = publisher;
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            for (String topic : TOPICS) {
                applied.put(
                        topic,
                        Counter.builder(APPLIED)
                                .tag("topic", topic)
                                .description("Events applied to the read model, by the live listener or a rebuild")
                                .register(registry));
            }
        }
    }

    /** {@code fulian.readmodel.events.applied{topic}}: its rate is the read model's events per second. */
    public static final String APPLIED = "fulian.readmodel.events.applied";

    /**
     * Applies a poll's records in order, each event exactly once, their changes written together (see
     * {@link ReadModelSession}).
     */
    public ExactConsumer.Outcome consume(List<ConsumerRecord<String, String>> records) {
        return consumer.consumeAll(records, new Session());
    }

    /** The session of one poll, reading ahead the assignments its events count toward or change. */
    private final class Session implements ExactConsumer.Staging {

        private final ReadModelSession session =
                new ReadModelSession(mongo, consumer.writer(), ReadModelProjection.this::apply, publisher);
        private final List<String> stagedTopics = new ArrayList<>();

        @Override
        public void prepare(List<ConsumedEvent> events) {
            Set<String> assignments = new HashSet<>();
            for (ConsumedEvent event : events) {
                if (Topics.ACTIVITY.equals(event.topic())) {
                    assignments.addAll(activity.assignmentIds(event));
                } else if (Topics.PLANNING.equals(event.topic())) {
                    assignments.addAll(planning.assignmentIds(event));
                }
            }
            session.prefetch(ReadModel.ASSIGNMENTS, assignments);
        }

        @Override
        public void stage(ConsumedEvent event) {
            session.stage(event);
            stagedTopics.add(event.topic());
        }

        @Override
        public void flush() {
            session.flush();
            for (String topic : stagedTopics) {
                Counter counter = applied.get(topic);
                if (counter != null) {
                    counter.increment();
                }
            }
            stagedTopics.clear();
        }

        @Override
        public void discard() {
            session.discard();
            stagedTopics.clear();
        }
    }

    private void apply(ConsumedEvent event, UpdateBatch batch) {
        switch (event.topic()) {
            case Topics.PLANNING -> planning.apply(event, batch);
            case Topics.ACTIVITY -> activity.apply(event, batch);
            case Topics.RIGHTS -> rights.apply(event, batch);
            case Topics.REPORTING -> reports.apply(event, batch);
            default -> {
                // not a read-model topic
            }
        }
    }
}
