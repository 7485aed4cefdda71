package cn.fulian.activity.honour.web;

import cn.fulian.activity.honour.Honour;
import cn.fulian.activity.honour.HonourReview;
import cn.fulian.starter.version.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** An honour with Chinese labels and its review history. */
record HonourView(
        String id,
        String kind,
        String kindLabel,
        String level,
        String levelLabel,
        String holderName,
        String holderUnitPath,
        String holderUnitName,
        LocalDate awardedOn,
        String awardedBy,
        String certificateNo,
        String status,
        String statusLabel,
        List<ReviewView> reviews,
        String registeredBy,
        Instant registeredAt,
        Long version)
        implements Versioned {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    record ReviewView(
            String round,
            String outcome,
            String outcomeLabel,
            String reason,
            String holderUnitPath,
            String transferredToPath,
            String reviewedBy,
            Instant reviewedAt,
            LocalDate reviewedOn) {
        static ReviewView of(HonourReview r) {
            return new ReviewView(
                    r.round(),
                    r.outcome().name(),
                    r.outcome().label(),
                    r.reason(),
                    r.holderUnitPath(),
                    r.transferredToPath(),
                    r.reviewedBy(),
                    r.reviewedAt(),
                    // reviews recorded before the day was kept took place the day they were recorded
                    r.reviewedOn() != null
                            ? r.reviewedOn()
                            : r.reviewedAt().atZone(CHINA).toLocalDate());
        }
    }

    static HonourView of(Honour h, String unitName) {
        return new HonourView(
                h.id(),
                h.kind().name(),
                h.kind().label(),
                h.level().name(),
                h.level().label(),
                h.holderName(),
                h.holderUnit().value(),
                unitName,
                h.awardedOn(),
                h.awardedBy(),
                h.certificateNo(),
                h.status().name(),
                h.status().label(),
                h.reviews().stream().map(ReviewView::of).toList(),
                h.registeredBy(),
                h.registeredAt(),
                h.version());
    }
}
