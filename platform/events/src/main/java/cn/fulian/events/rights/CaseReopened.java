package cn.fulian.events.rights;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.Instant;

/** A closed case was reopened. */
public record CaseReopened(String caseId, String unitPath, String category, Instant reopenedAt) implements DomainEvent {
    public static final String TYPE = "CaseReopened";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.RIGHTS;
    }
}
