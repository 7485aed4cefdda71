package cn.fulian.rights.cases.web;

import cn.fulian.rights.cases.CaseQueries;
import cn.fulian.rights.cases.DeadlineBoard;
import cn.fulian.rights.cases.web.CaseView.UnitRef;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.scope.OrgScope;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deadline board: how many cases a unit and each unit below it have overdue or due soon. */
@RestController
class DeadlineController {

    record BoardView(UnitRef unit, LocalDate today, int dueSoonDays, long overdue, long dueSoon, List<RowView> rows) {}

    record RowView(UnitRef unit, boolean own, long overdue, long dueSoon) {}

    private final CaseQueries queries;
    private final OrgUnitDirectory directory;

    DeadlineController(CaseQueries queries, OrgUnitDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    @GetMapping("${fulian.api-prefix}/deadlines")
    BoardView board(OrgScope scope, @RequestParam(required = false) String unit) {
        DeadlineBoard b = queries.deadlineBoard(scope, unit);
        return new BoardView(
                ref(b.unit()),
                b.today(),
                b.dueSoonDays(),
                b.overdue(),
                b.dueSoon(),
                b.rows().stream()
                        .map(r -> new RowView(ref(r.unit()), r.own(), r.overdue(), r.dueSoon()))
                        .toList());
    }

    private UnitRef ref(String path) {
        return new UnitRef(path, directory.nameOf(OrgPath.of(path)));
    }
}
