package cn.fulian.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One submission of a report with how it was reviewed; a returned report's submissions stay as its history.
 *
 * @param liveFigure the figure the system showed when the form was submitted
 * @param correctionExplanation why the unit reported another value than the live figure
 */
public record Submission(
        BigDecimal value,
        BigDecimal liveFigure,
        String correctionExplanation,
        String narrative,
        List<String> evidenceLinks,
        String submittedBy,
        Instant submittedAt,
        ReportStatus outcome,
        String reviewedBy,
        Instant reviewedAt,
        String returnReason) {

    Submission reviewed(ReportStatus outcome, String by, Instant at, String reason) {
        return new Submission(
                value,
                liveFigure,
                correctionExplanation,
                narrative,
                evidenceLinks,
                submittedBy,
                submittedAt,
                outcome,
                by,
                at,
                reason);
    }
}
