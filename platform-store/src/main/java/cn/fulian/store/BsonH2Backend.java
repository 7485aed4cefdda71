package cn.fulian.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import org.h2.mvstore.MVStore;

/** The databases of one H2 store whose maps hold BSON (see {@link BsonValues}). */
final class BsonH2Backend extends AbstractMongoBackend {

    private final MVStore store;

    BsonH2Backend(MVStore store) {
        this.store = store;
        store.getMapNames().stream()
                .filter(name -> name.startsWith(BsonH2Database.DOCUMENTS))
                .map(name -> Utils.firstFragment(name.substring(BsonH2Database.DOCUMENTS.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, store, getCursorRegistry());
    }

    @Override
    public void close() {
        super.close();
        store.close();
    }
}
