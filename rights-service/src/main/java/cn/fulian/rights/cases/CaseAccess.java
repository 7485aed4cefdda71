package cn.fulian.rights.cases;

import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who may see and do what with a case. A case is visible at and above its handling unit, its registering unit and the
 * unit a transfer is waiting for. Personal data is shown unmasked only to rights officers of the handling or the
 * registering unit. Only rights officers of the handling unit act on a case, and only those of the receiving unit
 * decide on a transfer.
 */
public final class CaseAccess {

    private CaseAccess() {}

    public static boolean canSee(OrgScope scope, RightsCase c) {
        return scope.canSee(c.handlingUnit())
                || scope.canSee(c.registeredUnit())
                || c.pendingTransfer() != null
                        && scope.canSee(OrgPath.of(c.pendingTransfer().toUnit()));
    }

    /** The same rule as {@link #canSee}, as a query. */
    static Criteria visibleTo(OrgScope scope) {
        String subtree = scope.subtreeRegex();
        return new Criteria()
                .orOperator(
                        Criteria.where("handlingUnit").regex(subtree),
                        Criteria.where("registeredUnit").regex(subtree),
                        Criteria.where("pendingTransfer.toUnit").regex(subtree));
    }

    public static boolean mayReadPersonalData(OrgScope scope, RightsCase c) {
        return scope.hasRole(Role.RIGHTS_OFFICER)
                && (scope.isOwnUnit(c.handlingUnit()) || scope.isOwnUnit(c.registeredUnit()));
    }

    /**
     * The actions the caller may take now: the handling unit's officer those the case's status allows while no transfer
     * is pending, the receiving unit's officer the decision on a pending transfer.
     */
    public static List<CaseAction> actions(OrgScope scope, RightsCase c) {
        List<CaseAction> actions = new ArrayList<>();
        if (mayReadPersonalData(scope, c)) {
            actions.add(CaseAction.UNMASK);
        }
        if (!scope.hasRole(Role.RIGHTS_OFFICER)) {
            return actions;
        }
        PendingTransfer pending = c.pendingTransfer();
        if (pending != null) {
            if (scope.isOwnUnit(OrgPath.of(pending.toUnit()))) {
                actions.addAll(List.of(CaseAction.TRANSFER_ACCEPT, CaseAction.TRANSFER_REJECT));
            }
            return actions;
        }
        if (scope.isOwnUnit(c.handlingUnit())) {
            actions.addAll(
                    switch (c.status()) {
                        case REGISTERED -> List.of(CaseAction.ACCEPT, CaseAction.TRANSFER);
                        case ACCEPTED -> List.of(CaseAction.STEP, CaseAction.TRANSFER);
                        case IN_PROGRESS -> List.of(CaseAction.STEP, CaseAction.TRANSFER, CaseAction.CLOSE);
                        case CLOSED -> List.of(CaseAction.FOLLOW_UP, CaseAction.REOPEN);
                        case FOLLOWED_UP -> List.of(CaseAction.REOPEN);
                    });
        }
        return actions;
    }

    /** 403 unless the caller may read the case's personal data. */
    public static void requirePersonalDataReader(OrgScope scope, RightsCase c) {
        if (!mayReadPersonalData(scope, c)) {
            throw new ForbiddenException("只有办理单位或登记单位的维权专干可以查看当事人完整信息"
                    + " / only rights officers of the handling or registering unit may see the personal data");
        }
    }

    static void requireHandlingOfficer(OrgScope scope, RightsCase c) {
        requireOfficer(scope);
        if (!scope.isOwnUnit(c.handlingUnit())) {
            throw new ForbiddenException(
                    "该案件由" + c.handlingUnit() + "办理，只有办理单位可以操作 / only the handling unit may act on this case");
        }
    }

    static void requireOfficer(OrgScope scope) {
        scope.requireRole(Role.RIGHTS_OFFICER, "只有维权专干可以办理案件 / only rights officers may handle cases");
    }
}
