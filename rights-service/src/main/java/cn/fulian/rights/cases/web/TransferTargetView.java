package cn.fulian.rights.cases.web;

import cn.fulian.rights.cases.TransferTarget;
import cn.fulian.rights.cases.web.CaseView.Code;
import cn.fulian.rights.cases.web.CaseView.UnitRef;

/** A unit the case may go to, and whether that is 交办 (down) or 上报 (up). */
record TransferTargetView(UnitRef unit, Code direction) {

    static TransferTargetView of(TransferTarget t) {
        return new TransferTargetView(
                new UnitRef(t.unit().value(), t.name()),
                new Code(t.direction().name(), t.direction().label()));
    }
}
