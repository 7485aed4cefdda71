package cn.fulian.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/** The Excel and PDF downloads hold the dashboard's own numbers, for the caller's scope only. */
@ReportingTest
class ExportsTest {

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
    void theDashboardWorkbookHoldsTheDashboardsNumbersAsNumericCellsUnderChineseHeaders() throws Exception {
        JsonNode d = dashboard(Units.CITY, TestTokens.cityStaff());
        byte[] xlsx = download("/api/reports/exports/dashboard.xlsx", Units.CITY, TestTokens.cityStaff());

        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(names(book)).containsExactly("任务完成情况", "下级单位", "维权指标", "报送情况");

            List<Map<String, Cell>> tasks = rows(book.getSheet("任务完成情况"));
            assertThat(tasks).hasSize(d.get("tasks").size()).hasSize(2);
            for (JsonNode t : d.get("tasks")) {
                Map<String, Cell> row = find(tasks, "任务", t.get("title").asString());
                assertThat(row.get("目标值").getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.get("目标值").getNumericCellValue())
                        .isEqualTo(t.get("target").asDouble());
                assertThat(row.get("实际完成").getNumericCellValue())
                        .isEqualTo(t.get("actual").asDouble());
                assertThat(row.get("完成率(%)").getNumericCellValue())
                        .isEqualTo(t.get("completionPercent").asDouble());
                assertThat(row.get("红黄绿灯").getStringCellValue())
                        .isEqualTo(t.get("paceLabel").asString());
            }
            // the figures themselves, as computed from the test data: 30 + 12 classes, 1200.5 + 800 万元
            assertThat(find(tasks, "任务", "举办各类培训班100期").get("实际完成").getNumericCellValue())
                    .isEqualTo(42.0);
            assertThat(find(tasks, "任务", "举办各类培训班100期").get("审核确认值")).isNull();
            assertThat(find(tasks, "任务", "新增妇女小额贴息贷款5000万元").get("实际完成").getNumericCellValue())
                    .isEqualTo(2000.5);

            List<Map<String, Cell>> children = rows(book.getSheet("下级单位"));
            for (JsonNode r : d.get("rankings")) {
                Map<String, Cell> row =
                        find(children, "单位", r.get("unit").get("name").asString());
                assertThat(row.get("排名").getNumericCellValue())
                        .isEqualTo(r.get("rank").asDouble());
                assertThat(row.get("综合完成率(%)").getNumericCellValue())
                        .isEqualTo(r.get("score").asDouble());
            }
            Map<String, Cell> gulouTrain = children.stream()
                    .filter(r -> text(r, "单位").equals("鼓楼区") && text(r, "任务").equals("举办各类培训班100期"))
                    .findFirst()
                    .orElseThrow();
            assertThat(gulouTrain.get("排名").getNumericCellValue()).isEqualTo(1.0);
            assertThat(gulouTrain.get("综合完成率(%)").getNumericCellValue()).isEqualTo(45.0);
            assertThat(gulouTrain.get("审核确认值").getNumericCellValue()).isEqualTo(30.0);

            Map<String, Cell> cityRights = find(rows(book.getSheet("维权指标")), "单位", "福州市");
            assertThat(cityRights.get("受理").getNumericCellValue())
                    .isEqualTo(d.get("rights").get("received").asDouble())
                    .isEqualTo(2.0);
            assertThat(cityRights.get("办结率(%)").getNumericCellValue())
                    .isEqualTo(d.get("rights").get("closureRate").asDouble());

            Map<String, Cell> q1 = find(rows(book.getSheet("报送情况")), "期次", "2032-Q1");
            JsonNode p = d.get("reporting").get(0);
            assertThat(q1.get("应报").getNumericCellValue())
                    .isEqualTo(p.get("expected").asDouble())
                    .isEqualTo(6.0);
            assertThat(q1.get("已审核").getNumericCellValue()).isEqualTo(1.0);
            assertThat(q1.get("报送率(%)").getNumericCellValue())
                    .isEqualTo(p.get("completenessPercent").asDouble());
        }
    }

    @Test
    void theLedgerListsEveryAssignmentOfTheCallersSubtreeWithItsAcknowledgement() throws Exception {
        byte[] xlsx = download("/api/reports/exports/ledger.xlsx", null, TestTokens.gulouStaff());

        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Map<String, Cell>> rows = rows(book.getSheet("任务分解台账"));
            assertThat(rows)
                    .extracting(r -> text(r, "单位") + "|" + text(r, "任务编号") + "|" + text(r, "签收状态"))
                    .containsExactly("鼓楼区|t32-loan|待签收", "鼓楼区|t32-train|已签收", "鼓东街道|t32-train|待签收");
            assertThat(find(rows, "签收状态", "已签收").get("分解目标").getNumericCellValue())
                    .isEqualTo(60.0);
            assertThat(find(rows, "签收状态", "已签收").get("签收时间").getStringCellValue())
                    .isEqualTo("2032-02-10");
        }
    }

    @Test
    void aStreamingZipReaderReadsEveryPartOfTheWorkbooks() throws Exception {
        for (String export : List.of("/api/reports/exports/ledger.xlsx", "/api/reports/exports/dashboard.xlsx")) {
            byte[] xlsx = download(export, null, TestTokens.cityStaff());
            List<String> parts = new java.util.ArrayList<>();
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx))) {
                for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    zip.readAllBytes();
                    parts.add(e.getName());
                }
            }
            assertThat(parts).as(export).contains("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        }
    }

    @Test
    void thePlanUnitsOwnTasksAreAcknowledgedInTheLedgerAsOnTheDashboard() throws Exception {
        byte[] xlsx = download("/api/reports/exports/ledger.xlsx", null, TestTokens.cityStaff());

        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Map<String, Cell>> rows = rows(book.getSheet("任务分解台账"));
            assertThat(rows)
                    .filteredOn(r -> text(r, "单位").equals("福州市"))
                    .extracting(r -> text(r, "任务编号") + "|" + text(r, "签收状态"))
                    .containsExactly("t32-loan|已签收", "t32-train|已签收");
        }
    }

    @Test
    void theRankingBulletinCarriesTheChineseUnitNamesAsTextInRankOrder() throws Exception {
        byte[] pdf = download("/api/reports/exports/ranking.pdf", Units.CITY, TestTokens.leader());

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("福州市2032年度工作任务完成情况排名通报")
                    .contains("通报日期：2032年6月30日")
                    .contains("鼓楼区")
                    .contains("仓山区")
                    .contains("第1名：鼓楼区，综合完成率45%")
                    .contains("第2名：仓山区，综合完成率35%")
                    .doesNotContain(".0%");
            assertThat(text.indexOf("鼓楼区")).isLessThan(text.indexOf("仓山区"));
            // the leader is not urged like the unit behind it
            String compact = text.replaceAll("\\s", "");
            String first = compact.substring(compact.indexOf("第1名："), compact.indexOf("第2名："));
            assertThat(first).doesNotContain("请抓紧落实");
            assertThat(compact.substring(compact.indexOf("第2名："))).contains("请抓紧落实");
        }
    }

    @Test
    void exportsOfAUnitOutsideTheCallersScopeAreNotFound() throws Exception {
        mvc.perform(get("/api/reports/exports/ranking.pdf")
                        .param("unit", Units.CANGSHAN)
                        .param("year", String.valueOf(SmallYear.YEAR))
                        .with(TestTokens.gulouStaff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/exports/dashboard.xlsx")
                        .param("unit", Units.CANGSHAN)
                        .param("year", String.valueOf(SmallYear.YEAR))
                        .with(TestTokens.gulouStaff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/exports/ledger.xlsx")
                        .param("year", "1999")
                        .with(TestTokens.gulouStaff()))
                .andExpect(status().isBadRequest());
    }

    private JsonNode dashboard(String unit, RequestPostProcessor who) throws Exception {
        String json = mvc.perform(get("/api/reports/dashboard")
                        .param("unit", unit)
                        .param("year", String.valueOf(SmallYear.YEAR))
                        .with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return codec.mapper().readTree(json);
    }

    private byte[] download(String path, String unit, RequestPostProcessor who) throws Exception {
        var request = get(path).param("year", String.valueOf(SmallYear.YEAR)).with(who);
        if (unit != null) {
            request.param("unit", unit);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static List<String> names(Workbook book) {
        List<String> out = new ArrayList<>();
        book.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    /** The sheet's rows below the header, each as header → cell (absent for an empty cell). */
    static List<Map<String, Cell>> rows(Sheet sheet) {
        Row header = sheet.getRow(0);
        List<Map<String, Cell>> out = new ArrayList<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            Map<String, Cell> cells = new HashMap<>();
            for (Cell h : header) {
                Cell c = row.getCell(h.getColumnIndex());
                if (c != null) {
                    cells.put(h.getStringCellValue(), c);
                }
            }
            out.add(cells);
        }
        return out;
    }

    static Map<String, Cell> find(List<Map<String, Cell>> rows, String column, String value) {
        return rows.stream()
                .filter(r -> text(r, column).equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
    }

    static String text(Map<String, Cell> row, String column) {
        Cell c = row.get(column);
        return c == null || c.getCellType() != CellType.STRING ? "" : c.getStringCellValue();
    }
}
