package cn.fulian.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What an API caller gets when the service behind a route cannot answer, instead of Boot's 500 with a non-problem body:
 * a service that is down, starting or unreachable (connection refused, unknown host, connect timeout, connection reset
 * before an answer) or whose breaker is open answers 503 with {@code Retry-After} (the configured wait, or how long the
 * breaker stays open); one that did not answer within the
 * route's timeout answers 504. The body names the service and never carries an exception's text, which would tell a
 * caller the gateway's internals; the log keeps it with the correlation id.
 */
@Component
@Order(-2) // before Boot's own handler (-1), which would answer with its non-problem error JSON
class BackendFailureHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BackendFailureHandler.class);

    private final BackendProperties backends;

    BackendFailureHandler(BackendProperties backends) {
        this.backends = backends;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Service service = Service.of(path);
        String request = exchange.getRequest().getMethod().name() + " " + path + " ["
                + exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER) + "]";
        if (failure instanceof ServiceUnavailableException || failure instanceof CallNotPermittedException) {
            log.warn("{}: breaker open, refused {}", service.en(), request);
            return unavailable(
                    exchange,
                    "%s近期多次出错,已暂停转发,请%d秒后重试 / the %s failed repeatedly and calls to it are paused;"
                            + " try again in %d seconds",
                    service,
                    backends.breaker().openFor());
        }
        if (timedOut(failure)) {
            log.warn("{}: no answer in time to {}", service.en(), request);
            return Problems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    Problems.TIMEOUT,
                    "服务响应超时 / Gateway timeout",
                    "%s未在规定时间内答复,请稍后重试 / the %s did not answer in time; try again later"
                            .formatted(service.zh(), service.en()),
                    new HttpHeaders());
        }
        if (failure instanceof HttpStatusCodeException answered) {
            // the breaker counted the service's 5xx answer as a failure, which drops the answer's body
            return serviceFailed(exchange, answered.getStatusCode(), service);
        }
        if (unreachable(failure)) {
            log.warn("{}: unreachable for {}: {}", service.en(), request, failure.toString());
            return unavailable(
                    exchange,
                    "%s暂时无法访问(可能正在启动),请%d秒后重试 / the %s is not answering (it may be starting);"
                            + " try again in %d seconds",
                    service,
                    backends.retryAfter());
        }
        if (failure instanceof ResponseStatusException rejected
                && rejected.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = rejected.getStatusCode();
            return status.value() == 404
                    ? Problems.write(
                            exchange,
                            status,
                            "about:blank",
                            "未找到 / Not found",
                            "没有这个接口 / no such API path",
                            new HttpHeaders())
                    : Problems.write(
                            exchange,
                            status,
                            "about:blank",
                            "请求无法处理 / Request refused",
                            "请求无法处理 / the gateway refused the request (%d)".formatted(status.value()),
                            new HttpHeaders());
        }
        log.error("{} failed in the gateway", request, failure);
        return serviceFailed(exchange, HttpStatus.INTERNAL_SERVER_ERROR, service);
    }

    private static Mono<Void> unavailable(
            ServerWebExchange exchange, String detail, Service service, Duration retryAfter) {
        long wait = Problems.seconds(retryAfter);
        return Problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                Problems.UNAVAILABLE,
                "服务暂不可用 / Service unavailable",
                detail.formatted(service.zh(), wait, service.en(), wait),
                Problems.retryAfter(retryAfter));
    }

    private static Mono<Void> serviceFailed(ServerWebExchange exchange, HttpStatusCode status, Service service) {
        return Problems.write(
                exchange,
                status,
                Problems.SERVICE_ERROR,
                "服务处理出错 / Service error",
                "%s处理出错,请联系管理员并提供编号 / the %s failed; quote the correlation id".formatted(service.zh(), service.en()),
                new HttpHeaders());
    }

    /** The service a path belongs to, named as a user knows it. */
    record Service(String zh, String en) {

        static Service of(String path) {
            String rest = path.substring("/api/".length());
            int slash = rest.indexOf('/');
            return switch (slash < 0 ? rest : rest.substring(0, slash)) {
                case "planning" -> new Service("计划任务服务", "planning service");
                case "activities" -> new Service("活动服务", "activity service");
                case "rights" -> new Service("维权服务", "rights service");
                case "reports" -> new Service("统计报表服务", "reporting service");
                default -> new Service("该服务", "service");
            };
        }
    }

    /** A route's response timeout (the gateway's or the breaker's), however it was wrapped on the way up. */
    static boolean timedOut(Throwable failure) {
        if (failure instanceof ResponseStatusException r && r.getStatusCode().value() == 504) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof org.springframework.cloud.gateway.support.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refused, unresolvable, timed-out connects and connections closed or reset before the answer are all I/O errors
     * of the gateway's HTTP client: the service did not (or could not) answer. An I/O error after the answer started
     * never arrives here: the response is committed by then.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
