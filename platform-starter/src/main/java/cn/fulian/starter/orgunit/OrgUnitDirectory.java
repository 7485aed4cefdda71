package cn.fulian.starter.orgunit;

import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.scope.OrgPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Looks units up in the service's local copy of the registry. The copy is small (a federation's units) and changes
 * rarely, so it is read whole into memory and read again only after a change: every change applied to the copy, by
 * whichever instance, writes a new token to {@link #VERSION_COLLECTION}, and a lookup compares that one document's token
 * with the one it read the copy under. A dashboard that names thirty units asks for the {@link #registry()} once.
 */
public class OrgUnitDirectory {

    public static final String COLLECTION = "org_unit_copies";

    /** One document: the token of the copy's latest change. */
    private static final String VERSION_COLLECTION = "org_unit_copies_version";

    private static final String VERSION_ID = "version";

    private final MongoTemplate mongo;
    private final ExactConsumer consumer;
    private final AtomicReference<Registry> read = new AtomicReference<>();

    public OrgUnitDirectory(MongoTemplate mongo, ExactConsumer consumer) {
        this.mongo = mongo;
        this.consumer = consumer;
    }

    /** The copy as it is now: one lookup of its version, and a read of the whole copy only if it changed since. */
    public Registry registry() {
        Document version = mongo.findById(VERSION_ID, Document.class, VERSION_COLLECTION);
        String token = version == null ? null : version.getString("token");
        Registry known = read.get();
        if (known != null && Objects.equals(known.token(), token)) {
            return known;
        }
        Registry fresh = new Registry(
                token,
                mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).stream()
                        .map(OrgUnitDirectory::info)
                        .toList());
        read.set(fresh);
        return fresh;
    }

    public Optional<OrgUnitInfo> find(OrgPath path) {
        return registry().find(path);
    }

    /** The unit's name, or its code while the registry has not been received yet. */
    public String nameOf(OrgPath path) {
        return registry().nameOf(path);
    }

    /** Direct children that are not retired, ordered by code. */
    public List<OrgUnitInfo> children(OrgPath path) {
        return registry().children(path);
    }

    /** The registry's copy at one moment, read whole. */
    public static final class Registry {

        private final String token;
        private final Map<String, OrgUnitInfo> byCode = new HashMap<>();
        private final Map<String, List<OrgUnitInfo>> byParentCode = new HashMap<>();

        Registry(String token, List<OrgUnitInfo> unitsByCode) {
            this.token = token;
            for (OrgUnitInfo unit : unitsByCode) {
                byCode.put(unit.code(), unit);
                if (unit.parentCode() != null) {
                    byParentCode
                            .computeIfAbsent(unit.parentCode(), c -> new ArrayList<>())
                            .add(unit);
                }
            }
        }

        String token() {
            return token;
        }

        /** The unit with this code at this path. */
        public Optional<OrgUnitInfo> find(OrgPath path) {
            OrgUnitInfo unit = byCode.get(path.code());
            return unit != null && path.value().equals(unit.path()) ? Optional.of(unit) : Optional.empty();
        }

        /** The unit's name, or its code while the registry has not been received yet. */
        public String nameOf(OrgPath path) {
            return find(path).map(OrgUnitInfo::name).orElse(path.code());
        }

        /** Direct children that are not retired, ordered by code. */
        public List<OrgUnitInfo> children(OrgPath path) {
            return byParentCode.getOrDefault(path.code(), List.of()).stream()
                    .filter(u -> !u.retired()
                            && OrgPath.isValid(u.path())
                            && u.orgPath().isDirectChildOf(path))
                    .toList();
        }
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
        // after the change: an instance that reads the new token reads a copy with the change in it
        mongo.upsert(
                Query.query(Criteria.where("_id").is(VERSION_ID)),
                new Update().set("token", UUID.randomUUID().toString()),
                VERSION_COLLECTION);
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
