package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;

/**
 * An honour was reviewed (复查) in a round: RETAINED, REVOKED or TRANSFERRED (to {@code transferredToPath}).
 * {@code holderUnitPath} is the unit that held it when reviewed; {@code level} is NATIONAL, PROVINCE, CITY or COUNTY.
 */
public record HonourReviewed(
        String honourId,
        String kind,
        String holderUnitPath,
        String round,
        String outcome,
        String transferredToPath,
        String level)
        implements DomainEvent {
    public static final String TYPE = "HonourReviewed";

    /** A review without the honour's level (the first contract shape). */
    public HonourReviewed(
            String honourId,
            String kind,
            String holderUnitPath,
            String round,
            String outcome,
            String transferredToPath) {
        this(honourId, kind, holderUnitPath, round, outcome, transferredToPath, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
