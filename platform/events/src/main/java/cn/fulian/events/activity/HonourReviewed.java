package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;

/** An honour was reviewed (复查): RETAINED, REVOKED or TRANSFERRED. */
public record HonourReviewed(
        String honourId, String kind, String holderUnitPath, String round, String outcome, String transferredToPath)
        implements DomainEvent {
    public static final String TYPE = "HonourReviewed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
