package cn.fulian.starter.sample;

import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.Topics;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.trace.EventTrace;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A write's correlation id and trace id go with the events it records: into the outbox, onto the Kafka record as
 * headers, and into the log lines of the relay that publishes them and of the consumer that applies them.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class EventTraceTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void theRequestsCorrelationAndTraceIdsReachTheRecordAndBothSidesLogs(CapturedOutput output) throws Exception {
        String correlation = "trace-test-" + System.nanoTime();
        String body = mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .header(EventTrace.CORRELATION_HEADER, correlation)
                        .header(EventTrace.TRACEPARENT_HEADER, TRACEPARENT)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"家庭教育讲座\",\"participants\":30,\"day\":\"2026-05-04\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String id = JsonPath.read(body, "$.id");

        List<ConsumerRecord<String, String>> records =
                KafkaProbe.read(broker, Topics.ACTIVITY, r -> id.equals(r.key()), 1);
        assertThat(records).hasSize(1);
        EventTrace sent = EventTrace.of(records.get(0));
        assertThat(sent.correlationId()).isEqualTo(correlation);
        assertThat(sent.traceId())
                .as("the request's trace continues into the event")
                .isEqualTo(TRACE_ID);

        Eventually.within(Duration.ofSeconds(20), "both sides logged the event", () -> {
            String log = output.getAll();
            return log.contains("published ActivityRecorded")
                    && log.lines()
                            .anyMatch(l -> l.contains("applied ActivityRecorded")
                                    && l.contains(correlation)
                                    && l.contains(TRACE_ID));
        });
        assertThat(output.getAll()
                        .lines()
                        .filter(l -> l.contains("published ActivityRecorded") && l.contains(correlation))
                        .findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains(TRACE_ID));
    }

    @Test
    void idsOfTheWrongShapeAreDroppedNeverLogged() {
        EventTrace trace = new EventTrace("evil\nline injected", "00-not-a-trace-01");

        assertThat(trace.correlationId()).isNull();
        assertThat(trace.traceparent()).isNull();
        assertThat(trace.traceId()).isNull();
        assertThat(new EventTrace("abcdefgh-1234", TRACEPARENT).traceId()).isEqualTo(TRACE_ID);
    }
}
