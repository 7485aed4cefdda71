package cn.fulian.starter.orgunit;

import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.scope.OrgPath;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Looks units up in the service's local copy of the registry. */
public class OrgUnitDirectory {

    public static final String COLLECTION = "org_unit_copies";

    private final MongoTemplate mongo;
    private final ExactConsumer consumer;

    public OrgUnitDirectory(MongoTemplate mongo, ExactConsumer consumer) {
        this.mongo = mongo;
        this.consumer = consumer;
    }

    public Optional<OrgUnitInfo> find(OrgPath path) {
        return Optional.ofNullable(mongo.findOne(byPath(path), Document.class, COLLECTION))
                .map(OrgUnitDirectory::info);
    }

    /** The unit's name, or its code while the registry has not been received yet. */
    public String nameOf(OrgPath path) {
        return find(path).map(OrgUnitInfo::name).orElse(path.code());
    }

    /** Direct children that are not retired, ordered by code. */
    public List<OrgUnitInfo> children(OrgPath path) {
        Query q = Query.query(Criteria.where("parentCode")
                        .is(path.code())
                        .and("path")
                        .regex(path.childrenRegex())
                        .and("retired")
                        .is(false))
                .with(Sort.by("_id"));
        return mongo.find(q, Document.class, COLLECTION).stream()
                .map(OrgUnitDirectory::info)
                .toList();
    }

    /** Applies one registry event; called by the listener for {@code org.units.v1}. */
    public void apply(ConsumedEvent event) {
        if (!OrgUnitChanged.TYPE.equals(event.envelope().type())) {
            return;
        }
        OrgUnitChanged unit = consumer.codec().payload(event.envelope(), OrgUnitChanged.class);
        consumer.writer()
                .apply(
                        COLLECTION,
                        unit.code(),
                        new Update()
                                .set("name", unit.name())
                                .set("level", unit.level())
                                .set("parentCode", unit.parentCode())
                                .set("path", unit.path())
                                .set("retired", unit.retired())
                                .set("type", unit.unitType().name()),
                        event);
    }

    private static Query byPath(OrgPath path) {
        return Query.query(Criteria.where("_id").is(path.code()).and("path").is(path.value()));
    }

    private static OrgUnitInfo info(Document d) {
        return new OrgUnitInfo(
                d.getString("_id"),
                d.getString("name"),
                d.getString("level"),
                d.getString("parentCode"),
                d.getString("path"),
                Boolean.TRUE.equals(d.getBoolean("retired")),
                d.getString("type"));
    }
}
