package cn.fulian.activity.ledger;

import cn.fulian.activity.activity.ActivityDraft;
import cn.fulian.starter.problem.FieldProblem;
import java.util.List;

/** One data row of a ledger sheet as read: the draft it describes and the cells that could not be read. */
record LedgerRow(int row, ActivityDraft draft, List<FieldProblem> unreadable) {}
