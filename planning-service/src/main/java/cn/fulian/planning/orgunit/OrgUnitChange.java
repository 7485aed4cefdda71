package cn.fulian.planning.orgunit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One change of one unit, kept for good: who did what and when, with the unit's state before and after. */
@Document("org_unit_history")
@CompoundIndex(name = "code_at", def = "{'code': 1, 'at': -1}")
public class OrgUnitChange {

    @Id
    private String id;

    private String code;
    private Instant at;
    private String by;
    private ChangeKind kind;
    private UnitState before;
    private UnitState after;

    OrgUnitChange() {}

    static OrgUnitChange of(String code, UnitChange change) {
        OrgUnitChange c = new OrgUnitChange();
        c.id = change.changeId();
        c.code = code;
        c.at = change.at();
        c.by = change.by();
        c.kind = change.kind();
        c.before = change.before();
        c.after = change.after();
        return c;
    }

    public String code() {
        return code;
    }

    public Instant at() {
        return at;
    }

    public String by() {
        return by;
    }

    public ChangeKind kind() {
        return kind;
    }

    /** Null for a unit's registration. */
    public UnitState before() {
        return before;
    }

    public UnitState after() {
        return after;
    }
}
