package cn.fulian.rights.cases;

import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.config.RightsProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds earlier cases of the same complainant (重复信访): same phone or ID number, received no later than the new case
 * and still open or concluded within the repeat window before the new case came in. Compares keyed hashes, so nothing
 * is decrypted, and looks across all units because a complainant who goes to several desks is exactly what it should
 * notice. The window is counted in days received and concluded, not in when they were typed in, so an earlier year's
 * ledger moved in at once links only the petitions that followed each other closely then.
 */
@Component
class RepeatFinder {

    private static final int MAX_LINKS = 10;

    private final MongoTemplate mongo;
    private final RightsProperties properties;

    RepeatFinder(MongoTemplate mongo, RightsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    List<String> earlierCases(String phoneHash, String idNumberHash, LocalDate receivedOn, Instant now) {
        List<Criteria> same = new ArrayList<>();
        if (phoneHash != null) {
            same.add(Criteria.where("phoneHash").is(phoneHash));
        }
        if (idNumberHash != null) {
            same.add(Criteria.where("idNumberHash").is(idNumberHash));
        }
        if (same.isEmpty()) {
            return List.of();
        }
        String received = receivedOn.toString();
        String cutoffDay = receivedOn.minusDays(properties.repeatWindowDays()).toString();
        Instant cutoff = now.minus(Duration.ofDays(properties.repeatWindowDays()));
        Criteria openOrRecent = new Criteria()
                .orOperator(
                        Criteria.where("status").in(CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS),
                        Criteria.where("closedOn").gte(cutoffDay),
                        // closed before the day concluded was kept
                        new Criteria()
                                .andOperator(
                                        Criteria.where("closedOn").exists(false),
                                        Criteria.where("closedAt").gte(cutoff)));
        Criteria notLater = new Criteria()
                .orOperator(
                        Criteria.where("receivedOn").lte(received),
                        Criteria.where("receivedOn").exists(false));
        Query query = Query.query(new Criteria().andOperator(new Criteria().orOperator(same), openOrRecent, notLater))
                .with(Sort.by(Sort.Direction.DESC, "registeredAt"))
                .limit(MAX_LINKS);
        query.fields().include("_id");
        return mongo.find(query, RightsCase.class).stream().map(RightsCase::id).toList();
    }
}
