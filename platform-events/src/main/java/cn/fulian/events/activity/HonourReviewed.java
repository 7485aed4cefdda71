package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.LocalDate;

/**
 * An honour was reviewed (复查) in a round: RETAINED, REVOKED or TRANSFERRED (to {@code transferredToPath}).
 * {@code holderUnitPath} is the unit that held it when reviewed; {@code level} is NATIONAL, PROVINCE, CITY or COUNTY.
 * {@code reviewedOn} is the day of the review, which may lie years back when an earlier year's ledger is moved in;
 * null in events written before it existed.
 */
public record HonourReviewed(
        String honourId,
        String kind,
        String holderUnitPath,
        String round,
        String outcome,
        String transferredToPath,
        String level,
        LocalDate reviewedOn)
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
        this(honourId, kind, holderUnitPath, round, outcome, transferredToPath, null, null);
    }

    /** A review without its day (the second contract shape). */
    public HonourReviewed(
            String honourId,
            String kind,
            String holderUnitPath,
            String round,
            String outcome,
            String transferredToPath,
            String level) {
        this(honourId, kind, holderUnitPath, round, outcome, transferredToPath, level, null);
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
