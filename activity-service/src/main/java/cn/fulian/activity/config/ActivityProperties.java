package cn.fulian.activity.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the activity service.
 *
 * @param evidenceMaxFileSize larger evidence files are refused with 413
 * @param evidenceMaxFiles how many files one activity may hold
 * @param evidenceTypes accepted evidence kinds (JPG, PNG, PDF, DOCX, XLSX), checked by content, not by name
 * @param ledgerMaxRows a ledger sheet with more data rows is refused
 * @param catalogueSeed the classpath resource the activity catalogue is seeded from while it is empty
 */
@ConfigurationProperties("activity")
public record ActivityProperties(
        DataSize evidenceMaxFileSize,
        int evidenceMaxFiles,
        List<String> evidenceTypes,
        int ledgerMaxRows,
        String catalogueSeed) {

    public ActivityProperties {
        evidenceMaxFileSize = evidenceMaxFileSize != null ? evidenceMaxFileSize : DataSize.ofMegabytes(10);
        evidenceMaxFiles = evidenceMaxFiles > 0 ? evidenceMaxFiles : 20;
        evidenceTypes = evidenceTypes != null && !evidenceTypes.isEmpty()
                ? List.copyOf(evidenceTypes)
                : List.of("JPG", "PNG", "PDF", "DOCX", "XLSX");
        ledgerMaxRows = ledgerMaxRows > 0 ? ledgerMaxRows : 1000;
        catalogueSeed = catalogueSeed != null ? catalogueSeed : "catalogue/activity-catalogue.json";
    }
}
