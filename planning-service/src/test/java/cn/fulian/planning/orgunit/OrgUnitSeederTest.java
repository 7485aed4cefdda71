package cn.fulian.planning.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.starter.test.Eventually;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A federation other than the demo city: 清溪县, a county that is the root of its own tree, registered on the first
 * start from the file {@code fulian.federation.tree} points at, checked as an import is. The demo plan is for 福州市
 * only and stays away.
 */
@ServiceTest
@TestPropertySource(
        properties = {
            "fulian.federation.tree=file:../infra/federations/qingxi/org-units.yaml",
            "fulian.federation.demo=true"
        })
class OrgUnitSeederTest {

    private static final RequestPostProcessor ADMIN = TestTokens.user("qingxi-admin", "350199", "admin");

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnitService service;

    @Test
    void aCountyFederationsTreeIsRegisteredFromTheConfiguredFileWithItsTypesAndGivenCodes() throws Exception {
        String all = mvc.perform(get("/api/planning/org-units?size=200").with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> codes = JsonPath.read(all, "$.items[*].code");
        assertThat(codes)
                .as("the file's 19 units (another test may have added some since)")
                .contains(
                        "350199",
                        "350199001",
                        "350199001001",
                        "350199001002",
                        "350199001003",
                        "350199100",
                        "350199100201",
                        "350199100202",
                        "350199100-001",
                        "350199101",
                        "350199101201",
                        "350199101202",
                        "350199101203",
                        "350199200",
                        "350199200201",
                        "350199200202",
                        "350199-001",
                        "350199-002",
                        "350199-003");
        List<Map<String, Object>> units = JsonPath.read(all, "$.items");
        assertThat(units).allSatisfy(u -> assertThat((String) u.get("path")).startsWith("350199"));

        unit("350199")
                .andExpect(jsonPath("$.type").value("COUNTY"))
                .andExpect(jsonPath("$.label").value("清溪县妇联"))
                .andExpect(jsonPath("$.parentCode").doesNotExist());
        unit("350199001001")
                .andExpect(jsonPath("$.type").value("COMMUNITY"))
                .andExpect(jsonPath("$.path").value("350199/350199001/350199001001"));
        unit("350199200")
                .andExpect(jsonPath("$.type").value("TOWNSHIP"))
                .andExpect(jsonPath("$.label").value("白云乡妇联"));
        unit("350199-001")
                .andExpect(jsonPath("$.type").value("ORGAN"))
                .andExpect(jsonPath("$.label").value("县直机关妇委会"));
        unit("350199-002").andExpect(jsonPath("$.type").value("NEW_ORG"));
        unit("350199-003")
                .andExpect(jsonPath("$.type").value("SOCIAL_ORG"))
                .andExpect(jsonPath("$.label").value("清溪县巾帼志愿者协会"));
        unit("350199100-001")
                .andExpect(jsonPath("$.type").value("ENTERPRISE"))
                .andExpect(jsonPath("$.path").value("350199/350199100/350199100-001"));
        unit("350199100/history")
                .andExpect(jsonPath("$.items[0].kind").value("ADDED"))
                .andExpect(jsonPath("$.items[0].by").value(OrgUnitService.SYSTEM));
    }

    @Test
    void theCountysTreeKeepsTheCodeRulesAndTheDemoPlanStaysAway() throws Exception {
        add("{\"parentCode\":\"350199\",\"code\":\"350199102\",\"name\":\"新溪镇\",\"type\":\"TOWN\"}")
                .andExpect(status().isCreated());
        add("{\"parentCode\":\"350199\",\"code\":\"350104\",\"name\":\"仓山区\",\"type\":\"DISTRICT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        add("{\"parentCode\":\"350199100\",\"code\":\"350199101203\",\"name\":\"溪口村\",\"type\":\"VILLAGE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        add("{\"parentCode\":\"350199\",\"name\":\"县妇女儿童发展中心\",\"type\":\"SOCIAL_ORG\"}")
                .andExpect(jsonPath("$.code").value("350199-004"));
        mvc.perform(post("/api/planning/org-units/350199/retire").with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能撤销本级根单位")));

        mvc.perform(get("/api/planning/plans").with(TestTokens.user("qingxi-staff", "350199", "city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void meNamesTheCountyByItsTypeOnceTheRegistryCopyHasIt() throws Exception {
        RequestPostProcessor staff = TestTokens.user("qingxi-staff", "350199", "city");
        Eventually.within(Duration.ofSeconds(20), "registry copied", () -> {
            try {
                return "COUNTY"
                        .equals(JsonPath.read(
                                mvc.perform(get("/api/planning/me").with(staff))
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.unitType"));
            } catch (Exception e) {
                return false;
            }
        });
        mvc.perform(get("/api/planning/me").with(staff))
                .andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.levelLabel").value("县妇联"))
                .andExpect(jsonPath("$.unitTypeLabel").value("县"))
                .andExpect(jsonPath("$.unitName").value("清溪县"));
    }

    @Test
    void aTreeFileWithErrorsListsEachBadRowAndRegistersNothing() {
        String yaml = """
                code: "350199"
                name: 清溪县
                type: COUNTY
                children:
                  - { code: "350199103", name: "", type: TOWN }
                  - { code: "350104", name: 仓山区, type: DISTRICT }
                  - { code: "350199104", name: 东溪镇, type: TOWN }
                """;
        ByteArrayResource file = new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "qingxi.yaml";
            }
        };
        assertThatThrownBy(() -> OrgUnitSeeder.seed(service, file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("row 5 name")
                .hasMessageContaining("row 6 code");
        assertThat(service.find(cn.fulian.starter.scope.OrgPath.of("350199/350199104")))
                .isEmpty();
    }

    @Test
    void aTreeWhoseTopUnitIsNotTheRootTheSettingsNameIsRefused() {
        ByteArrayResource file =
                new ByteArrayResource("code: \"350198\"\nname: 另一县\ntype: COUNTY\n".getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return "other.yaml";
                    }
                };
        assertThatThrownBy(() -> OrgUnitSeeder.seed(service, file, "350199"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("top unit 350198")
                .hasMessageContaining("name the root 350199");
        assertThat(service.find(cn.fulian.starter.scope.OrgPath.of("350198"))).isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions unit(String code) throws Exception {
        return mvc.perform(get("/api/planning/org-units/" + code).with(ADMIN)).andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions add(String json) throws Exception {
        return mvc.perform(post("/api/planning/org-units")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
