package cn.fulian.planning.orgunit;

import cn.fulian.starter.problem.RowProblem;
import java.util.List;

/**
 * What a tree file does: how many rows it has, how many units it adds and how many it only restates, and the units it
 * adds (parents first, with the codes the platform gives). A file with errors never gets this far: it is refused
 * whole, listing each bad row, so {@code errors} is empty here.
 *
 * @param applied false for a dry run, true once the units are registered
 */
public record ImportReport(
        boolean applied, int rows, int toAdd, int unchanged, List<RowProblem> errors, List<AddedUnit> units) {

    /** A unit the file adds; {@code codeGiven} when the platform gave its code. */
    public record AddedUnit(
            int row, String code, String name, String type, String typeLabel, String path, boolean codeGiven) {}

    static ImportReport of(TreeCheck.TreePlan plan, boolean applied) {
        return new ImportReport(
                applied,
                plan.rows(),
                plan.toAdd().size(),
                plan.unchanged(),
                plan.errors(),
                plan.toAdd().stream()
                        .map(u -> new AddedUnit(
                                u.row(),
                                u.code(),
                                u.name(),
                                u.type().name(),
                                u.type().label(),
                                u.path().value(),
                                u.codeGiven()))
                        .toList());
    }
}
