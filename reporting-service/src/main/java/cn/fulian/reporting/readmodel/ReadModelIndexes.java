package cn.fulian.reporting.readmodel;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes that make every dashboard read a lookup: by (year, unit) and by (year, parent) for drill-down. */
@Component
class ReadModelIndexes implements InitializingBean {

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
    }
}
