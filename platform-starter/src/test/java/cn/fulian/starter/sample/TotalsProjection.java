package cn.fulian.starter.sample;

import cn.fulian.events.EventCodec;
import cn.fulian.events.activity.ActivityAmended;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ReadModelWriter;
import cn.fulian.starter.scope.OrgPath;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Participants per unit and every ancestor, the shape of the real roll-up. {@link #crashAfter} simulates a process
 * dying half-way through one event's updates.
 */
class TotalsProjection {

    static class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    private final ReadModelWriter writer;
    private final EventCodec codec;
    private final String collection;
    private int crashAfter = -1;

    TotalsProjection(ReadModelWriter writer, EventCodec codec, String collection) {
        this.writer = writer;
        this.codec = codec;
        this.collection = collection;
    }

    void crashAfter(int updates) {
        this.crashAfter = updates;
    }

    void apply(ConsumedEvent event) {
        Map<String, BigDecimal> delta = switch (event.envelope().type()) {
            case ActivityRecorded.TYPE ->
                codec.payload(event.envelope(), ActivityRecorded.class).metrics();
            case ActivityAmended.TYPE ->
                codec.payload(event.envelope(), ActivityAmended.class).delta();
            default -> Map.of();
        };
        BigDecimal participants = delta.getOrDefault("participants", BigDecimal.ZERO);
        for (OrgPath path : OrgPath.of(event.envelope().orgPath()).selfAndAncestors()) {
            if (crashAfter == 0) {
                crashAfter = -1;
                throw new Crash();
            }
            writer.apply(
                    collection,
                    path.value(),
                    new Update().inc("participants", participants.longValue()).inc("events", 1),
                    event);
            if (crashAfter > 0) {
                crashAfter--;
            }
        }
    }
}
