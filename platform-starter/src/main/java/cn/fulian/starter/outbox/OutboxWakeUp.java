package cn.fulian.starter.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Starts a publish round as soon as an aggregate with new events has been saved. */
public class OutboxWakeUp extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;

    public OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().pendingEvents().isEmpty()) {
            relay.wakeUp();
        }
    }
}
