package cn.fulian.starter.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mongo health by {@code {ping:1}}. Boot's own indicator sends {@code hello}, which the embedded Mongo-wire server
 * does not answer, so it would report DOWN although the database works.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        Document reply = mongo.executeCommand(new Document("ping", 1));
        return Health.up()
                .withDetail("database", mongo.getDb().getName())
                .withDetail("ping", reply.get("ok"))
                .build();
    }
}
