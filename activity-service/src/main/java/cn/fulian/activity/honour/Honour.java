package cn.fulian.activity.honour;

import cn.fulian.events.activity.HonourAwarded;
import cn.fulian.events.activity.HonourReviewed;
import cn.fulian.starter.outbox.AggregateRoot;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.scope.OrgPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An honour title (巾帼文明岗, 巾帼示范村, 妇女之家 …) held by a post, village or family under a federation unit, with its
 * reviews. Each review round gives one outcome; a revoked honour is not reviewed again; a transfer hands it to another
 * unit.
 */
@Document("honours")
public class Honour extends AggregateRoot {

    @Id
    private String id;

    private HonourKind kind;
    private HonourLevel level;
    private String holderName;

    @Indexed
    private String holderUnitPath;

    private LocalDate awardedOn;
    private String awardedBy;
    private String certificateNo;
    private HonourStatus status;
    private List<HonourReview> reviews = new ArrayList<>();
    private String registeredBy;
    private Instant registeredAt;

    Honour() {}

    static Honour award(
            String id,
            HonourKind kind,
            HonourLevel level,
            String holderName,
            OrgPath holderUnit,
            LocalDate awardedOn,
            String awardedBy,
            String certificateNo,
            String by,
            Instant at) {
        Honour h = new Honour();
        h.id = id;
        h.kind = kind;
        h.level = level;
        h.holderName = holderName;
        h.holderUnitPath = holderUnit.value();
        h.awardedOn = awardedOn;
        h.awardedBy = awardedBy;
        h.certificateNo = certificateNo;
        h.status = HonourStatus.ACTIVE;
        h.registeredBy = by;
        h.registeredAt = at;
        h.record(
                new HonourAwarded(id, kind.name(), level.name(), h.holderUnitPath, holderName, awardedOn),
                h.holderUnitPath,
                at);
        return h;
    }

    void review(
            String round,
            ReviewOutcome outcome,
            String reason,
            OrgPath transferTo,
            LocalDate reviewedOn,
            String by,
            Instant at) {
        if (status == HonourStatus.REVOKED) {
            throw new ConflictException("该荣誉已撤销,不再复查 / a revoked honour is not reviewed again");
        }
        if (reviews.stream().anyMatch(r -> r.round().equals(round))) {
            throw new ConflictException("该荣誉在“" + round + "”轮次已复查 / already reviewed in round " + round);
        }
        String before = holderUnitPath;
        String target = transferTo != null ? transferTo.value() : null;
        reviews.add(new HonourReview(round, outcome, reason, before, target, by, at, reviewedOn));
        if (outcome == ReviewOutcome.REVOKED) {
            status = HonourStatus.REVOKED;
        } else if (outcome == ReviewOutcome.TRANSFERRED) {
            holderUnitPath = target;
        }
        record(
                new HonourReviewed(id, kind.name(), before, round, outcome.name(), target, level.name(), reviewedOn),
                before,
                at);
    }

    @Override
    protected String aggregateId() {
        return id;
    }

    public String id() {
        return id;
    }

    public HonourKind kind() {
        return kind;
    }

    public HonourLevel level() {
        return level;
    }

    public String holderName() {
        return holderName;
    }

    public OrgPath holderUnit() {
        return OrgPath.of(holderUnitPath);
    }

    public LocalDate awardedOn() {
        return awardedOn;
    }

    public String awardedBy() {
        return awardedBy;
    }

    public String certificateNo() {
        return certificateNo;
    }

    public HonourStatus status() {
        return status;
    }

    public List<HonourReview> reviews() {
        return Collections.unmodifiableList(reviews);
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
