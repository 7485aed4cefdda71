package cn.fulian.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The breakers the routes' {@code CircuitBreaker} filters use, one per service (named after it, shared by the
 * service's read and write routes). A service that keeps failing or hanging is answered at once with 503 for a while
 * instead of being sent every request and waited for until each times out.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackendProperties.class)
class BackendBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> backendBreakerSettings(BackendProperties backends) {
        BackendProperties.Breaker b = backends.breaker();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.window())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRate())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .build();
        // the time limiter is switched off in application.yml: each route's response timeout bounds the wait instead,
        // long for exports, short for reads; this config only fills the slot
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(TimeLimiterConfig.ofDefaults())
                .build());
    }
}
