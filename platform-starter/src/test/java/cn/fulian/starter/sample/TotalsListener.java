package cn.fulian.starter.sample;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.starter.consumer.ExactConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class TotalsListener {

    private final ExactConsumer consumer;
    private final TotalsProjection projection;

    TotalsListener(ExactConsumer consumer, EventCodec codec) {
        this.consumer = consumer;
        this.projection = new TotalsProjection(consumer.writer(), codec, "totals");
    }

    @KafkaListener(topics = Topics.ACTIVITY, groupId = "sample-totals")
    void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, projection::apply);
    }
}
