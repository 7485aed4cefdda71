package cn.fulian.starter.orgunit;

import cn.fulian.events.Topics;
import cn.fulian.starter.consumer.ExactConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the local registry copy up to date; each service reads the compacted topic in its own consumer group. */
public class OrgUnitListener {

    private final ExactConsumer consumer;
    private final OrgUnitDirectory directory;

    public OrgUnitListener(ExactConsumer consumer, OrgUnitDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.ORG_UNITS, groupId = "${spring.application.name}.org-units")
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, directory::apply);
    }
}
