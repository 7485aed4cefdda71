package cn.fulian.reporting.readmodel;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The indexes that make every dashboard read a lookup: by (year, unit) and by (year, parent) for drill-down. */
@Component
class ReadModelIndexes implements InitializingBean {

    /** The one document of {@link ReadModel#SHAPE}. */
    static final String SHAPE_ID = "shape";

    private final MongoTemplate mongo;

    ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        ensure();
    }

    void ensure() {
        for (String c : new String[] {ReadModel.TASK_UNITS, ReadModel.RIGHTS, ReadModel.HONOURS}) {
            mongo.indexOps(c)
                    .createIndex(new Index().on("year", Sort.Direction.ASC).on("unitPath", Sort.Direction.ASC));
            mongo.indexOps(c)
                    .createIndex(new Index().on("year", Sort.Direction.ASC).on("parentPath", Sort.Direction.ASC));
        }
        mongo.indexOps(ReadModel.ASSIGNMENTS)
                .createIndex(new Index().on("year", Sort.Direction.ASC).on("unitPath", Sort.Direction.ASC));
        mongo.indexOps(ReadModel.REPORTS)
                .createIndex(new Index().on("period", Sort.Direction.ASC).on("unitPath", Sort.Direction.ASC));
        mongo.indexOps(ReadModel.TASKS).createIndex(new Index().on("year", Sort.Direction.ASC));
        Query anyDocument = new Query().limit(1);
        anyDocument.fields().include("_id");
        if (mongo.findOne(anyDocument, Document.class, ReadModel.TASK_UNITS) == null) {
            // an empty read model (a first start, a rebuild) is written in the current shape from its first event
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(SHAPE_ID)),
                    new Update().set(ReadModel.CHILD_FIGURES, true),
                    ReadModel.SHAPE);
        }
    }
}
