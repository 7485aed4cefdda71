package cn.fulian.rights.cases;

import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.scope.OrgPath;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Hands out case numbers: the unit's short name from the local registry copy, the year and the next sequence. */
@Component
class CaseNumbers {

    private final MongoTemplate mongo;
    private final OrgUnitDirectory directory;

    CaseNumbers(MongoTemplate mongo, OrgUnitDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    /** The next number for a case registered at {@code unit} that came in during {@code year}. */
    CaseNumber next(OrgPath unit, int year) {
        String name = directory.find(unit).map(OrgUnitInfo::name).orElse(null);
        String prefix = CaseNumber.prefixOf(name, unit.code());
        return new CaseNumber(prefix, year, allocate(prefix, year));
    }

    private long allocate(String prefix, int year) {
        Query counter = CaseNumberCounter.of(prefix, year);
        Update increment = CaseNumberCounter.increment(prefix, year);
        FindAndModifyOptions options =
                FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(counter, increment, options, CaseNumberCounter.class)
                    .last();
        } catch (DuplicateKeyException firstOfTheYear) {
            // two instances created the year's counter at once; it exists now, so the increment alone succeeds
            return mongo.findAndModify(counter, increment, options, CaseNumberCounter.class)
                    .last();
        }
    }
}
