package cn.fulian.activity.catalogue;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A measurable outcome an activity type may record (期数, 参与人次, 贷款金额 …). Codes are shared by all types so that one
 * ledger column and one read-model counter mean the same thing everywhere.
 *
 * @param notGreaterThan the code of a metric this one may not exceed in the same activity (妇女人次 ≤ 参与人次)
 */
@Document("metric_definitions")
public record MetricDefinition(
        @Id String code,
        String label,
        String unit,
        Quantity quantity,
        boolean integer,
        String notGreaterThan,
        @Version Long version) {

    /** The ledger column heading, e.g. {@code 参与人次(人次)}. */
    public String heading() {
        return label + "(" + unit + ")";
    }
}
