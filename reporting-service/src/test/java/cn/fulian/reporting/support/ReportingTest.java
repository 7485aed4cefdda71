package cn.fulian.reporting.support;

import cn.fulian.starter.test.ServiceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A reporting-service integration test: {@link ServiceTest} (embedded Kafka, Mongo-wire, MockMvc) plus a clock the
 * test sets, with the read model taking polls of ten records. Every test class uses exactly this, so they share one application context; each works in its own plan
 * year so their figures never mix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest
@Import(TestClockConfig.class)
// polls of a few records: a stream of a hundred events still takes many polls, so a test can stop the listener between
// two of them, and each poll still applies several events together
@TestPropertySource(properties = "spring.kafka.consumer.max-poll-records=10")
public @interface ReportingTest {}
