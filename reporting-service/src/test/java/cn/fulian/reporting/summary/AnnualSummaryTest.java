package cn.fulian.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.reporting.support.MutableClock;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.SmallYear;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The annual summary draft: the federation's phrasing, only recorded and approved figures, each with its source. */
@ReportingTest
class AnnualSummaryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboxRelay relay;

    @BeforeEach
    void year() throws Exception {
        SmallYear.ensure(broker, codec, mvc, clock, relay);
    }

    @Test
    void theDraftStatesRecordedAndApprovedFiguresByWorkAreaEachWithItsSource() throws Exception {
        JsonNode draft = draft(Units.GULOU);

        assertThat(draft.get("title").asString()).isEqualTo("鼓楼区2032年度工作总结");
        assertThat(areas(draft)).containsExactly("服务妇女创业就业", "服务妇女发展", "维护妇女儿童合法权益");
        JsonNode training = draft.get("sections").get(1).get("paragraphs").get(0);
        assertThat(training.get("text").asString()).isEqualTo("全年举办各类培训班30期。经上级审核确认:举办各类培训班30期(2032年第一季度)。");
        assertThat(sources(training)).containsExactly("t32-train|RECORDED|30", "t32-train|APPROVED|30");
        JsonNode loans = draft.get("sections").get(0).get("paragraphs").get(0);
        assertThat(loans.get("text").asString()).isEqualTo("全年新增妇女小额贴息贷款1200.5万元。");
        assertThat(sources(loans)).containsExactly("t32-loan|RECORDED|1200.5");
        JsonNode rights = draft.get("sections").get(2).get("paragraphs").get(0);
        assertThat(rights.get("text").asString()).isEqualTo("受理来信来访2件,办结1件,办结率50%。");
        assertThat(sources(rights)).containsExactly("null|RECORDED|2", "null|RECORDED|1", "null|RECORDED|50");

        // the city's own assignments report to no one: only recorded figures, rolled up from both districts
        JsonNode city = draft(Units.CITY);
        assertThat(city.get("sections")
                        .get(1)
                        .get("paragraphs")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("全年举办各类培训班42期。");
        assertThat(city.get("sections")
                        .get(0)
                        .get("paragraphs")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("全年新增妇女小额贴息贷款2000.5万元。");
    }

    @Test
    void anEditedDraftExportsAsAWordDocumentWithItsTextAndSources() throws Exception {
        ObjectNode draft = (ObjectNode) draft(Units.GULOU);
        ObjectNode first =
                (ObjectNode) draft.get("sections").get(1).get("paragraphs").get(0);
        first.put("text", first.get("text").asString() + "培训覆盖全区各街道。");

        byte[] docx = mvc.perform(post("/api/reports/summary/export.docx")
                        .with(TestTokens.gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft.toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("鼓楼区2032年度工作总结");
            assertThat(text.getText())
                    .contains("一、服务妇女创业就业")
                    .contains("二、服务妇女发展")
                    .contains("全年举办各类培训班30期。经上级审核确认:举办各类培训班30期(2032年第一季度)。培训覆盖全区各街道。")
                    .contains("三、维护妇女儿童合法权益")
                    .contains("受理来信来访2件,办结1件,办结率50%。");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().get(0).getRows()).hasSize(1 + 6);
            assertThat(doc.getTables().get(0).getRow(3).getCell(3).getText()).isEqualTo("审核确认");
        }
    }

    @Test
    void aDraftWithoutATitleOrOfAUnitOutsideTheScopeIsRefused() throws Exception {
        mvc.perform(post("/api/reports/summary/export.docx")
                        .with(TestTokens.gulouStaff())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"sections\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(get("/api/reports/summary")
                        .param("unit", Units.CANGSHAN)
                        .param("year", String.valueOf(SmallYear.YEAR))
                        .with(TestTokens.gulouStaff()))
                .andExpect(status().isNotFound());
    }

    private JsonNode draft(String unit) throws Exception {
        String json = mvc.perform(get("/api/reports/summary")
                        .param("unit", unit)
                        .param("year", String.valueOf(SmallYear.YEAR))
                        .with(TestTokens.leader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return codec.mapper().readTree(json);
    }

    private static List<String> areas(JsonNode draft) {
        List<String> out = new ArrayList<>();
        draft.get("sections").forEach(s -> out.add(s.get("workArea").asString()));
        return out;
    }

    private static List<String> sources(JsonNode paragraph) {
        List<String> out = new ArrayList<>();
        paragraph
                .get("sources")
                .forEach(s -> out.add(s.get("taskId").asString("null") + "|"
                        + s.get("kind").asString() + "|"
                        + s.get("value").decimalValue().stripTrailingZeros().toPlainString()));
        return out;
    }
}
