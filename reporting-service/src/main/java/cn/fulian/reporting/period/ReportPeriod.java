package cn.fulian.reporting.period;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One reporting period of a year: {@code 2026-M03} (March), {@code 2026-Q1}, {@code 2026-H2}, {@code 2026-Y}. The id
 * sorts and parses without any lookup, so events carry it as a plain string.
 */
public record ReportPeriod(int year, Frequency frequency, int index) implements Comparable<ReportPeriod> {

    private static final Pattern ID = Pattern.compile("(\\d{4})-(?:(M)(\\d{2})|(Q)([1-4])|(H)([12])|(Y))");
    private static final String[] NUMERALS = {"一", "二", "三", "四"};

    public ReportPeriod {
        if (index < 1 || index > frequency.perYear()) {
            throw new IllegalArgumentException("no period " + index + " in a " + frequency + " year");
        }
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches() && parseOrNull(id) != null;
    }

    public static ReportPeriod parse(String id) {
        ReportPeriod p = parseOrNull(id);
        if (p == null) {
            throw new IllegalArgumentException("not a reporting period: " + id);
        }
        return p;
    }

    /** The period of this id; null if it names none. */
    public static ReportPeriod parseOrNull(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) != null) {
                return new ReportPeriod(year, Frequency.MONTHLY, Integer.parseInt(m.group(3)));
            }
            if (m.group(4) != null) {
                return new ReportPeriod(year, Frequency.QUARTERLY, Integer.parseInt(m.group(5)));
            }
            if (m.group(6) != null) {
                return new ReportPeriod(year, Frequency.HALF_YEAR, Integer.parseInt(m.group(7)));
            }
            return new ReportPeriod(year, Frequency.ANNUAL, 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static List<ReportPeriod> of(int year, Frequency frequency) {
        return IntStream.rangeClosed(1, frequency.perYear())
                .mapToObj(i -> new ReportPeriod(year, frequency, i))
                .toList();
    }

    public String id() {
        return switch (frequency) {
            case MONTHLY -> "%d-M%02d".formatted(year, index);
            case QUARTERLY -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case ANNUAL -> year + "-Y";
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * frequency.months() + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(frequency.months()).minusDays(1);
    }

    /** The last day a report counts as on time: the period's end plus the grace days. */
    public LocalDate dueDate(int graceDays) {
        return end().plusDays(graceDays);
    }

    /** 2026年3月 · 2026年第一季度 · 2026年上半年 · 2026年度. */
    public String label() {
        return switch (frequency) {
            case MONTHLY -> year + "年" + index + "月";
            case QUARTERLY -> year + "年第" + NUMERALS[index - 1] + "季度";
            case HALF_YEAR -> year + (index == 1 ? "年上半年" : "年下半年");
            case ANNUAL -> year + "年度";
        };
    }

    @Override
    public int compareTo(ReportPeriod o) {
        int byEnd = end().compareTo(o.end());
        return byEnd != 0 ? byEnd : Integer.compare(frequency.perYear(), o.frequency.perYear());
    }

    @Override
    public String toString() {
        return id();
    }
}
