package cn.fulian.reporting.support;

import cn.fulian.reporting.readmodel.RebuildService;
import cn.fulian.starter.consumer.ExactConsumer;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The two ways an event reaches the read model again: redelivered after a crash, or re-sent by its producer. */
public final class Redelivery {

    private Redelivery() {}

    /**
     * Rewinds the live group to offset 0 with every processed marker gone (a crash before the markers were written):
     * only the offset guards stand between the events and a second count.
     */
    public static void everythingWithoutMarkers(EventBus bus, RebuildService rebuilds, MongoTemplate mongo) {
        rebuilds.liveListener().stop();
        mongo.remove(Query.query(Criteria.where("topic").in(EventBus.readModelTopics())), ExactConsumer.PROCESSED);
        bus.rewindReadModelGroup(EventBus.readModelTopics());
        rebuilds.liveListener().start();
    }

    /** Publishes the records {@code which} keeps again under new offsets, as a producer retry would: same event ids. */
    public static int resend(EventBus bus, Predicate<ConsumerRecord<String, String>> which) {
        List<ConsumerRecord<String, String>> records = bus.readAll(EventBus.readModelTopics(), which);
        for (ConsumerRecord<String, String> r : records) {
            bus.send(r.topic(), r.key(), r.value());
        }
        return records.size();
    }
}
