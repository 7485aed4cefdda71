package cn.fulian.reporting.readmodel;

import cn.fulian.reporting.readmodel.UpdateBatch.DocKey;
import cn.fulian.reporting.readmodel.UpdateBatch.Mark;
import cn.fulian.starter.consumer.ByIds;
import cn.fulian.starter.consumer.ConsumedEvent;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.consumer.ReadModelWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One poll's events applied together. Each event's changes are staged per document; the flush writes every
 * collection's changes with one read of their offsets and one bulk write ({@link ReadModelWriter#applyAll}), then the
 * marks, then announces the changed units once. Roll-ups make the same upper documents change with almost every event,
 * so a poll writes each of them once instead of once per event.
 *
 * <p>A projection reads documents through {@link #find}: a document with changes still staged is flushed first, so
 * every read sees the earlier events of the poll applied, exactly as if they had been applied one at a time. What is
 * read ahead ({@link #prefetch}) is forgotten as soon as the session writes that document.
 */
final class ReadModelSession implements ExactConsumer.Staging {

    private final MongoTemplate mongo;
    private final ReadModelWriter writer;
    private final BiConsumer<ConsumedEvent, UpdateBatch> projections;
    private final ApplicationEventPublisher publisher;

    private final Map<String, List<ReadModelWriter.Change>> staged = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private final Set<DocKey> dirty = new HashSet<>();
    private final Map<Integer, Set<String>> touched = new LinkedHashMap<>();
    private final Set<String> types = new TreeSet<>();
    private final Map<DocKey, Optional<Document>> readAhead = new HashMap<>();

    ReadModelSession(
            MongoTemplate mongo,
            ReadModelWriter writer,
            BiConsumer<ConsumedEvent, UpdateBatch> projections,
            ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.writer = writer;
        this.projections = projections;
        this.publisher = publisher;
    }

    @Override
    public void stage(ConsumedEvent event) {
        UpdateBatch batch = new UpdateBatch(this);
        projections.accept(event, batch);
        batch.forEachChange(event, (key, change) -> {
            staged.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(change);
            dirty.add(key);
        });
        for (Mark mark : batch.marks()) {
            marks.add(mark);
            dirty.add(mark.doc());
        }
        if (!batch.touchedUnits().isEmpty()) {
            batch.touchedUnits()
                    .forEach((year, units) -> touched.computeIfAbsent(year, y -> new LinkedHashSet<>())
                            .addAll(units));
            types.add(event.envelope().type());
        }
    }

    @Override
    public void flush() {
        // the assignments first: their writes may carry a condition (no activity link waiting on them), and if one
        // fails nothing else of the poll is written before it is applied again one event at a time
        List<ReadModelWriter.Change> assignments = staged.remove(ReadModel.ASSIGNMENTS);
        if (assignments != null) {
            writer.applyAll(ReadModel.ASSIGNMENTS, assignments);
        }
        staged.forEach(writer::applyAll);
        if (!marks.isEmpty()) {
            // marks only set fields: those of one document are joined, the later value kept
            Map<DocKey, Update> joined = new LinkedHashMap<>();
            for (Mark mark : marks) {
                Update into = joined.computeIfAbsent(mark.doc(), k -> new Update());
                mark.update().getUpdateObject().forEach((operator, fields) -> {
                    if (!"$set".equals(operator)) {
                        throw new IllegalStateException("a mark may only set fields: " + operator);
                    }
                    ((Document) fields).forEach(into::set);
                });
            }
            Map<String, BulkOperations> bulks = new LinkedHashMap<>();
            joined.forEach((doc, update) -> bulks.computeIfAbsent(
                            doc.collection(), c -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, c))
                    .updateOne(Query.query(Criteria.where("_id").is(doc.id())), update));
            bulks.values().forEach(BulkOperations::execute);
        }
        Map<Integer, Set<String>> changed = Map.copyOf(touched);
        String eventTypes = String.join(",", types);
        dirty.forEach(readAhead::remove);
        clearStaged();
        if (!changed.isEmpty()) {
            publisher.publishEvent(new FiguresChanged(changed, eventTypes));
        }
    }

    @Override
    public void discard() {
        clearStaged();
        readAhead.clear();
    }

    /** Reads the documents ahead with one query per collection, for the events about to be staged. */
    void prefetch(String collection, Set<String> ids) {
        List<String> wanted = ids.stream()
                .filter(id -> !readAhead.containsKey(new DocKey(collection, id)))
                .toList();
        wanted.forEach(id -> readAhead.put(new DocKey(collection, id), Optional.empty()));
        for (Document d : ByIds.find(mongo, collection, wanted, List.of())) {
            readAhead.put(new DocKey(collection, d.getString("_id")), Optional.of(d));
        }
    }

    Document find(DocKey key) {
        if (dirty.contains(key)) {
            flush();
        }
        Optional<Document> ahead = readAhead.get(key);
        if (ahead != null) {
            return ahead.orElse(null);
        }
        return mongo.findById(key.id(), Document.class, key.collection());
    }

    <T> T writeNow(DocKey key, Supplier<T> write) {
        if (dirty.contains(key)) {
            flush();
        }
        readAhead.remove(key);
        return write.get();
    }

    private void clearStaged() {
        staged.clear();
        marks.clear();
        dirty.clear();
        touched.clear();
        types.clear();
    }
}
