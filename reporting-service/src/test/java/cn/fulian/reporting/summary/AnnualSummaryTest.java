package cn.fulian.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.MutableClock;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.SmallYear;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.outbox.OutboxRelay;
import cn.fulian.starter.test.TestTokens;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The annual summary draft: the federation's form and phrasing, only recorded and approved figures, each with its source. */
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
    void theDraftReadsLikeTheFederationsOwnSummaryWithEveryFigureTracedToItsSource() throws Exception {
        JsonNode draft = draft(Units.GULOU);

        assertThat(draft.get("title").asString()).isEqualTo("鼓楼区妇联2032年工作总结");
        assertThat(draft.get("opening").get(0).get("text").asString())
                .isEqualTo("2032年，在区委、区政府的领导和上级妇联的指导下，全区各级妇联组织紧紧围绕年度工作要点，"
                        + "扎实推进服务妇女创业就业、服务妇女发展、维护妇女儿童合法权益各项工作。"
                        + "截至6月30日，承担重点任务2项，尚未有任务完成年度目标。");
        // next year's plan is another test's year here: whether it is published yet depends on the order tests run in
        assertThat(areas(draft))
                .filteredOn(a -> !a.equals(SummaryWriter.NEXT_YEAR))
                .containsExactly("服务妇女创业就业", "服务妇女发展", "维护妇女儿童合法权益", "存在的不足");
        JsonNode training = section(draft, "服务妇女发展").get("paragraphs").get(0);
        assertThat(training.get("text").asString()).isEqualTo("举办各类培训班30期，完成年度目标的50%，截至2032年第一季度经上级审核确认30期。");
        assertThat(sources(training))
                .containsExactly("举办各类培训班100期|培训班|RECORDED|30期", "举办各类培训班100期|培训班（2032年第一季度）|APPROVED|30期");
        JsonNode loans = section(draft, "服务妇女创业就业").get("paragraphs").get(0);
        assertThat(loans.get("text").asString()).isEqualTo("新增妇女小额贴息贷款1200.5万元，完成年度目标的40%。");
        assertThat(sources(loans)).containsExactly("新增妇女小额贴息贷款5000万元|贴息贷款|RECORDED|1200.5万元");
        JsonNode rights = section(draft, "维护妇女儿童合法权益").get("paragraphs").get(0);
        assertThat(rights.get("text").asString()).isEqualTo("受理来信来访2件，办结1件，办结率为50%。");
        assertThat(sources(rights))
                .containsExactly("null|受理来信来访|RIGHTS|2件", "null|办结|RIGHTS|1件", "null|办结率|RIGHTS|50%");
        assertThat(section(draft, "存在的不足").get("paragraphs").get(0).get("text").asString())
                .isEqualTo("“新增妇女小额贴息贷款5000万元”任务进度滞后于序时进度，仅完成年度目标的40%。");

        // the city's own assignments report to no one: only recorded figures, rolled up from both districts
        JsonNode city = draft(Units.CITY);
        assertThat(city.get("title").asString()).isEqualTo("福州市妇联2032年工作总结");
        assertThat(section(city, "服务妇女发展").get("paragraphs").get(0).get("text").asString())
                .isEqualTo("举办各类培训班42期，完成年度目标的42%。");
        assertThat(section(city, "服务妇女创业就业")
                        .get("paragraphs")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("新增妇女小额贴息贷款2000.5万元，完成年度目标的40%。");
    }

    @Test
    void anEditedDraftExportsAsAWordDocumentWithItsTextAndSources() throws Exception {
        ObjectNode draft = (ObjectNode) draft(Units.GULOU);
        ObjectNode first =
                (ObjectNode) section(draft, "服务妇女发展").get("paragraphs").get(0);
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
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("鼓楼区妇联2032年工作总结");
            assertThat(doc.getParagraphs().get(1).getText()).startsWith("2032年，在区委、区政府的领导和上级妇联的指导下");
            assertThat(text.getText())
                    .contains("一、服务妇女创业就业")
                    .contains("二、服务妇女发展")
                    .contains("举办各类培训班30期，完成年度目标的50%，截至2032年第一季度经上级审核确认30期。培训覆盖全区各街道。")
                    .contains("三、维护妇女儿童合法权益")
                    .contains("受理来信来访2件，办结1件，办结率为50%。")
                    .contains("四、存在的不足")
                    .contains("附：数据来源");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().get(0).getRows()).hasSize(1 + 6);
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo("任务");
            assertThat(doc.getTables().get(0).getRow(3).getCell(1).getText()).isEqualTo("举办各类培训班100期");
            assertThat(doc.getTables().get(0).getRow(3).getCell(2).getText()).isEqualTo("培训班（2032年第一季度）");
            assertThat(doc.getTables().get(0).getRow(3).getCell(3).getText()).isEqualTo("审核确认");
            assertThat(doc.getTables().get(0).getRow(3).getCell(4).getText()).isEqualTo("30期");
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

    @Test
    void anEditedDraftExportsAsAnA4PdfWithItsTextWrappedInsideTheMarginsAndEverySource() throws Exception {
        ObjectNode draft = (ObjectNode) draft(Units.GULOU);
        ObjectNode first =
                (ObjectNode) section(draft, "服务妇女发展").get("paragraphs").get(0);
        String added = "培训覆盖全区各街道、社区,参训妇女对课程满意度达98.5%,其中电商直播、家政服务、"
                + "Python数据分析等课程报名踊跃(共开设12个班次),下一步将联合人社部门扩大规模,"
                + "推动“巾帼家政”品牌建设,力争2033年培训妇女3000人次以上。";
        String text = first.get("text").asString() + added;
        first.put("text", text);

        MvcResult result = exportPdf(draft.toString(), TestTokens.gulouStaff())
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("filename*=UTF-8''"
                                        + URLEncoder.encode("鼓楼区妇联2032年工作总结.pdf", StandardCharsets.UTF_8))))
                .andReturn();

        try (PDDocument doc = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            Extent extent = new Extent();
            String extracted = extent.getText(doc);
            assertThat(extracted.lines().findFirst()).hasValue("鼓楼区妇联2032年工作总结");
            assertThat(compact(extracted))
                    .contains(compact(draft.get("opening").get(0).get("text").asString()));
            assertThat(extracted)
                    .contains("一、服务妇女创业就业")
                    .contains("二、服务妇女发展")
                    .contains("三、维护妇女儿童合法权益")
                    .contains("四、存在的不足")
                    .contains("附：数据来源");
            // the long paragraph runs over several lines, in order and whole
            assertThat(compact(extracted)).contains(compact(text));
            assertThat(extracted
                            .lines()
                            .filter(l -> !l.isBlank() && compact(text).contains(compact(l))))
                    .hasSizeGreaterThan(2);
            assertThat(extent.left).isGreaterThanOrEqualTo(SummaryPdf.LEFT - 0.5f);
            assertThat(extent.right).isLessThanOrEqualTo(SummaryPdf.RIGHT + 0.5f);
            // every source is a row of the table: work area, task by its title, figure, kind, value with its unit
            List<String> columns = columns(doc);
            for (JsonNode section : draft.get("sections")) {
                for (JsonNode p : section.get("paragraphs")) {
                    for (JsonNode src : p.get("sources")) {
                        String task = src.get("task").asString("");
                        assertThat(columns.get(0))
                                .contains(compact(section.get("workArea").asString()));
                        assertThat(columns.get(1)).contains(compact(task));
                        assertThat(columns.get(2))
                                .contains(compact(src.get("figure").asString()));
                        assertThat(columns.get(4))
                                .contains(src.get("value")
                                                .decimalValue()
                                                .stripTrailingZeros()
                                                .toPlainString()
                                        + src.get("unit").asString(""));
                    }
                }
            }
            assertThat(columns.get(1)).contains("举办各类培训班100期").doesNotContain("t32-");
            assertThat(columns.get(2)).contains("培训班（2032年第一季度）").contains("办结率");
            assertThat(columns.get(3)).contains("审核确认").contains("活动录入");
        }
    }

    @Test
    void aVeryLongDraftRunsOverPagesWithoutLosingACharacter() throws Exception {
        String sentence = "各级妇联组织围绕中心、服务大局,深入实施“巾帼建功”行动,举办Excel与Python技能培训" + "126期(同比增长12.5%),帮助3,450名妇女实现就业创业;";
        ObjectNode draft = codec.mapper().createObjectNode().put("title", "福州市妇联2032年度工作总结");
        ArrayNode sections = draft.putArray("sections");
        List<String> paragraphs = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            ObjectNode section = sections.addObject().put("workArea", "工作领域" + (s + 1));
            ArrayNode ps = section.putArray("paragraphs");
            for (int p = 0; p < 2; p++) {
                String text = (s + 1) + "." + (p + 1) + " " + sentence.repeat(4 + s % 3);
                paragraphs.add(text);
                ps.addObject().put("text", text).putArray("sources");
            }
        }
        String last = sentence.repeat(60);
        sections.get(11).withArray("paragraphs").addObject().put("text", last).putArray("sources");
        paragraphs.add(last);
        assertThat(last.length()).isLessThanOrEqualTo(5000);

        byte[] pdf = exportPdf(draft.toString(), TestTokens.leader())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            Extent extent = new Extent();
            String extracted = extent.getText(doc);
            StringBuilder expected = new StringBuilder("福州市妇联2032年度工作总结");
            for (int s = 0; s < 12; s++) {
                expected.append(s == 9 ? "十" : s == 10 ? "十一" : s == 11 ? "十二" : "一二三四五六七八九".charAt(s))
                        .append("、工作领域")
                        .append(s + 1)
                        .append(paragraphs.get(2 * s))
                        .append(paragraphs.get(2 * s + 1));
            }
            expected.append(last).append("附：数据来源工作领域任务数据项类别数值");
            assertThat(compact(extracted)).isEqualTo(compact(expected.toString()));
            assertThat(extent.right).isLessThanOrEqualTo(SummaryPdf.RIGHT + 0.5f);
            assertThat(extent.bottom).isGreaterThanOrEqualTo(SummaryPdf.MARGIN - 6);
        }
    }

    @Test
    void aPdfOfABadDraftIsRefusedNamingTheFieldAndNeedsAToken() throws Exception {
        exportPdf("{\"title\":\" \",\"sections\":[]}", TestTokens.gulouStaff())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        exportPdf("{\"title\":\"" + "题".repeat(201) + "\",\"sections\":[]}", TestTokens.gulouStaff())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        exportPdf("{\"title\":\"总结\"}", TestTokens.gulouStaff())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections"));
        String tooLong = "{\"title\":\"总结\",\"sections\":[{\"workArea\":\"服务妇女发展\",\"paragraphs\":[{\"text\":\""
                + "字".repeat(5001) + "\"}]}]}";
        exportPdf(tooLong, TestTokens.gulouStaff())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[0].paragraphs[0].text"));
        mvc.perform(post("/api/reports/summary/export.pdf")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"总结\",\"sections\":[]}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void charactersTheFontLacksDoNotCostTheDocument() throws Exception {
        String draft = "{\"title\":\"总结😀\",\"sections\":[{\"workArea\":\"服务\\t妇女\",\"paragraphs\":[{\"text\":"
                + "\"第一行\\u0001\\n第二行😀\",\"sources\":[{\"figure\":\"培训班\",\"kind\":\"RECORDED\",\"value\":1e400}]}]}]}";
        byte[] pdf = exportPdf(draft, TestTokens.gulouStaff())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(compact(new PDFTextStripper().getText(doc)))
                    .contains("总结□")
                    .contains("第一行第二行□")
                    .contains("培训班活动录入1E+400");
        }
    }

    private ResultActions exportPdf(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/reports/summary/export.pdf")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The text, and how far its glyphs reach on the page (PDF units from the bottom left). */
    private static final class Extent extends PDFTextStripper {

        float left = Float.MAX_VALUE;
        float right;
        float bottom = Float.MAX_VALUE;

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            for (TextPosition p : positions) {
                if (p.getUnicode().isBlank()) {
                    continue;
                }
                left = Math.min(left, p.getXDirAdj());
                right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                bottom = Math.min(bottom, p.getPageHeight() - p.getYDirAdj());
            }
            super.writeString(text, positions);
        }
    }

    private JsonNode draft(String unit) throws Exception {
        return Dashboards.leaderRead(mvc, codec, "/api/reports/summary", unit, SmallYear.YEAR);
    }

    /** The text of each column of the source table, over every page, without spaces. */
    private static List<String> columns(PDDocument doc) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        stripper.setSortByPosition(true);
        float x = SummaryPdf.LEFT;
        for (int c = 0; c < SummaryPdf.COLUMNS.length; c++) {
            stripper.addRegion("c" + c, new Rectangle2D.Float(x, 0, SummaryPdf.COLUMNS[c], PDRectangle.A4.getHeight()));
            x += SummaryPdf.COLUMNS[c];
        }
        List<StringBuilder> text = new ArrayList<>();
        for (int c = 0; c < SummaryPdf.COLUMNS.length; c++) {
            text.add(new StringBuilder());
        }
        for (PDPage page : doc.getPages()) {
            stripper.extractRegions(page);
            for (int c = 0; c < SummaryPdf.COLUMNS.length; c++) {
                text.get(c).append(stripper.getTextForRegion("c" + c));
            }
        }
        return text.stream().map(b -> compact(b.toString())).toList();
    }

    private static JsonNode section(JsonNode draft, String area) {
        for (JsonNode s : draft.get("sections")) {
            if (s.get("workArea").asString().equals(area)) {
                return s;
            }
        }
        throw new AssertionError("no section " + area + " in " + areas(draft));
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
                .forEach(s -> out.add(s.get("task").asString("null") + "|"
                        + s.get("figure").asString() + "|"
                        + s.get("kind").asString() + "|"
                        + s.get("value").decimalValue().stripTrailingZeros().toPlainString()
                        + s.get("unit").asString("")));
        return out;
    }
}
