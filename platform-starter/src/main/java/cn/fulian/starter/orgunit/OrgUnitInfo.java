package cn.fulian.starter.orgunit;

import cn.fulian.events.orgunit.UnitType;
import cn.fulian.starter.scope.OrgPath;

/**
 * A unit as known from the registry: code, Chinese name, level, path, whether it has been retired, and its type
 * (null in a copy made before unit types existed; {@link #unitType()} then reads it from the level).
 */
public record OrgUnitInfo(
        String code, String name, String level, String parentCode, String path, boolean retired, String type) {

    public OrgPath orgPath() {
        return OrgPath.of(path);
    }

    /** The unit's type, as the registry said or, for a copy without one, as its level implies. */
    public UnitType unitType() {
        return UnitType.named(type, level, orgPath().depth());
    }

    /** The unit as its federation: 鼓楼区妇联, 县直机关妇委会. */
    public String displayLabel() {
        return unitType().displayLabel(name);
    }
}
