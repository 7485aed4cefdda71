package cn.fulian.planning.orgunit;

import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.events.orgunit.UnitType;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of the federation tree. Retired units keep their code, path and history; they only take no new work. Every
 * change records the {@code OrgUnitChanged} event and the history entry it causes in the same write.
 */
@Document("org_units")
public class OrgUnit extends AggregateRoot {

    @Id
    private String code;

    private String name;
    private UnitType type;
    private String parentCode;

    @Indexed
    private String path;

    private boolean retired;

    private List<UnitChange> pendingChanges = new ArrayList<>();

    @Indexed
    private boolean historyPending;

    /**
     * While the units below a moved unit still carry the old path: that path and who moved it (they follow right
     * after the move, or after a restart if the process stopped in between).
     */
    private String movedFrom;

    private String movedBy;

    OrgUnit() {}

    static OrgUnit register(OrgPath path, String name, UnitType type, String by, Instant at) {
        OrgUnit unit = new OrgUnit();
        unit.code = path.code();
        unit.path = path.value();
        unit.parentCode = path.isRoot() ? null : path.parent().code();
        unit.name = name;
        unit.type = type;
        unit.changed(ChangeKind.ADDED, null, by, at);
        return unit;
    }

    void rename(String newName, String by, Instant at) {
        UnitState before = state();
        this.name = newName;
        changed(ChangeKind.RENAMED, before, by, at);
    }

    void retire(String by, Instant at) {
        if (retired) {
            throw new ConflictException("单位已撤销 / already retired");
        }
        UnitState before = state();
        this.retired = true;
        changed(ChangeKind.RETIRED, before, by, at);
    }

    /** Puts the unit under another parent; the units below it follow with {@link #followAncestor}. */
    void moveUnder(OrgPath newParent, String by, Instant at) {
        UnitState before = state();
        OrgPath from = path();
        this.path = newParent.child(code).value();
        this.parentCode = newParent.code();
        this.movedFrom = from.value();
        this.movedBy = by;
        changed(ChangeKind.MOVED, before, by, at);
    }

    /** A unit below a moved one: its path starts with the moved unit's new path instead of the old. */
    void followAncestor(OrgPath from, OrgPath to, String by, Instant at) {
        if (!path().isAtOrBelow(from) || path().equals(from)) {
            return;
        }
        UnitState before = state();
        this.path = to.value() + path.substring(from.value().length());
        changed(ChangeKind.PATH_CHANGED, before, by, at);
    }

    private void changed(ChangeKind kind, UnitState before, String by, Instant at) {
        OrgPath p = path();
        record(
                new OrgUnitChanged(
                        code, name, Level.ofDepth(p.depth()).name(), parentCode, path, retired, type().name()),
                path,
                at);
        pendingChanges.add(new UnitChange(UUID.randomUUID().toString(), at, by, kind, before, state()));
        historyPending = true;
    }

    UnitState state() {
        return new UnitState(name, parentCode, path, retired);
    }

    List<UnitChange> pendingChanges() {
        return Collections.unmodifiableList(pendingChanges);
    }

    String movedFrom() {
        return movedFrom;
    }

    String movedBy() {
        return movedBy;
    }

    @Override
    protected String aggregateId() {
        return code;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The unit's type; a unit registered before types existed has the type its depth implied. */
    public UnitType type() {
        return type != null ? type : UnitType.derived(null, path().depth());
    }

    /** The unit as its federation: 鼓楼区妇联, 县直机关妇委会. */
    public String label() {
        return type().displayLabel(name);
    }

    /** The level the tree gives the unit (CITY at the root, then DISTRICT, TOWNSHIP, VILLAGE), as level roles see it. */
    public Level level() {
        return Level.ofDepth(path().depth());
    }

    public String parentCode() {
        return parentCode;
    }

    public OrgPath path() {
        return OrgPath.of(path);
    }

    public boolean retired() {
        return retired;
    }
}
