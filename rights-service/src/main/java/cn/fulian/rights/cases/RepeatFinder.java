package cn.fulian.rights.cases;

import cn.fulian.rights.codes.CaseStatus;
import cn.fulian.rights.config.RightsProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds earlier cases of the same complainant (重复信访): same phone or ID number, still open or closed within the
 * repeat window. Compares keyed hashes, so nothing is decrypted, and looks across all units because a complainant who
 * goes to several desks is exactly what it should notice.
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

    List<String> earlierCases(String phoneHash, String idNumberHash, Instant now) {
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
        Instant cutoff = now.minus(Duration.ofDays(properties.repeatWindowDays()));
        Criteria openOrRecent = new Criteria()
                .orOperator(
                        Criteria.where("status").in(CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS),
                        Criteria.where("closedAt").gte(cutoff));
        Query query = Query.query(new Criteria().andOperator(new Criteria().orOperator(same), openOrRecent))
                .with(Sort.by(Sort.Direction.DESC, "registeredAt"))
                .limit(MAX_LINKS);
        query.fields().include("_id");
        return mongo.find(query, RightsCase.class).stream().map(RightsCase::id).toList();
    }
}
