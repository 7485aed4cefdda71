package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@ServiceTest
class OrgUnitDirectoryTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OrgUnitDirectory directory;

    @Autowired
    EventCodec codec;

    @Test
    void theLocalCopyFollowsTheRegistryTopicIncludingRenamesAndRetirement() {
        publish(new OrgUnitChanged("350100", "福州市", "CITY", null, "350100", false));
        publish(new OrgUnitChanged("350121", "闽侯县", "DISTRICT", "350100", "350100/350121", false));
        publish(new OrgUnitChanged("350121001", "甘蔗街道", "TOWNSHIP", "350121", "350100/350121/350121001", false));
        publish(new OrgUnitChanged("350121002", "上街镇", "TOWNSHIP", "350121", "350100/350121/350121002", false));
        publish(new OrgUnitChanged("350121002", "上街镇(大学城)", "TOWNSHIP", "350121", "350100/350121/350121002", false));
        publish(new OrgUnitChanged("350121001", "甘蔗街道", "TOWNSHIP", "350121", "350100/350121/350121001", true));

        OrgPath minhou = OrgPath.of("350100/350121");
        Eventually.within(
                Duration.ofSeconds(20),
                "registry copied",
                () -> directory.children(minhou).size() == 1
                        && directory.nameOf(minhou.child("350121002")).equals("上街镇(大学城)"));

        assertThat(directory.nameOf(minhou)).isEqualTo("闽侯县");
        assertThat(directory.children(minhou)).extracting(OrgUnitInfo::code).containsExactly("350121002");
        assertThat(directory.find(minhou.child("350121001")))
                .hasValueSatisfying(u -> assertThat(u.retired()).isTrue());
        assertThat(directory.nameOf(OrgPath.of("350100/350199"))).isEqualTo("350199");
    }

    private void publish(OrgUnitChanged unit) {
        try (KafkaProducer<String, String> producer = KafkaProbe.producer(broker)) {
            KafkaProbe.send(
                    producer,
                    Topics.ORG_UNITS,
                    unit.code(),
                    codec.toJson(codec.wrap(unit, "planning-service", unit.path(), unit.code(), Instant.now())));
        }
    }
}
