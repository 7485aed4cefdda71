package cn.fulian.reporting.period;

import cn.fulian.starter.problem.InvalidFieldException;
import cn.fulian.starter.scope.OrgScope;
import cn.fulian.starter.scope.Role;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The reporting schedule of each plan year (月报/季报/半年报/年报 and the grace days). */
@Service
public class ScheduleService {

    private final ReportScheduleRepository schedules;
    private final Clock clock;

    ScheduleService(ReportScheduleRepository schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    public ReportSchedule of(int year) {
        return schedules.findById(year).orElseGet(() -> ReportSchedule.defaultFor(year));
    }

    /** City staff set the schedule for the whole city's plan year. */
    public ReportSchedule set(OrgScope scope, int year, Frequency frequency, int graceDays) {
        scope.requireRole(Role.CITY, "只有市妇联工作人员可以设置填报周期 / only city staff set the reporting schedule");
        if (graceDays < 0 || graceDays > 60) {
            throw new InvalidFieldException("graceDays", "宽限天数应在0到60之间", "grace days must be 0 to 60");
        }
        return schedules.save(new ReportSchedule(year, frequency, graceDays, scope.username(), clock.instant()));
    }
}
