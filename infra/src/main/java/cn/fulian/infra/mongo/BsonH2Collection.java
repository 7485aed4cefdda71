package cn.fulian.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection whose stored documents are never handed out: the server changes a document it has read in place while
 * updating it, and H2 writes stored values from a background thread, so every document read is a copy and every
 * document written is a copy nobody else holds.
 */
final class BsonH2Collection extends H2Collection {

    private static final Comparator<Map.Entry<Object, Document>> REVERSE_NATURAL_ORDER =
            Map.Entry.<Object, Document>comparingByKey(BsonValues.Values.INSTANCE)
                    .reversed();

    private final MVMap<Object, Document> documents;

    BsonH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> statistics,
            CursorRegistry cursors) {
        super(database, collectionName, options, documents, statistics, cursors);
        this.documents = documents;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        return super.addDocumentInternal(document.cloneDeeply());
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument.cloneDeeply());
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : stored.cloneDeeply();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(entry.getValue().cloneDeeply(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int numberToReturn, int batchSize, Document fields) {
        Stream<Document> stored = isNaturalDescending(orderBy)
                ? documents.entrySet().stream().sorted(REVERSE_NATURAL_ORDER).map(Map.Entry::getValue)
                : documents.values().stream();
        Stream<Document> matching =
                stored.filter(document -> documentMatchesQuery(document, query)).map(Document::cloneDeeply);
        return matchDocumentsFromStream(matching, query, orderBy, numberToSkip, numberToReturn, batchSize, fields);
    }
}
