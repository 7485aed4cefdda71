package cn.fulian.events.activity;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;
import java.time.LocalDate;

/** An honour (巾帼文明岗, 巾帼示范村, 妇女之家 …) was registered for a holder. */
public record HonourAwarded(
        String honourId, String kind, String level, String holderUnitPath, String holderName, LocalDate awardedOn)
        implements DomainEvent {
    public static final String TYPE = "HonourAwarded";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ACTIVITY;
    }
}
