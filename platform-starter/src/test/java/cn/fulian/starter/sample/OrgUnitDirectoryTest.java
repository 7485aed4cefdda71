package cn.fulian.starter.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.events.orgunit.UnitType;
import cn.fulian.starter.consumer.ExactConsumer;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.orgunit.OrgUnitDirectory.Registry;
import cn.fulian.starter.orgunit.OrgUnitInfo;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

@ServiceTest
class OrgUnitDirectoryTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OrgUnitDirectory directory;

    @Autowired
    EventCodec codec;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ExactConsumer consumer;

    @Test
    void theLocalCopyFollowsTheRegistryTopicIncludingRenamesRetirementAndTypes() {
        publish(new OrgUnitChanged("350100", "福州市", "CITY", null, "350100", false));
        publish(new OrgUnitChanged("350121", "闽侯县", "DISTRICT", "350100", "350100/350121", false));
        publish(new OrgUnitChanged("350121001", "甘蔗街道", "TOWNSHIP", "350121", "350100/350121/350121001", false));
        publish(new OrgUnitChanged("350121002", "上街镇", "TOWNSHIP", "350121", "350100/350121/350121002", false));
        publish(new OrgUnitChanged("350121002", "上街镇(大学城)", "TOWNSHIP", "350121", "350100/350121/350121002", false));
        publish(new OrgUnitChanged("350121001", "甘蔗街道", "TOWNSHIP", "350121", "350100/350121/350121001", true));
        publish(new OrgUnitChanged(
                "350121-001", "县直机关", "TOWNSHIP", "350121", "350100/350121/350121-001", false, "ORGAN"));

        OrgPath minhou = OrgPath.of("350100/350121");
        Eventually.within(
                Duration.ofSeconds(20),
                "registry copied",
                () -> directory.children(minhou).size() == 2
                        && directory.nameOf(minhou.child("350121002")).equals("上街镇(大学城)"));

        assertThat(directory.nameOf(minhou)).isEqualTo("闽侯县");
        assertThat(directory.children(minhou)).extracting(OrgUnitInfo::code).containsExactly("350121-001", "350121002");
        assertThat(directory.find(minhou.child("350121-001"))).hasValueSatisfying(u -> {
            assertThat(u.unitType()).isEqualTo(UnitType.ORGAN);
            assertThat(u.displayLabel()).isEqualTo("县直机关妇委会");
        });
        assertThat(directory.find(minhou))
                .hasValueSatisfying(u -> assertThat(u.unitType())
                        .as("a unit published by its level only")
                        .isEqualTo(UnitType.DISTRICT));
        assertThat(directory.find(minhou.child("350121001")))
                .hasValueSatisfying(u -> assertThat(u.retired()).isTrue());
        assertThat(directory.nameOf(OrgPath.of("350100/350199"))).isEqualTo("350199");
    }

    @Test
    void theCopyIsReadOnceAndReadAgainOnlyAfterAChangeAppliedByAnyInstance() {
        OrgPath lianjiang = OrgPath.of("350100/350122");
        publish(new OrgUnitChanged("350122", "连江县", "DISTRICT", "350100", lianjiang.value(), false));
        Eventually.within(
                Duration.ofSeconds(20),
                "unit copied",
                () -> directory.find(lianjiang).isPresent());

        Registry read = directory.registry();
        assertThat(directory.registry())
                .as("nothing changed: the copy is not read again")
                .isSameAs(read);

        // another instance of the service, which applies no event itself
        OrgUnitDirectory otherInstance = new OrgUnitDirectory(mongo, consumer);
        assertThat(otherInstance.nameOf(lianjiang)).isEqualTo("连江县");
        publish(new OrgUnitChanged("350122", "连江县(新)", "DISTRICT", "350100", lianjiang.value(), false));
        Eventually.within(
                Duration.ofSeconds(20),
                "the rename seen by the instance that did not apply it",
                () -> otherInstance.nameOf(lianjiang).equals("连江县(新)"));
        assertThat(directory.registry()).isNotSameAs(read);
        assertThat(read.nameOf(lianjiang))
                .as("a registry read earlier stays as it was")
                .isEqualTo("连江县");
    }

    @Test
    void meNamesTheTypeOfTheCallersUnitOnceTheRegistryIsCopied() throws Exception {
        String organ = "350100/350122/350122-001";
        mvc.perform(get("/api/sample/me").with(TestTokens.user("lianjiang-organ", organ, "township")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("TOWNSHIP"))
                .andExpect(jsonPath("$.levelLabel").value("乡镇/街道妇联"))
                .andExpect(jsonPath("$.unitType").doesNotExist());

        publish(new OrgUnitChanged("350122-001", "县直机关", "TOWNSHIP", "350122", organ, false, "ORGAN"));
        Eventually.within(
                Duration.ofSeconds(20),
                "unit copied",
                () -> directory.find(OrgPath.of(organ)).isPresent());

        mvc.perform(get("/api/sample/me").with(TestTokens.user("lianjiang-organ", organ, "township")))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"))
                .andExpect(jsonPath("$.levelLabel").value("机关妇委会"))
                .andExpect(jsonPath("$.unitType").value("ORGAN"))
                .andExpect(jsonPath("$.unitTypeLabel").value("机关"))
                .andExpect(jsonPath("$.unitName").value("县直机关"));
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
