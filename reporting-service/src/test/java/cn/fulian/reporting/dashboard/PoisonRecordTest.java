package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Scenario.toward;
import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GUDONG;
import static cn.fulian.reporting.support.Units.GULOU;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.test.Eventually;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The read model takes whole polls: a record in the middle of one that is not an event must go to the dead-letter
 * topic once, while the events before it and after it on the same partition are each counted once.
 */
@ReportingTest
class PoisonRecordTest {

    static final int YEAR = 2036;
    static final String TASK = "t36-poison";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicOnceAndTheEventsAroundItCount() throws Exception {
        LocalDate due = LocalDate.of(YEAR, 12, 31);
        String marker = "poison-" + System.nanoTime();
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.plan("p36", "2036年工作要点", 1);
            s.task("p36", TASK, "服务妇女发展", "培训妇女100人次", "培训人次", "人次", "COUNT", "100", due);
            s.allocate(TASK, CITY, "100", due);
            s.allocate(TASK, GULOU, "60", due);
            s.allocate(TASK, GUDONG, "30", due);

            // the same key puts all three on one partition, the poison between the two events
            s.recorded("b1", GUDONG, toward(TASK, GUDONG, "5"));
            bus.send(Topics.ACTIVITY, "b1", "{\"eventId\": " + marker + " not json");
            s.amended("b1", GUDONG, toward(TASK, GUDONG, "2"));
            bus.awaitCaughtUp(List.of(Topics.PLANNING, Topics.ACTIVITY));

            for (String unit : List.of(GUDONG, GULOU, CITY)) {
                assertThat(dashboard(unit).at("/tasks/0/actual").decimalValue())
                        .as("actual of %s", unit)
                        .isEqualByComparingTo("7");
            }
            assertThat(deadLetters(marker))
                    .as("the poison in the dead-letter topic")
                    .hasSize(1);
        }
    }

    private List<String> deadLetters(String marker) {
        List<String> found = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.ACTIVITY)));
            Eventually.within(Duration.ofSeconds(30), "the poison in the dead-letter topic", () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && r.value().contains(marker)) {
                        found.add(r.value());
                    }
                });
                return !found.isEmpty();
            });
            // anything sent twice would be there by now
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> {
                if (r.value() != null && r.value().contains(marker)) {
                    found.add(r.value());
                }
            });
        }
        return found;
    }

    private JsonNode dashboard(String unit) throws Exception {
        return Dashboards.leaderView(mvc, codec, unit, YEAR);
    }
}
