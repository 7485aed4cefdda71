package cn.fulian.planning.entryyear.web;

import cn.fulian.planning.entryyear.EntryYear;
import cn.fulian.planning.entryyear.EntryYearService;
import cn.fulian.starter.scope.OrgScope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Past years open for entry (往年补录): listed for everyone, opened and closed by the city federation's staff. */
@RestController
@RequestMapping("/api/planning/entry-years")
class EntryYearController {

    record OpenRequest(@NotBlank @Size(max = 200) String reason) {}

    record EntryYearView(int year, boolean open, String reason, String changedBy, Instant changedAt) {
        static EntryYearView of(EntryYear y) {
            return new EntryYearView(y.year(), y.open(), y.reason(), y.changedBy(), y.changedAt());
        }
    }

    record OverviewView(int alwaysOpenFrom, List<EntryYearView> opened) {}

    private final EntryYearService years;

    EntryYearController(EntryYearService years) {
        this.years = years;
    }

    @GetMapping
    @Operation(summary = "开放补录的年度 / years open for entry")
    OverviewView list() {
        EntryYearService.Overview o = years.overview();
        return new OverviewView(
                o.alwaysOpenFrom(), o.opened().stream().map(EntryYearView::of).toList());
    }

    @PostMapping("/{year}/open")
    @Operation(summary = "开放往年补录 / open a past year for entry")
    EntryYearView open(OrgScope scope, @PathVariable int year, @Valid @RequestBody OpenRequest request) {
        return EntryYearView.of(years.open(scope, year, request.reason()));
    }

    @PostMapping("/{year}/close")
    @Operation(summary = "关闭往年补录 / close a past year again")
    EntryYearView close(OrgScope scope, @PathVariable int year) {
        return EntryYearView.of(years.close(scope, year));
    }
}
