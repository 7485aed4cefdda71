package cn.fulian.reporting.period;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How often units report progress in a plan year and how many days after a period's end a report is still on time.
 * A year without a saved schedule reports quarterly, due 5 days after the quarter ends.
 */
@Document("report_schedules")
public record ReportSchedule(@Id int year, Frequency frequency, int graceDays, String setBy, Instant setAt) {

    public static final Frequency DEFAULT_FREQUENCY = Frequency.QUARTERLY;
    public static final int DEFAULT_GRACE_DAYS = 5;

    public static ReportSchedule defaultFor(int year) {
        return new ReportSchedule(year, DEFAULT_FREQUENCY, DEFAULT_GRACE_DAYS, null, null);
    }

    public java.util.List<ReportPeriod> periods() {
        return ReportPeriod.of(year, frequency);
    }

    public java.time.LocalDate dueDate(ReportPeriod period) {
        return period.dueDate(graceDays);
    }

    /** Whether reports of this year are made for the period (its frequency matches the schedule's). */
    public boolean includes(ReportPeriod period) {
        return period.year() == year && period.frequency() == frequency;
    }
}
