package cn.fulian.activity.ledger;

import static cn.fulian.activity.support.Api.BASE;
import static cn.fulian.activity.support.Api.json;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.activity.activity.ActivityDraft;
import cn.fulian.activity.activity.Link;
import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.support.Files;
import cn.fulian.activity.support.KafkaProbe;
import cn.fulian.activity.support.Planning;
import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.starter.test.ServiceTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@ServiceTest
class LedgerImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    AssignmentDirectory assignments;

    @Autowired
    ImportBatchRepository batches;

    @Autowired
    LedgerImportService imports;

    @Autowired
    MongoTemplate mongo;

    String assignment;
    String marker;

    @BeforeEach
    void plan() {
        Planning planning = new Planning(broker, codec, assignments);
        String task = planning.task(2026, "帮助女性就业", "帮助女性就业", "人", "COUNT");
        assignment = planning.allocate(task, 2026, Planning.GULOU);
        planning.await(assignment);
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theTemplateHasChineseHeadingsAndExplainsTypesAndAssignments() throws Exception {
        byte[] template = mvc.perform(
                        get(BASE + "/ledger/template").param("year", "2026").with(gulouStaff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetName(0)).isEqualTo("活动台账");
            List<String> headings = new ArrayList<>();
            wb.getSheetAt(0).getRow(0).forEach(c -> headings.add(c.getStringCellValue()));
            assertThat(headings)
                    .startsWith("活动类型", "活动名称", "计划年度", "开始日期", "结束日期", "地点", "主办单位", "活动简介", "计入任务")
                    .contains("参与人次(人次)", "其中妇女人次(人次)", "贷款金额(万元)", "帮助女性就业人数(人)");
            StringBuilder help = new StringBuilder();
            wb.getSheet("填写说明")
                    .forEach(r ->
                            r.forEach(c -> help.append(c.getStringCellValue()).append('|')));
            assertThat(help).contains("培训班", "招聘会", "参与人次(人次)*", assignment);
        }
    }

    @Test
    void aCleanSheetImportsEveryRowAsAnActivityWithItsEvent() throws Exception {
        List<Map<String, Object>> rows = List.of(
                row(
                        "培训班",
                        "双学双比培训-" + marker,
                        "2026-03-05",
                        "2026-03-06",
                        Map.of("期(场)数(期)", 1, "参与人次(人次)", 85, "其中妇女人次(人次)", 80)),
                row(
                        "招聘会",
                        "春风行动招聘会-" + marker,
                        LocalDate.of(2026, 3, 12),
                        LocalDate.of(2026, 3, 12),
                        Map.of("期(场)数(期)", 1, "参会用人单位(家)", 46, "帮助女性就业人数(人)", 213)),
                row(
                        "LOAN",
                        "妇女小额贴息贷款-" + marker,
                        "2026/4/1",
                        "2026年4月30日",
                        Map.of("贷款金额(万元)", new BigDecimal("126.5"), "扶持(救助)人数(人)", 23)));
        rows.get(1).put("计入任务", assignment + ":帮助女性就业人数");

        JsonNode result = json(importSheet(gulouStaff(), sheet(rows))
                .andExpect(status().isCreated())
                .andReturn());

        assertThat(result.get("imported").asInt()).isEqualTo(3);
        assertThat(result.get("status").asString()).isEqualTo("COMPLETE");
        String batchId = result.get("batchId").asString();
        JsonNode listed =
                json(mvc.perform(get(BASE).param("importBatchId", batchId).with(gulouStaff()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(listed.get("total").asInt()).isEqualTo(3);
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        listed.get("items").forEach(i -> byType.put(i.get("type").asString(), i));
        assertThat(byType.get("LOAN").get("metrics").get("loanAmount").decimalValue())
                .isEqualByComparingTo("126.5");
        assertThat(byType.get("LOAN").get("endDate").asString()).isEqualTo("2026-04-30");
        assertThat(byType.get("JOB_FAIR").get("startDate").asString()).isEqualTo("2026-03-12");
        assertThat(byType.get("JOB_FAIR").get("links").get(0).get("metric").asString())
                .isEqualTo("jobsPlaced");
        assertThat(byType.get("TRAINING").get("unitPath").asString()).isEqualTo(Planning.GULOU);

        String jobFair = byType.get("JOB_FAIR").get("id").asString();
        ActivityRecorded event = codec.payload(
                KafkaProbe.events(broker, codec, Topics.ACTIVITY, jobFair, 1).get(0), ActivityRecorded.class);
        assertThat(event.contributions()).singleElement().satisfies(c -> {
            assertThat(c.assignmentId()).isEqualTo(assignment);
            assertThat(c.amount()).isEqualByComparingTo("213");
        });
    }

    @Test
    void oneBadRowRejectsTheWholeSheetWithARowByRowReport() throws Exception {
        List<Map<String, Object>> rows = List.of(
                row(
                        "培训班",
                        "正确的一行-" + marker,
                        "2026-05-10",
                        "2026-05-10",
                        Map.of("期(场)数(期)", 1, "参与人次(人次)", 40, "其中妇女人次(人次)", 35)),
                row(
                        "培训班",
                        "妇女多于总数-" + marker,
                        "2026-05-11",
                        "2026-05-11",
                        Map.of("期(场)数(期)", 1, "参与人次(人次)", 40, "其中妇女人次(人次)", 45)),
                row(
                        "招聘会",
                        "非数字和日期颠倒-" + marker,
                        "2026-06-20",
                        "2026-06-02",
                        Map.of("期(场)数(期)", 1, "帮助女性就业人数(人)", "很多")));
        rows.get(1).put("计入任务", "asg-unknown:参与人次");

        JsonNode problem = json(importSheet(gulouStaff(), sheet(rows))
                .andExpect(status().isBadRequest())
                .andReturn());

        JsonNode report = problem.get("rows");
        assertThat(report).hasSize(2);
        assertThat(report.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get(0).get("errors").findValuesAsString("column")).contains("其中妇女人次(人次)", "计入任务");
        assertThat(report.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(report.get(1).get("errors").findValuesAsString("column")).contains("帮助女性就业人数(人)", "结束日期");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("rows[3].metrics.womenParticipants");
        assertThat(problem.get("detail").asString()).contains("第4行");

        JsonNode none = json(
                mvc.perform(get(BASE).param("q", marker).with(gulouStaff())).andReturn());
        assertThat(none.get("total").asInt()).isZero();
        assertThat(batches.findAll())
                .noneMatch(
                        b -> b.rows().stream().anyMatch(r -> r.draft().title().endsWith(marker)));
    }

    @Test
    void aSheetWithWrongColumnsIsRefusedNamingThem() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row header = wb.createSheet("台账").createRow(0);
            List<String> headings = List.of("活动类型", "活动名称", "计划年度", "结束日期", "地点", "主办单位", "活动简介", "计入任务", "人数");
            for (int i = 0; i < headings.size(); i++) {
                header.createCell(i).setCellValue(headings.get(i));
            }
            Row data = wb.getSheetAt(0).createRow(1);
            data.createCell(0).setCellValue("培训班");
            data.createCell(1).setCellValue("列不对-" + marker);
            wb.write(out);

            JsonNode problem = json(importSheet(gulouStaff(), out.toByteArray())
                    .andExpect(status().isBadRequest())
                    .andReturn());
            assertThat(problem.get("errors").findValuesAsString("message"))
                    .anySatisfy(m -> assertThat(m).contains("缺少列“开始日期”"))
                    .anySatisfy(m -> assertThat(m).contains("未知列“人数”"));
            assertThat(problem.get("errors").findValuesAsString("field")).contains("columns.I");
        }
        JsonNode none = json(
                mvc.perform(get(BASE).param("q", marker).with(gulouStaff())).andReturn());
        assertThat(none.get("total").asInt()).isZero();
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() throws Exception {
        JsonNode problem = json(importSheet(gulouStaff(), Files.pdf())
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("不是有效的Excel");
    }

    @Test
    void theSameFileIsNotImportedTwice() throws Exception {
        byte[] sheet = sheet(List.of(
                row("讲座/宣讲", "家庭教育讲座-" + marker, "2026-07-01", "2026-07-01", Map.of("期(场)数(期)", 1, "参与人次(人次)", 120))));
        importSheet(gudongStaff(), sheet).andExpect(status().isCreated());
        JsonNode conflict = json(importSheet(gudongStaff(), sheet)
                .andExpect(status().isConflict())
                .andReturn());
        assertThat(conflict.get("detail").asString()).contains("已导入");
        JsonNode listed = json(
                mvc.perform(get(BASE).param("q", marker).with(gudongStaff())).andReturn());
        assertThat(listed.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aBatchLeftHalfWrittenByACrashIsCompletedOnceAtTheNextStart() throws Exception {
        String batchId = "imp-crash-" + marker;
        ActivityDraft first = draft("崩溃前已写入-" + marker, 30);
        ActivityDraft second = draft("崩溃后补写-" + marker, 45);
        ImportBatch batch = batches.insert(new ImportBatch(
                batchId,
                Planning.GUDONG,
                "台账.xlsx",
                "sha-" + marker,
                ImportBatch.Status.WRITING,
                List.of(
                        new ImportBatch.Row(2, batchId + "-r2", first),
                        new ImportBatch.Row(3, batchId + "-r3", second)),
                "gudong-staff",
                Instant.now(),
                null));
        // the process died after the first activity was stored
        imports.complete(new ImportBatch(
                batch.id(),
                batch.unitPath(),
                batch.fileName(),
                batch.sha256(),
                batch.status(),
                batch.rows().subList(0, 1),
                batch.importedBy(),
                batch.startedAt(),
                null));
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(batchId)),
                new org.springframework.data.mongodb.core.query.Update().set("status", ImportBatch.Status.WRITING),
                ImportBatch.class);

        assertThat(imports.completeUnfinished()).isGreaterThanOrEqualTo(1);
        assertThat(imports.completeUnfinished()).isZero();

        assertThat(batches.findById(batchId).orElseThrow().status()).isEqualTo(ImportBatch.Status.COMPLETE);
        JsonNode listed =
                json(mvc.perform(get(BASE).param("importBatchId", batchId).with(gudongStaff()))
                        .andReturn());
        assertThat(listed.get("total").asInt()).isEqualTo(2);
        for (String id : List.of(batchId + "-r2", batchId + "-r3")) {
            assertThat(KafkaProbe.events(broker, codec, Topics.ACTIVITY, id, 1))
                    .extracting(e -> e.type())
                    .containsExactly("ActivityRecorded");
        }
    }

    private static ActivityDraft draft(String title, int participants) {
        return new ActivityDraft(
                "PUBLICITY",
                title,
                2026,
                LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 1),
                null,
                null,
                null,
                Map.of("sessions", BigDecimal.ONE, "participants", BigDecimal.valueOf(participants)),
                List.<Link>of());
    }

    private static Map<String, Object> row(
            String type, String title, Object start, Object end, Map<String, Object> metrics) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("活动类型", type);
        r.put("活动名称", title);
        r.put("计划年度", 2026);
        r.put("开始日期", start);
        r.put("结束日期", end);
        r.put("主办单位", "鼓楼区妇联");
        r.putAll(metrics);
        return r;
    }

    /** Fills the downloaded template's ledger sheet with the rows, by heading. */
    private byte[] sheet(List<Map<String, Object>> rows) throws Exception {
        byte[] template = mvc.perform(get(BASE + "/ledger/template").with(gulouStaff()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> column = new LinkedHashMap<>();
            sheet.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
                    Cell cell = row.createCell(column.get(e.getKey()));
                    if (e.getValue() instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (e.getValue() instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else {
                        cell.setCellValue(String.valueOf(e.getValue()));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private org.springframework.test.web.servlet.ResultActions importSheet(
            org.springframework.test.web.servlet.request.RequestPostProcessor token, byte[] content) throws Exception {
        return mvc.perform(multipart(BASE + "/ledger/imports")
                .file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", content))
                .with(token));
    }
}
