package cn.fulian.planning.orgunit;

import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.problem.NotFoundException;
import cn.fulian.starter.scope.Level;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Reads the tree within the caller's scope; admins add, rename and retire units. */
@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final Clock clock;

    OrgUnitService(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    public Page<OrgUnit> subtree(OrgScope scope, Pageable page) {
        return units.findByPathRegex(scope.subtreeRegex(), page);
    }

    public OrgUnit get(OrgScope scope, String code) {
        OrgUnit unit = units.findById(code).orElseThrow(() -> new NotFoundException("单位 " + code));
        scope.requireVisible(unit.path(), "单位 " + code);
        return unit;
    }

    public List<OrgUnit> children(OrgScope scope, String code) {
        OrgUnit parent = get(scope, code);
        return units.findByParentCodeOrderByCode(parent.code());
    }

    /** Active direct children of a unit, the only units it may allocate to. */
    public Optional<OrgUnit> activeChild(OrgPath parent, String childCode) {
        return units.findById(childCode)
                .filter(u -> !u.retired())
                .filter(u -> u.path().isDirectChildOf(parent));
    }

    /** The unit with this code if the caller may see it. */
    public Optional<OrgUnit> findVisible(OrgScope scope, String code) {
        return units.findById(code).filter(u -> scope.canSee(u.path()));
    }

    public Optional<OrgUnit> find(OrgPath path) {
        return units.findById(path.code()).filter(u -> u.path().equals(path));
    }

    public OrgUnit add(OrgScope scope, String parentCode, String code, String name) {
        scope.requireRole(Role.ADMIN, "仅管理员可维护组织机构 / only admins maintain org units");
        OrgUnit parent = get(scope, parentCode);
        if (parent.retired()) {
            throw new ConflictException("上级单位已撤销 / the parent unit is retired");
        }
        if (!code.startsWith(parentCode.substring(0, Math.min(4, parentCode.length())))) {
            throw new InvalidFieldException(
                    "code", "单位代码须属于上级单位的行政区划", "the code must lie within the parent's division");
        }
        if (units.existsById(code)) {
            throw new ConflictException("单位代码已存在 / unit code " + code + " already exists");
        }
        OrgPath path = parent.path().child(code);
        if (path.depth() > 4) {
            throw new InvalidFieldException("parentCode", "村/社区以下不能再设单位", "no units below villages");
        }
        return units.save(OrgUnit.register(path, name, Level.ofDepth(path.depth()), clock.instant()));
    }

    public OrgUnit rename(OrgScope scope, String code, String name) {
        scope.requireRole(Role.ADMIN, "仅管理员可维护组织机构 / only admins maintain org units");
        OrgUnit unit = get(scope, code);
        unit.rename(name, clock.instant());
        return units.save(unit);
    }

    public OrgUnit retire(OrgScope scope, String code) {
        scope.requireRole(Role.ADMIN, "仅管理员可维护组织机构 / only admins maintain org units");
        OrgUnit unit = get(scope, code);
        if (unit.path().isRoot()) {
            throw new ConflictException("不能撤销市妇联 / the city cannot be retired");
        }
        if (unit.retired()) {
            throw new ConflictException("单位已撤销 / already retired");
        }
        unit.retire(clock.instant());
        return units.save(unit);
    }

    public void seed(List<OrgUnit> seedUnits) {
        units.saveAll(seedUnits);
    }

    public long count() {
        return units.count();
    }

    static OrgUnit seedUnit(OrgPath path, String name, Clock clock) {
        return OrgUnit.register(path, name, Level.ofDepth(path.depth()), clock.instant());
    }
}
