package cn.fulian.rights.support;

import cn.fulian.starter.test.ServiceTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The rights service against an embedded Kafka broker and Mongo-wire server, with a clock the test moves. Every
 * integration test class uses exactly this, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ServiceTest
@Import(TestClockConfiguration.class)
public @interface RightsServiceTest {}
