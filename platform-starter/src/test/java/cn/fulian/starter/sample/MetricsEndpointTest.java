package cn.fulian.starter.sample;

import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.Topics;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.PrometheusScrape;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/** What an operator's Prometheus reads from a service, and what its readiness probe is told. */
@ServiceTest
class MetricsEndpointTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void theScrapeShowsRequestLatencyTheOutboxDrainingDeadLettersConsumerLagAndTheJvm() throws Exception {
        double deadLettersBefore = scrape().value("fulian_dead_letters_total", Map.of("topic", Topics.ACTIVITY))
                .orElse(0);

        mvc.perform(post("/api/sample/activities")
                        .with(gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"家庭教育讲座\",\"participants\":30,\"day\":\"2026-04-01\"}"))
                .andExpect(status().isCreated());
        try (KafkaProducer<String, String> producer = KafkaProbe.producer(broker)) {
            KafkaProbe.send(producer, Topics.ACTIVITY, "metrics-poison", "{not an event either");
        }

        Eventually.within(
                Duration.ofSeconds(30),
                "outbox backlog shown drained",
                () -> scrape().value("fulian_outbox_pending", Map.of("collection", "sample_activities"))
                                .orElse(-1)
                        == 0);
        Eventually.within(
                Duration.ofSeconds(30),
                "dead letter counted",
                () -> scrape().value("fulian_dead_letters_total", Map.of("topic", Topics.ACTIVITY))
                                .orElse(0)
                        >= deadLettersBefore + 1);

        PrometheusScrape scrape = scrape();
        assertThat(scrape.samples(
                        "http_server_requests_seconds_bucket",
                        Map.of("uri", "/api/sample/activities", "method", "POST", "status", "201")))
                .as("a latency histogram for the route")
                .hasSizeGreaterThan(10)
                .anySatisfy(bucket -> {
                    assertThat(bucket.labels()).containsEntry("le", "+Inf");
                    assertThat(bucket.value()).isGreaterThanOrEqualTo(1);
                });
        // per consumer (its client id names the group: consumer-<group>-<n>); the per-partition series
        // kafka_consumer_fetch_manager_records_lag{topic,partition} join within a minute of the first fetch, when
        // Micrometer next looks for new client metrics
        assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max"))
                .as("lag per consumer")
                .isNotEmpty()
                .anySatisfy(lag -> assertThat(lag.labels().get("client_id")).contains("sample-totals"))
                // NaN until the consumer's first fetch window closes
                .allSatisfy(lag -> assertThat(lag.value() >= 0 || Double.isNaN(lag.value()))
                        .as("lag %s", lag.value())
                        .isTrue());
        assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(scrape.samples("fulian_dead_letters_total"))
                .allSatisfy(count -> assertThat(count.value()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void readinessCountsTheDatabaseAndKafka() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.mongo.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.details.brokers").value(1))
                .andExpect(jsonPath("$.components.kafka.details.maxConsumerLag").value(10000))
                .andExpect(
                        jsonPath("$.components.kafka.details.consumersBehind").isMap());
    }

    private PrometheusScrape scrape() {
        try {
            String text = mvc.perform(get("/actuator/prometheus"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return PrometheusScrape.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
