package cn.fulian.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * One database in the H2 store, its maps opened with the BSON types of {@link BsonValues}: a collection is a map from
 * `_id` to document plus a small map of its statistics; a unique index is a map from key to `_id`.
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DOCUMENTS = "databases.";
    private static final String STATISTICS = "meta.";

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, cursors);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new BsonH2Collection(
                this, collectionName, options, documents(namespace), statistics(namespace), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<KeyValue, Object> entries =
                open(indexMap(collectionName, indexName), BsonValues.Keys.INSTANCE, BsonValues.Values.INSTANCE);
        return new BsonUniqueIndex(entries, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(indexMap(collection.getCollectionName(), indexName));
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".")
                        || name.startsWith(DOCUMENTS + databaseName + ".")
                        || name.startsWith(STATISTICS + databaseName + "."))
                .toList()
                .forEach(store::removeMap);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        store.removeMap(DOCUMENTS + namespace);
        store.removeMap(STATISTICS + namespace);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldNamespace = collection.getFullName();
        String newNamespace = getFullCollectionNamespace(newCollectionName);
        store.renameMap(documents(oldNamespace), DOCUMENTS + newNamespace);
        store.renameMap(statistics(oldNamespace), STATISTICS + newNamespace);
    }

    @Override
    protected long getStorageSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    private MVMap<Object, Document> documents(String namespace) {
        return open(DOCUMENTS + namespace, BsonValues.Values.INSTANCE, BsonValues.Documents.INSTANCE);
    }

    /**
     * The server keeps no secondary indexes: it adds each as an empty index and then still walked every stored document
     * twice to fill it. On a warm start of a full year's read model (600,000 figures) that walk was most of the minute
     * the server took to open. The index it adds here says it has nothing to fill.
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        Index<Object> keepsNothing = super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        return new NothingToFill(keepsNothing.getName(), keepsNothing.getKeys());
    }

    /** An index that keeps nothing and so is never filled from the stored documents. */
    private static final class NothingToFill extends EmptyIndex<Object> {

        NothingToFill(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    private MVMap<String, Object> statistics(String namespace) {
        return store.openMap(STATISTICS + namespace);
    }

    private String indexMap(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    private <K, V> MVMap<K, V> open(String name, DataType<? super K> keys, DataType<? super V> values) {
        return store.openMap(name, new MVMap.Builder<K, V>().keyType(keys).valueType(values));
    }
}
