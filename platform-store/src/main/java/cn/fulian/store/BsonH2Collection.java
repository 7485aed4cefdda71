package cn.fulian.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection whose stored documents are never handed out: the server changes a document it has read in place while
 * updating it, and H2 writes stored values from a background thread, so every document read is a copy and every
 * document written is a copy nobody else holds.
 */
final class BsonH2Collection extends H2Collection {

    private static final String ID = "_id";

    private static final Comparator<Map.Entry<Object, Object>> REVERSE_NATURAL_ORDER =
            Map.Entry.<Object, Object>comparingByKey(BsonValues.Values.INSTANCE).reversed();

    /** The documents by `_id`, each held as a {@link StoredDocument} (one written before may be a plain document). */
    private final MVMap<Object, Object> documents;

    private volatile IdsQuery lastIdsQuery;

    BsonH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> statistics,
            CursorRegistry cursors) {
        super(database, collectionName, options, documents, statistics, cursors);
        this.documents = stored(documents);
    }

    /** The map H2Collection was given, read and written here only, with encoded documents as its values. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Object> stored(MVMap<Object, Document> documents) {
        return (MVMap) documents;
    }

    /** Stores the document encoded ({@link StoredDocument}) under its `_id`. */
    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        Object previous = documents.put(Missing.ofNullable(key), StoredDocument.encode(document));
        if (previous != null) {
            throw new IllegalStateException("a document with _id " + key + " is already stored");
        }
        return key;
    }

    /**
     * Updates the one document a filter fixes by `_id` to a string or an ObjectId, when the update is one
     * {@link FieldChanges} applies (the read model's guarded upserts, the services' field changes): the stored document
     * is decoded once, changed in place and encoded once, and its size change read off the two encodings. Anything
     * else — several documents, an insert, a filter the document no longer meets, an array element, an index over a
     * changed field — goes the server's way, which answers it as MongoDB would.
     */
    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document updateQuery,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        InPlace outcome = updateOneInPlace(selector, updateQuery, arrayFilters);
        if (outcome == InPlace.DECLINED) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        boolean modified = outcome == InPlace.MODIFIED;
        oplog.handleUpdate(getFullName(), selector, updateQuery, modified ? List.of(selector.get(ID)) : List.of());
        return new Document("n", 1).append("nModified", modified ? 1 : 0);
    }

    /** What became of an update offered to {@link #updateOneInPlace}. */
    private enum InPlace {
        /** Left to the server, nothing changed. */
        DECLINED,
        MODIFIED,
        /** Applied, and the document came out as it was. */
        UNCHANGED
    }

    private InPlace updateOneInPlace(Document selector, Document updateQuery, ArrayFilters arrayFilters) {
        Object id = selector.get(ID);
        if (!ID.equals(getIdField())
                || !(id instanceof String || id instanceof ObjectId)
                || (arrayFilters != null && !arrayFilters.isEmpty())) {
            return InPlace.DECLINED;
        }
        FieldChanges changes = FieldChanges.of(updateQuery, ID);
        if (changes == null || indexedFieldChanges(changes)) {
            return InPlace.DECLINED;
        }
        if (!(documents.get(id) instanceof StoredDocument before)) {
            return InPlace.DECLINED;
        }
        Document document = before.decode();
        if (!documentMatchesQuery(document, selector) || !changes.applyTo(document)) {
            return InPlace.DECLINED;
        }
        StoredDocument after = StoredDocument.encode(document, before.bytes().length + 64);
        if (Arrays.equals(before.bytes(), after.bytes())) {
            return InPlace.UNCHANGED;
        }
        documents.put(id, after);
        updateDataSize(after.bytes().length - before.bytes().length);
        return InPlace.MODIFIED;
    }

    /**
     * Whether an index that keeps keys, other than the one on `_id`, keeps a field the update changes. (The server
     * keeps no secondary index: those are answered by walking the documents, see {@link BsonH2Database}.)
     */
    private boolean indexedFieldChanges(FieldChanges changes) {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof EmptyIndex) {
                continue;
            }
            for (IndexKey key : index.getKeys()) {
                if (!key.getKey().equals(ID) && changes.touches(key.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), StoredDocument.encode(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Document getDocument(Object position) {
        Object stored = documents.get(position);
        return stored == null ? null : StoredDocument.decode(stored);
    }

    /** Used to build an index over the documents already stored: the keys first, then each document as it is now. */
    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        List<Object> keys = whileItsVersionIsKept(() -> new ArrayList<>(documents.keySet()));
        return keys.stream()
                .map(key -> {
                    Object stored = documents.get(key);
                    return stored == null ? null : new DocumentWithPosition<>(StoredDocument.decode(stored), key);
                })
                .filter(Objects::nonNull);
    }

    /**
     * The documents a query without a usable index matches. The server uses the `_id` index only when the query names
     * nothing but `_id`; a query that fixes `_id` to a string or an ObjectId and adds other conditions (a unit by code
     * and path) reads that one document instead of the whole collection.
     */
    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize, Document fields) {
        return whileItsVersionIsKept(
                () -> matchStored(query, orderBy, numberToSkip, numberToReturn, batchSize, fields));
    }

    private QueryResult matchStored(
            Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize, Document fields) {
        Stream<Object> stored;
        Object id = query.get(ID);
        if (ID.equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
            stored = Stream.ofNullable(documents.get(id));
        } else if (isNaturalDescending(orderBy)) {
            stored = documents.entrySet().stream().sorted(REVERSE_NATURAL_ORDER).map(Map.Entry::getValue);
        } else {
            stored = documents.values().stream();
        }
        Set<Object> ids = idsQueried(query);
        Function<Object, Document> decode = decoder(query, orderBy, fields);
        Stream<Document> matching = ids != null
                // by key: the `_id` is the map's key, so only the documents asked for are decoded
                ? stored.map(decode).filter(document -> ids.contains(document.get(ID)))
                : stored.map(decode).filter(document -> documentMatchesQuery(document, query));
        return matchDocumentsFromStream(matching, query, orderBy, numberToSkip, numberToReturn, batchSize, fields);
    }

    /** The documents at the positions the `_id` index found, each decoded as far as the query reads it. */
    @Override
    protected QueryResult matchDocuments(
            Document query,
            Iterable<Object> positions,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fields) {
        Function<Object, Document> decode = decoder(query, orderBy, fields);
        Stream<Document> found = StreamSupport.stream(positions.spliterator(), false)
                .map(documents::get)
                .filter(Objects::nonNull)
                .map(decode);
        return matchDocumentsFromStream(found, query, orderBy, numberToSkip, limit, batchSize, fields);
    }

    /** Decodes a stored document whole, or only the fields the query reads ({@link #fieldsNeeded}). */
    private static Function<Object, Document> decoder(Document query, Document orderBy, Document fields) {
        Set<String> needed = fieldsNeeded(query, orderBy, fields);
        if (needed == null) {
            return StoredDocument::decode;
        }
        return stored ->
                stored instanceof StoredDocument encoded ? encoded.decode(needed) : StoredDocument.decode(stored);
    }

    /**
     * The top-level fields a query with an inclusion projection of top-level fields reads: those it returns, `_id`,
     * and those its filter and order name. Null (every field) for any other query or projection.
     */
    private static Set<String> fieldsNeeded(Document query, Document orderBy, Document fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        Set<String> needed = new HashSet<>();
        needed.add(ID);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            boolean included = field.getValue() instanceof Boolean b
                    ? b
                    : field.getValue() instanceof Number n && n.doubleValue() != 0;
            if (name.contains(".") || name.startsWith("$") || (!included && !name.equals(ID))) {
                return null;
            }
            needed.add(name);
        }
        for (Document named : new Document[] {query, orderBy}) {
            if (named == null) {
                continue;
            }
            for (String path : named.keySet()) {
                if (path.startsWith("$")) {
                    return null;
                }
                int dot = path.indexOf('.');
                needed.add(dot < 0 ? path : path.substring(0, dot));
            }
        }
        return needed;
    }

    /**
     * Runs a read that walks the collection. The walk reads the tree of the store version it started on; H2 moves the
     * live pages of half-empty chunks into new ones in the background and drops the old chunks once a few newer
     * versions exist, which under a steady stream of writes happened in the middle of a walk of 600,000 documents
     * ("Chunk … not found"). Registered, the version's chunks stay until the read ends.
     */
    private <T> T whileItsVersionIsKept(Supplier<T> read) {
        MVStore store = documents.getStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /**
     * The server matches each document it finds through the `_id` index against the query again, and matches a value
     * against an `$in` list by walking the list: reading n documents by key cost n² comparisons (a dashboard reads
     * thousands). A query that is exactly {@code {_id: {$in: [strings]}}} is matched against a set instead.
     */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Set<Object> ids = idsQueried(query);
        return ids != null ? ids.contains(document.get(ID)) : super.documentMatchesQuery(document, query);
    }

    private Set<Object> idsQueried(Document query) {
        IdsQuery last = lastIdsQuery;
        if (last != null && last.query() == query) {
            return last.ids();
        }
        if (query.size() != 1
                || !(query.get(ID) instanceof Document condition)
                || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)
                || !values.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        Set<Object> ids = new HashSet<>(values);
        lastIdsQuery = new IdsQuery(query, ids);
        return ids;
    }

    /** The `_id`s of the query being run, kept by identity of the query document. */
    private record IdsQuery(Document query, Set<Object> ids) {}
}
