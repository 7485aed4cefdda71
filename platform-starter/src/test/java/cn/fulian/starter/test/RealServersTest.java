package cn.fulian.starter.test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Base of the suites that run against a real MongoDB replica set and a real Kafka broker in containers, for machines
 * with Docker. Without a Docker engine they are reported as skipped; the embedded suites ({@link ServiceTest}) cover
 * the same behaviour everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        properties = {
            "fulian.outbox-poll-interval=50ms",
            // MockMvc has no server to give the management endpoints a port of their own: serve them with the API
            "management.server.port=${server.port:8080}"
        })
@AutoConfigureMockMvc
public abstract class RealServersTest {

    @Container
    protected static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    protected static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }
}
