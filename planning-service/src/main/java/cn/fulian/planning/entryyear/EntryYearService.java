package cn.fulian.planning.entryyear;

import cn.fulian.starter.entryyear.EntryYears;
import cn.fulian.starter.problem.ForbiddenException;
import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/** Opening and closing past years for entry: the root unit's staff only, since it affects every unit's ledgers. */
@Service
public class EntryYearService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final EntryYearRepository years;
    private final Clock clock;

    EntryYearService(EntryYearRepository years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    /** The years from which every later year is open without asking, and the past years opened. */
    public record Overview(int alwaysOpenFrom, List<EntryYear> opened) {}

    public Overview overview() {
        return new Overview(today().getYear() - 1, years.findByOpenTrueOrderByYearDesc());
    }

    public EntryYear open(OrgScope scope, int year, String reason) {
        requireRootStaff(scope);
        if (year < 2000) {
            throw new InvalidFieldException("year", "年度须在2000年以后", "the year must be 2000 or later");
        }
        if (EntryYears.alwaysOpen(year, today())) {
            throw new InvalidFieldException(
                    "year",
                    year + "年度本就开放录入,无需开放",
                    year + " is open for entry already (this year and the last always are)");
        }
        EntryYear y = years.findById(year)
                .orElseGet(() -> EntryYear.of(year, scope.unit().value()));
        y.open(scope.username(), reason.trim(), clock.instant());
        return years.save(y);
    }

    public EntryYear close(OrgScope scope, int year) {
        requireRootStaff(scope);
        EntryYear y = years.findById(year)
                .orElseThrow(() -> new cn.fulian.starter.problem.ConflictException(
                        year + "年度未开放补录,无需关闭 / " + year + " is not open"));
        y.close(scope.username(), clock.instant());
        return years.save(y);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    private static void requireRootStaff(OrgScope scope) {
        if (!scope.hasRole(Role.CITY) || !scope.unit().isRoot()) {
            throw new ForbiddenException("只有市妇联工作人员可以开放或关闭往年补录 / only the city federation's staff open past years");
        }
    }
}
