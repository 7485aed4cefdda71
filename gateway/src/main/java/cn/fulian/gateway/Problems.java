package cn.fulian.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own answers to API callers, as RFC 9457 problem details worded like the services' (title and detail
 * in Chinese, then English): the console shows them as they are, a script reads {@code status} and {@code type}.
 */
final class Problems {

    static final String UNAVAILABLE = "urn:fulian:problem:service-unavailable";
    static final String TIMEOUT = "urn:fulian:problem:gateway-timeout";
    static final String SERVICE_ERROR = "urn:fulian:problem:service-error";

    private Problems() {}

    /** Writes the problem, with these headers besides, unless the response has already started. */
    static Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatusCode status,
            String type,
            String title,
            String detail,
            HttpHeaders headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        // a backend's own headers (its Content-Length above all) may already be on the response: they belong to a
        // body that is not sent
        String correlationId = response.getHeaders().getFirst(CorrelationIdFilter.HEADER);
        response.getHeaders().clear();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().addAll(headers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        if (correlationId != null) {
            response.getHeaders().set(CorrelationIdFilter.HEADER, correlationId);
            body.put("correlationId", correlationId);
        }
        byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** {@code Retry-After} in whole seconds, at least one: {@code Retry-After: 0} would invite a retry storm. */
    static HttpHeaders retryAfter(Duration wait) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait)));
        return headers;
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
