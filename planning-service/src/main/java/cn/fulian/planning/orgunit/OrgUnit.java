package cn.fulian.planning.orgunit;

import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A unit of the federation tree. Retired units keep their code, path and history; they only take no new work. */
@Document("org_units")
public class OrgUnit extends AggregateRoot {

    @Id
    private String code;

    private String name;
    private Level level;
    private String parentCode;

    @Indexed
    private String path;

    private boolean retired;

    OrgUnit() {}

    static OrgUnit register(OrgPath path, String name, Level level, Instant at) {
        OrgUnit unit = new OrgUnit();
        unit.code = path.code();
        unit.path = path.value();
        unit.parentCode = path.isRoot() ? null : path.parent().code();
        unit.name = name;
        unit.level = level;
        unit.changed(at);
        return unit;
    }

    void rename(String newName, Instant at) {
        this.name = newName;
        changed(at);
    }

    void retire(Instant at) {
        this.retired = true;
        changed(at);
    }

    private void changed(Instant at) {
        record(new OrgUnitChanged(code, name, level.name(), parentCode, path, retired), path, at);
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

    public Level level() {
        return level;
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
