package cn.fulian.planning;

import static cn.fulian.starter.test.TestTokens.admin;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.leader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.Topics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Admins keep the tree: add units of every type (codes checked against the parent's division, or given by the
 * platform), rename, move with everything below, retire; all within their own subtree, every change published and kept
 * in the unit's history. Each test builds its own units under a county of the demo city that no other test touches.
 */
@ServiceTest
class OrgUnitMaintenanceTest {

    private static final String UNITS = "/api/planning/org-units";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    PlanningApi api;

    @BeforeEach
    void api() {
        api = new PlanningApi(mvc);
    }

    @Test
    void aUnitOfEachKindIsAddedWithItsTypeAndLabel() throws Exception {
        add(admin(), "350125", "350125101", "城峰镇", "TOWN")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.path").value("350100/350125/350125101"))
                .andExpect(jsonPath("$.type").value("TOWN"))
                .andExpect(jsonPath("$.typeLabel").value("镇"))
                .andExpect(jsonPath("$.label").value("城峰镇妇联"))
                .andExpect(jsonPath("$.level").value("TOWNSHIP"));
        add(admin(), "350125101", "350125101201", "太原村", "村")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("VILLAGE"));
        api.get(UNITS + "/350125", cityStaff())
                .andExpect(jsonPath("$.type").value("COUNTY"))
                .andExpect(jsonPath("$.label").value("永泰县妇联"));
    }

    @Test
    void aUnitThatIsNotADivisionGetsItsParentsCodeAndTheNextSequence() throws Exception {
        add(admin(), "350125", null, "县直机关", "ORGAN")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("350125-001"))
                .andExpect(jsonPath("$.label").value("县直机关妇委会"))
                .andExpect(jsonPath("$.path").value("350100/350125/350125-001"));
        add(admin(), "350125", "", "县两新组织妇联", "两新组织")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("350125-002"))
                .andExpect(jsonPath("$.label").value("县两新组织妇联"));
        add(admin(), "350125-001", null, "县委办公室", "ORGAN")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("350125-001-001"));
        add(admin(), "350125", "350125-009", "县妇女儿童发展促进会", "SOCIAL_ORG")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("350125-009"));
        add(admin(), "350125", null, "县女企业家协会", "SOCIAL_ORG")
                .andExpect(jsonPath("$.code").value("350125-010"));
    }

    @Test
    void aCodeMustFitTheParentsDivisionAndTheUnitsType() throws Exception {
        add(admin(), "350128", "350104", "仓山区", "DISTRICT")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("350128")));
        add(admin(), "350100", "350121901", "错误县", "COUNTY")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        add(admin(), "350128", null, "平潭某镇", "TOWN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        add(admin(), "350128", "350128-001-01", "格式错误", "ORGAN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        add(admin(), "350128", "350128101", "平潭某镇", "星系")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        // a community straight under a district, as long as its code lies within the district
        add(admin(), "350103", "350103001099", "台江测试社区", "COMMUNITY").andExpect(status().isCreated());
        add(admin(), "350103", "350102001099", "鼓楼测试社区", "COMMUNITY")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void aMoveRewritesThePathOfTheUnitAndEveryUnitBelowItAndPublishesEach() throws Exception {
        add(admin(), "350124", "350124101", "白樟镇", "TOWN").andExpect(status().isCreated());
        add(admin(), "350124101", "350124101201", "白樟村", "VILLAGE").andExpect(status().isCreated());
        add(admin(), "350124101", "350124101202", "云渡村", "VILLAGE").andExpect(status().isCreated());
        add(admin(), "350124101201", null, "白樟村茶厂", "ENTERPRISE")
                .andExpect(jsonPath("$.code").value("350124101201-001"));

        api.post(UNITS + "/350124101/move", admin(), "{\"parentCode\":\"350100\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.path").value("350100/350124101"))
                .andExpect(jsonPath("$.parentCode").value("350100"));
        api.get(UNITS + "/350124101201-001", admin())
                .andExpect(jsonPath("$.path").value("350100/350124101/350124101201/350124101201-001"));
        api.get(UNITS + "/350124/children", admin())
                .andExpect(jsonPath("$.length()").value(0));
        api.get(UNITS + "/350124101/children", admin())
                .andExpect(jsonPath("$.length()").value(2));

        Set<String> moved = Set.of("350124101", "350124101201", "350124101202", "350124101201-001");
        List<TopicReader.Published> events = TopicReader.read(
                broker,
                Topics.ORG_UNITS,
                e -> moved.contains(e.aggregateId()) && e.orgPath().startsWith("350100/350124101"),
                4);
        assertThat(events).hasSize(4);
        Map<String, String> paths = events.stream()
                .collect(Collectors.toMap(
                        TopicReader.Published::key,
                        p -> new cn.fulian.events.EventCodec()
                                .payload(p.envelope(), OrgUnitChanged.class)
                                .path()));
        assertThat(paths)
                .containsEntry("350124101", "350100/350124101")
                .containsEntry("350124101202", "350100/350124101/350124101202")
                .containsEntry("350124101201-001", "350100/350124101/350124101201/350124101201-001");
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsOwnUnitsNorOutOfItsDivision() throws Exception {
        add(admin(), "350123", "350123101", "凤山镇", "TOWN").andExpect(status().isCreated());
        add(admin(), "350123101", "350123101201", "凤山村", "VILLAGE").andExpect(status().isCreated());

        for (String parent : new String[] {"350123101", "350123101201"}) {
            api.post(UNITS + "/350123101/move", admin(), "{\"parentCode\":\"" + parent + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        }
        api.post(UNITS + "/350123101/move", admin(), "{\"parentCode\":\"350102\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        api.post(UNITS + "/350100/move", admin(), "{\"parentCode\":\"350123\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        api.get(UNITS + "/350123101", admin()).andExpect(jsonPath("$.path").value("350100/350123/350123101"));
    }

    @Test
    void theRootIsNeverRetiredAndAUnitWithActiveUnitsBelowNamesThem() throws Exception {
        api.post(UNITS + "/350100/retire", admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能撤销本级根单位")));
        RequestPostProcessor minhouAdmin = TestTokens.user("minhou-admin", "350100/350121", "admin");
        api.post(UNITS + "/350121/retire", minhouAdmin)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能撤销本级根单位")));

        add(admin(), "350121", "350121101", "甘蔗镇", "TOWN").andExpect(status().isCreated());
        add(admin(), "350121101", "350121101201", "甘蔗村", "VILLAGE").andExpect(status().isCreated());
        add(admin(), "350121101", "350121101202", "昙石村", "VILLAGE").andExpect(status().isCreated());
        api.post(UNITS + "/350121101201/retire", admin()).andExpect(status().isOk());
        api.post(UNITS + "/350121101/retire", admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("昙石村")))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("甘蔗村"))));
        api.post(UNITS + "/350121101202/retire", admin()).andExpect(status().isOk());
        api.post(UNITS + "/350121101/retire", admin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));
    }

    @Test
    void aUnitWithOpenAssignmentsIsNotRetiredAndTheRefusalNamesThem() throws Exception {
        add(admin(), "350122", "350122101", "凤城镇", "TOWN").andExpect(status().isCreated());
        RequestPostProcessor town = TestTokens.user("fengcheng-staff", "350100/350122/350122101", "township");
        List<Integer> years = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            years.add(PlanningApi.freshYear());
            api.publishedPlan(town, years.get(i));
        }
        api.post(UNITS + "/350122101/retire", admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("还有12项未完成的任务")))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("新建巾帼示范村100个（" + years.get(0) + "年）")))
                .andExpect(r -> {
                    String detail = JsonPath.read(r.getResponse().getContentAsString(), "$.detail");
                    String chinese = detail.substring(0, detail.indexOf(" / "));
                    assertThat(chinese.split("年）", -1))
                            .as("ten named, not twelve")
                            .hasSize(11);
                });

        // closing a plan completes its work: once every plan is closed, the unit may go
        for (int year : years) {
            api.post("/api/planning/plans/plan-350122101-" + year + "/close", town)
                    .andExpect(status().isOk());
        }
        api.post(UNITS + "/350122101/retire", admin()).andExpect(status().isOk());
    }

    @Test
    void anAdminKeepsOnlyItsOwnSubtreeAndOthersMayOnlyRead() throws Exception {
        RequestPostProcessor minhouAdmin = TestTokens.user("minhou-admin", "350100/350121", "admin");
        add(minhouAdmin, "350121", "350121102", "上街镇", "TOWN").andExpect(status().isCreated());
        add(minhouAdmin, "350104", "350104999", "仓山某街道", "SUBDISTRICT").andExpect(status().isNotFound());
        api.put(UNITS + "/350102/name", minhouAdmin, "{\"name\":\"改名\"}").andExpect(status().isNotFound());
        api.post(UNITS + "/350102001/retire", minhouAdmin).andExpect(status().isNotFound());
        api.post(UNITS + "/350121102/move", minhouAdmin, "{\"parentCode\":\"350100\"}")
                .andExpect(status().isNotFound());
        api.get(UNITS + "/350102/history", minhouAdmin).andExpect(status().isNotFound());

        for (RequestPostProcessor reader : List.of(cityStaff(), leader())) {
            add(reader, "350121", "350121103", "南屿镇", "TOWN").andExpect(status().isForbidden());
            api.put(UNITS + "/350121102/name", reader, "{\"name\":\"改名\"}").andExpect(status().isForbidden());
            api.post(UNITS + "/350121102/move", reader, "{\"parentCode\":\"350100\"}")
                    .andExpect(status().isForbidden());
            api.post(UNITS + "/350121102/retire", reader).andExpect(status().isForbidden());
            api.get(UNITS + "/350121102/history", reader).andExpect(status().isOk());
        }
    }

    @Test
    void everyChangeIsKeptInTheUnitsHistoryNewestFirst() throws Exception {
        RequestPostProcessor minhouAdmin = TestTokens.user("minhou-admin", "350100/350121", "admin");
        add(minhouAdmin, "350121", "350121104", "青口镇", "TOWN").andExpect(status().isCreated());
        add(minhouAdmin, "350121104", "350121104201", "青口村", "VILLAGE").andExpect(status().isCreated());
        api.put(UNITS + "/350121104201/name", minhouAdmin, "{\"name\":\"青口社区\"}")
                .andExpect(status().isOk());
        api.post(UNITS + "/350121104201/move", admin(), "{\"parentCode\":\"350121\"}")
                .andExpect(status().isOk());
        api.post(UNITS + "/350121104201/retire", minhouAdmin).andExpect(status().isOk());

        api.get(UNITS + "/350121104201/history", cityStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].kind")
                        .value(org.hamcrest.Matchers.contains("RETIRED", "MOVED", "RENAMED", "ADDED")))
                .andExpect(jsonPath("$.items[*].by")
                        .value(org.hamcrest.Matchers.contains("minhou-admin", "admin", "minhou-admin", "minhou-admin")))
                .andExpect(jsonPath("$.items[2].before.name").value("青口村"))
                .andExpect(jsonPath("$.items[2].after.name").value("青口社区"))
                .andExpect(jsonPath("$.items[1].before.path").value("350100/350121/350121104/350121104201"))
                .andExpect(jsonPath("$.items[1].after.path").value("350100/350121/350121104201"))
                .andExpect(jsonPath("$.items[1].after.parentCode").value("350121"))
                .andExpect(jsonPath("$.items[0].before.retired").value(false))
                .andExpect(jsonPath("$.items[0].after.retired").value(true))
                .andExpect(r -> assertThat(
                                JsonPath.<Object>read(r.getResponse().getContentAsString(), "$.items[3].before"))
                        .isNull());
        api.get(UNITS + "/350121104201/history?size=1&page=1", cityStaff())
                .andExpect(jsonPath("$.items[0].kind").value("MOVED"))
                .andExpect(jsonPath("$.total").value(4));
        org.bson.Document stored = mongo.findById("350121104201", org.bson.Document.class, "org_units");
        assertThat(stored.getBoolean("historyPending"))
                .as("nothing left to copy to the history")
                .isFalse();
        assertThat(stored.getList("pendingChanges", Object.class)).isEmpty();
    }

    private ResultActions add(RequestPostProcessor user, String parent, String code, String name, String type)
            throws Exception {
        String codeField = code == null ? "" : "\"code\":\"" + code + "\",";
        return api.post(
                UNITS,
                user,
                "{\"parentCode\":\"" + parent + "\"," + codeField + "\"name\":\"" + name + "\",\"type\":\"" + type
                        + "\"}");
    }
}
