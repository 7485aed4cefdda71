package cn.fulian.rights.support;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Publishes the demo org tree to the registry topic once, as planning-service would, and waits for the local copy. */
public final class DemoUnits {

    private static volatile boolean published;

    private static final List<OrgUnitChanged> UNITS = List.of(
            new OrgUnitChanged("350100", "福州市", "CITY", null, "350100", false),
            new OrgUnitChanged("350102", "鼓楼区", "DISTRICT", "350100", Tokens.GULOU, false),
            new OrgUnitChanged("350102001", "鼓东街道", "TOWNSHIP", "350102", Tokens.GUDONG, false),
            new OrgUnitChanged("350102002", "鼓西街道", "TOWNSHIP", "350102", Tokens.GUXI, false),
            new OrgUnitChanged("350102009", "已撤销街道", "TOWNSHIP", "350102", "350100/350102/350102009", true),
            new OrgUnitChanged("350104", "仓山区", "DISTRICT", "350100", Tokens.CANGSHAN, false),
            new OrgUnitChanged("350104001", "仓前街道", "TOWNSHIP", "350104", Tokens.CANGQIAN, false));

    private DemoUnits() {}

    public static synchronized void ensure(EmbeddedKafkaBroker broker, OrgUnitDirectory directory) {
        if (published) {
            return;
        }
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (OrgUnitChanged u : UNITS) {
                producer.send(new ProducerRecord<>(
                                Topics.ORG_UNITS,
                                u.code(),
                                codec.toJson(codec.wrap(u, "planning-service", u.path(), u.code(), Instant.now()))))
                        .get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Eventually.within(
                Duration.ofSeconds(30),
                "org units copied",
                () -> directory.find(OrgPath.of(Tokens.CANGQIAN)).isPresent()
                        && directory.find(OrgPath.of("350100/350102/350102009")).isPresent());
        published = true;
    }
}
