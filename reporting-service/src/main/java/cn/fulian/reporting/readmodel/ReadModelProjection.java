package cn.fulian.reporting.readmodel;

import cn.fulian.events.Topics;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The read model's single entry: one event in, its changes merged per document and applied under the event's offset
 * guard, then the units whose figures changed are announced (for the live stream). The live listener and the rebuild
 * both come through here, so they cannot compute different figures.
 */
@Service
public class ReadModelProjection {

    /** Every topic the read model is fed by, besides the org-unit registry the starter keeps. */
    public static final List<String> TOPICS =
            List.of(Topics.PLANNING, Topics.ACTIVITY, Topics.RIGHTS, Topics.REPORTING);

    private final ExactConsumer consumer;
    private final PlanningProjection planning;
    private final ActivityProjection activity;
    private final RightsProjection rights;
    private final ReportProjection reports;
    private final ApplicationEventPublisher publisher;

    ReadModelProjection(
            ExactConsumer consumer,
            PlanningProjection planning,
            ActivityProjection activity,
            RightsProjection rights,
            ReportProjection reports,
            ApplicationEventPublisher publisher) {
        this.consumer = consumer;
        this.planning = planning;
        this.activity = activity;
        this.rights = rights;
        this.reports = reports;
        this.publisher = publisher;
    }

    /** Applies one record exactly once; false if its event was applied before. */
    public boolean consume(ConsumerRecord<String, String> record) {
        return consumer.consume(record, this::apply);
    }

    void apply(ConsumedEvent event) {
        UpdateBatch batch = new UpdateBatch();
        switch (event.topic()) {
            case Topics.PLANNING -> planning.apply(event, batch);
            case Topics.ACTIVITY -> activity.apply(event, batch);
            case Topics.RIGHTS -> rights.apply(event, batch);
            case Topics.REPORTING -> reports.apply(event, batch);
            default -> {
                return;
            }
        }
        batch.applyAll(consumer.writer(), event);
        if (!batch.touchedUnits().isEmpty()) {
            publisher.publishEvent(new FiguresChanged(
                    Map.copyOf(batch.touchedUnits()), event.envelope().type()));
        }
    }
}
