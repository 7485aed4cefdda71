package cn.fulian.events.orgunit;

import cn.fulian.events.DomainEvent;
import cn.fulian.events.Topics;

/**
 * The current state of an org unit; the latest per code is kept on the compacted topic.
 *
 * @param level the unit's level in its tree by depth (CITY for the root, DISTRICT, TOWNSHIP, VILLAGE below), what the
 *     level roles refer to
 * @param type the {@link UnitType} name; absent from events published before unit types existed, which
 *     {@link #unitType()} reads as their level said
 */
public record OrgUnitChanged(
        String code, String name, String level, String parentCode, String path, boolean retired, String type)
        implements DomainEvent {
    public static final String TYPE = "OrgUnitChanged";

    /** A unit known by its level only: its type is the one the level implies. */
    public OrgUnitChanged(String code, String name, String level, String parentCode, String path, boolean retired) {
        this(
                code,
                name,
                level,
                parentCode,
                path,
                retired,
                UnitType.derived(level, depth(path)).name());
    }

    /** The unit's type; for an event without one (or with a type this reader does not know), the level's. */
    public UnitType unitType() {
        return UnitType.named(type, level, depth(path));
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ORG_UNITS;
    }

    private static int depth(String path) {
        return path == null ? 1 : path.split("/").length;
    }
}
