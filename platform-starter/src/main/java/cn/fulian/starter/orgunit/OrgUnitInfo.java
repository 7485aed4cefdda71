package cn.fulian.starter.orgunit;

import cn.fulian.starter.scope.OrgPath;

/** A unit as known from the registry: code, Chinese name, level, path, and whether it has been retired. */
public record OrgUnitInfo(String code, String name, String level, String parentCode, String path, boolean retired) {

    public OrgPath orgPath() {
        return OrgPath.of(path);
    }
}
