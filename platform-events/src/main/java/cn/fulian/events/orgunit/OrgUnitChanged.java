package cn.fulian.events.orgunit;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;

/** The current state of an org unit; the latest per code is kept on the compacted topic. */
public record OrgUnitChanged(String code, String name, String level, String parentCode, String path, boolean retired)
        implements DomainEvent {
    public static final String TYPE = "OrgUnitChanged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ORG_UNITS;
    }
}
