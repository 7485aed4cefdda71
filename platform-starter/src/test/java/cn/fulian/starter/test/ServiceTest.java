package cn.fulian.starter.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service integration test against real components: an embedded Kafka broker (KRaft), an in-memory Mongo-wire
 * server and MockMvc with the service's real security. Tokens come from {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        properties = {
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "fulian.outbox-poll-interval=50ms",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
            // MockMvc has no server to give the management endpoints a port of their own: serve them with the API
            "management.server.port=${server.port:8080}"
        })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 2)
@ContextConfiguration(initializers = EmbeddedMongo.class)
public @interface ServiceTest {}
