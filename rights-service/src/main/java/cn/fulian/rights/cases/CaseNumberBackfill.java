package cn.fulian.rights.cases;

import cn.fulian.starter.orgunit.OrgUnitDirectory;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Numbers the cases registered before cases had numbers, oldest first, the same way as at intake. It waits for the
 * copy of the unit registry, which gives the units' short names. Safe on several instances at once: the case's version
 * lets only one of them save a number (the other's drawn number is left unused).
 */
@Component
public class CaseNumberBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseNumberBackfill.class);

    private final CaseRepository repository;
    private final CaseNumbers numbers;
    private final MongoTemplate mongo;
    private final Clock clock;

    CaseNumberBackfill(CaseRepository repository, CaseNumbers numbers, MongoTemplate mongo, Clock clock) {
        this.repository = repository;
        this.numbers = numbers;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return how many cases were numbered now */
    public int numberOldCases() {
        if (!mongo.exists(new Query(), OrgUnitDirectory.COLLECTION)) {
            return 0; // without the registry every number would start with a unit code
        }
        Query unnumbered = Query.query(Criteria.where("caseNumber").isNull()).with(Sort.by("registeredAt", "_id"));
        unnumbered.fields().include("_id");
        List<String> ids = mongo.find(unnumbered, RightsCase.class).stream()
                .map(RightsCase::id)
                .toList();
        int numbered = 0;
        for (String id : ids) {
            try {
                RightsCase c = repository.findById(id).orElse(null);
                if (c != null && c.caseNumber() == null) {
                    c.number(numbers.next(
                            c.registeredUnit(), c.receivedOn(clock.getZone()).getYear()));
                    repository.save(c);
                    numbered++;
                }
            } catch (OptimisticLockingFailureException e) {
                log.info("case {} changed while being numbered; the next run numbers it", id);
            }
        }
        if (numbered > 0) {
            log.info("{} cases registered before case numbers were numbered", numbered);
        }
        return numbered;
    }
}
