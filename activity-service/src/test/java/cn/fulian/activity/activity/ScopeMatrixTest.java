package cn.fulian.activity.activity;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.amendmentOf;
import static cn.fulian.activity.support.Api.body;
import static cn.fulian.activity.support.Api.ifMatch;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.activity.support.Api.training;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static cn.fulian.starter.test.TestTokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.fulian.activity.support.Api;
import cn.fulian.activity.support.Files;
import cn.fulian.activity.support.Planning;
import cn.fulian.starter.test.ServiceTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what with an activity of 鼓东街道 (a township) and one of 鼓楼区 (its district): the recording unit does
 * everything; units above read; siblings, other districts and units below see nothing (404).
 */
@ServiceTest
class ScopeMatrixTest {

    static final RequestPostProcessor GUXI = user("guxi-staff", Planning.GUXI, "township");

    @Autowired
    MockMvc mvc;

    /** One row of the matrix: the status each action answers; 0 = the list does not show it. */
    record Expect(
            String who, RequestPostProcessor token, boolean listed, int get, int download, int amend, int voids) {}

    @Test
    void townshipActivityIsChangedOnlyByItsUnitReadByItsParentsAndInvisibleToOthers() throws Exception {
        check(
                gudongStaff(),
                List.of(
                        new Expect("parent 鼓楼区", gulouStaff(), true, 200, 200, 403, 403),
                        new Expect("grandparent 福州市", cityStaff(), true, 200, 200, 403, 403),
                        new Expect("sibling 鼓西街道", GUXI, false, 404, 404, 404, 404),
                        new Expect("other district 仓山区", cangshanStaff(), false, 404, 404, 404, 404),
                        new Expect("own 鼓东街道", gudongStaff(), true, 200, 200, 200, 200)));
    }

    @Test
    void districtActivityIsInvisibleToItsChildTownshipAndToOtherDistricts() throws Exception {
        check(
                gulouStaff(),
                List.of(
                        new Expect("child 鼓东街道", gudongStaff(), false, 404, 404, 404, 404),
                        new Expect("sibling 仓山区", cangshanStaff(), false, 404, 404, 404, 404),
                        new Expect("parent 福州市", cityStaff(), true, 200, 200, 403, 403),
                        new Expect("own 鼓楼区", gulouStaff(), true, 200, 200, 200, 200)));
    }

    @Test
    void onlyTheRecordingUnitAttachesOrRemovesEvidence() throws Exception {
        JsonNode a = Api.record(mvc, gudongStaff(), training("佐证权限-" + UUID.randomUUID(), 20, 10));
        String id = a.get("id").asString();
        MockMultipartFile file = new MockMultipartFile("file", "签到表.pdf", "application/pdf", Files.pdf());
        assertThat(status(multipart(BASE + "/" + id + "/evidence").file(file).with(gulouStaff())))
                .isEqualTo(403);
        assertThat(status(multipart(BASE + "/" + id + "/evidence").file(file).with(GUXI)))
                .isEqualTo(404);
        JsonNode uploaded = json(
                mvc.perform(multipart(BASE + "/" + id + "/evidence").file(file).with(gudongStaff()))
                        .andReturn());
        String fileId = uploaded.get("fileId").asString();
        assertThat(status(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                BASE + "/" + id + "/evidence/" + fileId)
                        .with(gulouStaff())))
                .isEqualTo(403);
        JsonNode now =
                json(mvc.perform(get(BASE + "/" + id).with(gudongStaff())).andReturn());
        assertThat(now.get("evidence")).hasSize(1);
    }

    private void check(RequestPostProcessor recorder, List<Expect> rows) throws Exception {
        String title = "权限矩阵-" + UUID.randomUUID();
        JsonNode a = Api.record(mvc, recorder, training(title, 40, 30));
        String id = a.get("id").asString();
        JsonNode uploaded = json(mvc.perform(multipart(BASE + "/" + id + "/evidence")
                        .file(new MockMultipartFile("file", "现场照片.png", "image/png", Files.png()))
                        .with(recorder))
                .andReturn());
        String fileId = uploaded.get("fileId").asString();
        List<String> mismatches = new ArrayList<>();
        for (Expect e : rows) {
            JsonNode current =
                    json(mvc.perform(get(BASE + "/" + id).with(recorder)).andReturn());
            Map<String, Object> actual = new LinkedHashMap<>();
            actual.put("listed", listed(e.token(), title));
            actual.put("get", status(get(BASE + "/" + id).with(e.token())));
            actual.put(
                    "download",
                    status(get(BASE + "/" + id + "/evidence/" + fileId).with(e.token())));
            Map<String, Object> amend = amendmentOf(current, "矩阵修改");
            amend.put("title", title);
            actual.put(
                    "amend",
                    status(put(BASE + "/" + id)
                            .with(e.token())
                            .header("If-Match", ifMatch(current))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(amend))));
            current = json(mvc.perform(get(BASE + "/" + id).with(recorder)).andReturn());
            actual.put(
                    "void",
                    status(post(BASE + "/" + id + "/void")
                            .with(e.token())
                            .header("If-Match", ifMatch(current))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body(Map.of("reason", "矩阵作废")))));
            Map<String, Object> expected = Map.of(
                    "listed", e.listed(),
                    "get", e.get(),
                    "download", e.download(),
                    "amend", e.amend(),
                    "void", e.voids());
            if (!expected.equals(Map.copyOf(actual))) {
                mismatches.add(e.who() + " expected " + expected + " but was " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
        JsonNode end = json(mvc.perform(get(BASE + "/" + id).with(recorder)).andReturn());
        assertThat(end.get("status").asString()).isEqualTo("VOIDED");
        assertThat(end.get("amendments").get(0).get("by").asString())
                .isEqualTo(end.get("recordedBy").asString());
    }

    private boolean listed(RequestPostProcessor token, String title) throws Exception {
        return Api.countTitled(mvc, token, title) > 0;
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
