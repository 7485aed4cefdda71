package cn.fulian.activity.evidence;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.activity.support.Api.training;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.support.Api;
import cn.fulian.activity.support.Files;
import cn.fulian.starter.test.ServiceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@ServiceTest
class EvidenceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    String activityId;

    @BeforeEach
    void activity() throws Exception {
        activityId = Api.record(mvc, gudongStaff(), training("佐证测试-" + UUID.randomUUID(), 50, 40))
                .get("id")
                .asString();
    }

    @Test
    void eachAcceptedKindIsStoredAndDownloadedByTheParentUnitByteForByte() throws Exception {
        Map<String, byte[]> files = Map.of(
                "现场照片.jpg", Files.jpg(),
                "合影.png", Files.png(),
                "签到表.pdf", Files.pdf(),
                "活动方案.docx", Files.docx(),
                "签到统计.xlsx", Files.xlsx());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            JsonNode uploaded = json(upload(f.getKey(), f.getValue())
                    .andExpect(status().isCreated())
                    .andReturn());
            String fileId = uploaded.get("fileId").asString();
            assertThat(uploaded.get("size").asLong()).isEqualTo(f.getValue().length);

            MvcResult download = mvc.perform(
                            get(BASE + "/" + activityId + "/evidence/" + fileId).with(gulouStaff()))
                    .andExpect(status().isOk())
                    .andReturn();
            assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(f.getValue());
            assertThat(download.getResponse().getContentType())
                    .isEqualTo(uploaded.get("contentType").asString());
            assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment");
        }
        JsonNode activity = json(
                mvc.perform(get(BASE + "/" + activityId).with(gudongStaff())).andReturn());
        assertThat(activity.get("evidence").findValuesAsString("kind"))
                .containsExactlyInAnyOrder("JPG", "PNG", "PDF", "DOCX", "XLSX");
        assertThat(storedFiles()).isEqualTo(5);
    }

    @Test
    void aRenamedExecutableIsRefusedByItsContent() throws Exception {
        JsonNode problem = json(upload("签到表.pdf", Files.exe())
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("不支持的文件类型");
        assertNothingStored();
    }

    @Test
    void aZipThatIsNotAnOfficeFileIsRefusedEvenNamedDocx() throws Exception {
        upload("活动方案.docx", Files.plainZip()).andExpect(status().isBadRequest());
        assertNothingStored();
    }

    @Test
    void anExtensionThatContradictsTheContentIsRefused() throws Exception {
        JsonNode problem = json(upload("签到表.pdf", Files.png())
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("与文件内容(PNG图片)不符");
        assertNothingStored();
    }

    @Test
    void aFileOverTenMegabytesIsRefusedWith413() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Files.pdf(), 0, big, 0, Files.pdf().length);
        JsonNode problem = json(
                upload("大文件.pdf", big).andExpect(status().isPayloadTooLarge()).andReturn());
        assertThat(problem.get("title").asString()).contains("文件过大");
        assertThat(problem.get("detail").asString()).contains("10MB");
        assertThat(problem.get("field").asString()).isEqualTo("file");
        assertNothingStored();
    }

    @Test
    void anEmptyFileOrNoFileAtAllIsRefused() throws Exception {
        upload("空.pdf", new byte[0]).andExpect(status().isBadRequest());
        JsonNode problem = json(
                mvc.perform(multipart(BASE + "/" + activityId + "/evidence").with(gudongStaff()))
                        .andExpect(status().isBadRequest())
                        .andReturn());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertNothingStored();
    }

    @Test
    void removingEvidenceDeletesTheStoredBytes() throws Exception {
        String fileId =
                json(upload("签到表.pdf", Files.pdf()).andReturn()).get("fileId").asString();
        assertThat(storedFiles()).isEqualTo(1);
        mvc.perform(delete(BASE + "/" + activityId + "/evidence/" + fileId).with(gudongStaff()))
                .andExpect(status().isNoContent());
        assertThat(storedFiles()).isZero();
        mvc.perform(get(BASE + "/" + activityId + "/evidence/" + fileId).with(gudongStaff()))
                .andExpect(status().isNotFound());
    }

    private org.springframework.test.web.servlet.ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart(BASE + "/" + activityId + "/evidence")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(gudongStaff()));
    }

    private long storedFiles() {
        return mongo.count(Query.query(Criteria.where("metadata.activityId").is(activityId)), "fs.files");
    }

    private void assertNothingStored() throws Exception {
        JsonNode activity = json(
                mvc.perform(get(BASE + "/" + activityId).with(gudongStaff())).andReturn());
        assertThat(activity.get("evidence")).isEmpty();
        assertThat(storedFiles()).isZero();
    }
}
