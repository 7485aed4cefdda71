package cn.fulian.reporting.readmodel;

import cn.fulian.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read model from every topic in one consumer group. One container, so within an instance events are
 * applied one at a time; more instances split the partitions between them.
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
            groupId = "${spring.application.name}.read-model")
    void on(ConsumerRecord<String, String> record) {
        projection.consume(record);
    }
}
