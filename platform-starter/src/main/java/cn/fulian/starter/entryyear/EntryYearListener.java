package cn.fulian.starter.entryyear;

import cn.fulian.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the service's copy of the open entry years up to date, in a consumer group of its own. */
public class EntryYearListener {

    private final EntryYears years;

    public EntryYearListener(EntryYears years) {
        this.years = years;
    }

    @KafkaListener(topics = Topics.PLANNING, groupId = "${spring.application.name}.entry-years")
    void on(ConsumerRecord<String, String> record) {
        years.consume(record);
    }
}
