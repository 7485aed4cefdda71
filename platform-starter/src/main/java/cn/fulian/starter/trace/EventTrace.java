package cn.fulian.starter.trace;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request an event came from: its correlation id (the gateway's {@code X-Correlation-Id}) and its W3C {@code
 * traceparent} ({@code 00-<trace id>-<span id>-<flags>}). Captured from the logging context when an aggregate records
 * the event, stored with it in the outbox, sent as Kafka record headers by the relay, and put back into the logging
 * context while a consumer applies it, so the producing and the consuming service log the same ids. Values that do
 * not have the expected shape are dropped: logs never carry text a caller chose.
 *
 * @param correlationId the correlation id, or null
 * @param traceparent the trace context, or null
 */
public record EventTrace(String correlationId, String traceparent) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** MDC keys: the correlation id as the services log it, the trace and span ids as Micrometer Tracing does. */
    public static final String MDC_CORRELATION = "correlationId";

    public static final String MDC_TRACE = "traceId";
    public static final String MDC_SPAN = "spanId";

    /** One line per event published and per event applied, with both ids; level INFO, switchable per logger. */
    public static final Logger FLOW = LoggerFactory.getLogger("fulian.events");

    public static final EventTrace NONE = new EventTrace(null, null);

    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    public EventTrace {
        correlationId =
                correlationId != null && CORRELATION.matcher(correlationId).matches() ? correlationId : null;
        traceparent = traceparent != null && TRACEPARENT.matcher(traceparent).matches() ? traceparent : null;
    }

    /** The ids of the work in progress on this thread (a request, or a consumer applying an event). */
    public static EventTrace current() {
        String traceId = MDC.get(MDC_TRACE);
        String spanId = MDC.get(MDC_SPAN);
        String traceparent = traceId != null && spanId != null ? "00-" + traceId + "-" + spanId + "-01" : null;
        return new EventTrace(MDC.get(MDC_CORRELATION), traceparent);
    }

    /** What a record's headers say. */
    public static EventTrace of(ConsumerRecord<?, ?> record) {
        return of(record.headers());
    }

    public static EventTrace of(Headers headers) {
        return new EventTrace(
                text(headers.lastHeader(CORRELATION_HEADER)), text(headers.lastHeader(TRACEPARENT_HEADER)));
    }

    /** Puts the ids on a record about to be sent. */
    public <K, V> ProducerRecord<K, V> addTo(ProducerRecord<K, V> record) {
        if (correlationId != null) {
            record.headers().add(CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.US_ASCII));
        }
        if (traceparent != null) {
            record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    /** The trace id inside the trace context, or null. */
    public String traceId() {
        if (traceparent == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(traceparent);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Makes these ids the logging context until the returned scope is closed, then restores what was there (a listener
     * thread applies many events in turn).
     */
    public Scope inLogs() {
        String previousCorrelation = MDC.get(MDC_CORRELATION);
        String previousTrace = MDC.get(MDC_TRACE);
        put(MDC_CORRELATION, correlationId);
        put(MDC_TRACE, traceId());
        return () -> {
            put(MDC_CORRELATION, previousCorrelation);
            put(MDC_TRACE, previousTrace);
        };
    }

    /** A logging context that ends with a try-with-resources block. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
