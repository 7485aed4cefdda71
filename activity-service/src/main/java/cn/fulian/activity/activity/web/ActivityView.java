package cn.fulian.activity.activity.web;

import cn.fulian.activity.activity.Activity;
import cn.fulian.activity.activity.Amendment;
import cn.fulian.activity.activity.EvidenceFile;
import cn.fulian.activity.activity.Link;
import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.starter.version.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An activity as the console shows it, with metric labels and unit name filled in. */
public record ActivityView(
        String id,
        String unitPath,
        String unitName,
        String type,
        String typeName,
        int year,
        String title,
        LocalDate startDate,
        LocalDate endDate,
        String place,
        String organiser,
        String description,
        Map<String, BigDecimal> metrics,
        List<MetricValue> measured,
        List<Link> links,
        String status,
        String statusLabel,
        String voidReason,
        List<EvidenceView> evidence,
        List<Amendment> amendments,
        String recordedBy,
        Instant recordedAt,
        Instant updatedAt,
        String importBatchId,
        Long version)
        implements Versioned {

    public record MetricValue(String code, String label, String unit, BigDecimal value) {}

    public record EvidenceView(
            String fileId,
            String fileName,
            String kind,
            String contentType,
            long size,
            String uploadedBy,
            Instant uploadedAt) {
        public static EvidenceView of(EvidenceFile f) {
            return new EvidenceView(
                    f.fileId(), f.fileName(), f.kind(), f.contentType(), f.size(), f.uploadedBy(), f.uploadedAt());
        }
    }

    public static ActivityView of(Activity a, String unitName, Map<String, MetricDefinition> defs) {
        return new ActivityView(
                a.id(),
                a.unit().value(),
                unitName,
                a.type(),
                a.typeName(),
                a.year(),
                a.title(),
                a.startDate(),
                a.endDate(),
                a.place(),
                a.organiser(),
                a.description(),
                a.metrics(),
                a.metrics().entrySet().stream()
                        .map(e -> {
                            MetricDefinition d = defs.get(e.getKey());
                            return new MetricValue(
                                    e.getKey(),
                                    d != null ? d.label() : e.getKey(),
                                    d != null ? d.unit() : "",
                                    e.getValue());
                        })
                        .toList(),
                a.links(),
                a.status().name(),
                a.status().label(),
                a.voidReason(),
                a.evidence().stream().map(EvidenceView::of).toList(),
                a.amendments(),
                a.recordedBy(),
                a.recordedAt(),
                a.updatedAt(),
                a.importBatchId(),
                a.version());
    }
}
