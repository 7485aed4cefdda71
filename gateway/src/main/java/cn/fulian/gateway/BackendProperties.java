package cn.fulian.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway treats the services behind its routes when they fail (defaults and variables in
 * {@code application.yml}; timeouts are route settings there).
 *
 * @param retryAfter what a 503 for a service that is not answering tells the caller to wait before asking again (a 503
 *     of an open breaker says {@code breaker.openFor})
 * @param breaker when a service's breaker opens and for how long
 */
@ConfigurationProperties("fulian.gateway.backends")
record BackendProperties(Duration retryAfter, Breaker breaker) {

    /**
     * One breaker per service, counting the outcomes of its last {@code window} calls: once at least
     * {@code minimumCalls} were made and {@code failureRate} percent of them failed (a 5xx answer, no connection, no
     * answer in time; a 4xx answer is the caller's mistake and counts as a success), calls are refused for
     * {@code openFor}, then {@code halfOpenCalls} trial calls decide whether it closes again.
     */
    record Breaker(float failureRate, int window, int minimumCalls, Duration openFor, int halfOpenCalls) {}
}
