package cn.fulian.activity.assignment;

import cn.fulian.events.Topics;
import cn.fulian.starter.consumer.ExactConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds planning's events into the local assignment copy, exactly once in effect. */
@Component
class PlanningListener {

    private final ExactConsumer consumer;
    private final AssignmentDirectory directory;

    PlanningListener(ExactConsumer consumer, AssignmentDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.PLANNING, groupId = "${spring.application.name}.planning")
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, directory::apply);
    }
}
