package cn.fulian.rights.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Marks cases whose deadline has passed and reports each breach once ({@code CaseOverdue}). Only cases whose earliest
 * unreported deadline lies before today are loaded. Safe to run on several instances at once: the case's version lets
 * only one of them save a given breach.
 */
@Component
public class OverdueDetector {

    private static final Logger log = LoggerFactory.getLogger(OverdueDetector.class);

    private final CaseRepository repository;
    private final MongoTemplate mongo;
    private final Clock clock;

    OverdueDetector(CaseRepository repository, MongoTemplate mongo, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return how many new breaches were recorded */
    public int detectOverdue() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("nextCheckDate").lt(today.toString()));
        query.fields().include("_id");
        List<String> ids =
                mongo.find(query, RightsCase.class).stream().map(RightsCase::id).toList();
        int found = 0;
        for (String id : ids) {
            try {
                found += repository
                        .findById(id)
                        .map(c -> {
                            int n = c.detectOverdue(today, now);
                            if (n > 0) {
                                repository.save(c);
                            }
                            return n;
                        })
                        .orElse(0);
            } catch (OptimisticLockingFailureException e) {
                // someone changed the case meanwhile; the next run looks at it again
                log.info("case {} changed during overdue check; will check again", id);
            }
        }
        if (found > 0) {
            log.info("{} deadline breaches found among {} cases", found, ids.size());
        }
        return found;
    }
}
