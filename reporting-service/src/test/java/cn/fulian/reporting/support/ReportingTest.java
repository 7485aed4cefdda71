package cn.fulian.reporting.support;

import cn.fulian.starter.test.ServiceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * A reporting-service integration test: {@link ServiceTest} (embedded Kafka, Mongo-wire, MockMvc) plus a clock the
 * test sets. Every test class uses exactly this, so they share one application context; each works in its own plan
 * year so their figures never mix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest
@Import(TestClockConfig.class)
public @interface ReportingTest {}
