package cn.fulian.reporting.readmodel;

import cn.fulian.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read model from every topic in one consumer group, a poll at a time. One container, so within an
 * instance polls are applied one after another; more instances split the partitions between them. Offsets are
 * committed after each poll; a record that cannot be applied is named to the error handler, which commits the ones
 * before it, retries it and then sends it to the dead-letter topic.
 */
@Component
class ReadModelListener {

    /** The container id, for stopping and starting it (rebuild, tests). */
    static final String ID = "read-model";

    private final ReadModelProjection projection;

    ReadModelListener(ReadModelProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(
            id = ID,
            topics = {Topics.PLANNING, Topics.ACTIVITY, Topics.RIGHTS, Topics.REPORTING},
            groupId = "${spring.application.name}.read-model",
            containerFactory = ReadModelListenerConfiguration.FACTORY)
    void on(List<ConsumerRecord<String, String>> records) {
        projection.consume(records).throwIfFailed();
    }
}
