package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** A closed case was followed up (回访) with a satisfaction score of 1 to 5. */
public record CaseFollowedUp(
        String caseId, String unitPath, Instant followedUpAt, int satisfaction, String category, String channel)
        implements DomainEvent {
    public static final String TYPE = "CaseFollowedUp";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
