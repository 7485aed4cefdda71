package cn.fulian.rights.support;

import java.time.LocalDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's system clock with one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        MutableClock clock = new MutableClock(java.time.Instant.EPOCH);
        clock.setLocal(LocalDateTime.of(2026, 5, 6, 10, 30));
        return clock;
    }
}
