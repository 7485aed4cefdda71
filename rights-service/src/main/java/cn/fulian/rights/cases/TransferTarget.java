package cn.fulian.rights.cases;

import cn.fulian.starter.scope.OrgPath;

/** A unit a case may be transferred to: a direct child (交办) or the parent (上报) of the handling unit. */
public record TransferTarget(OrgPath unit, String name, TransferDirection direction) {}
