package cn.fulian.reporting.dashboard;

import static cn.fulian.reporting.support.Scenario.toward;
import static cn.fulian.reporting.support.Units.CITY;
import static cn.fulian.reporting.support.Units.GUDONG;
import static cn.fulian.reporting.support.Units.GULOU;
import static cn.fulian.reporting.support.Units.GUXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.reporting.support.Dashboards;
import cn.fulian.reporting.support.EventBus;
import cn.fulian.reporting.support.MutableClock;
import cn.fulian.reporting.support.ReportingTest;
import cn.fulian.reporting.support.Scenario;
import cn.fulian.reporting.support.Units;
import cn.fulian.starter.test.TestTokens;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * 鼓楼区 writes its own plan beside the city's: on its dashboard its own task is 本级自定 and the city's 上级下达; its
 * township sees the district's task as allocated by 鼓楼区; the city sees it only under 鼓楼区, never as one of its own.
 */
@ReportingTest
class UnitOwnPlanOriginTest {

    static final int YEAR = 2029;
    static final String CITY_TASK = "own-city-t01";
    static final String GULOU_TASK = "own-gulou-t01";
    static final String GULOU_NEXT_YEAR_TASK = "own-gulou-next-t01";
    static final Instant GULOU_PUBLISHED = Instant.parse(YEAR + "-07-01T02:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventCodec codec;

    @Autowired
    MutableClock clock;

    /** The events go out once for the class: an activity published again would be another activity. */
    static boolean published;

    @BeforeEach
    void bothPlansPublishedAndAllocated() throws Exception {
        if (published) {
            return;
        }
        published = true;
        LocalDate due = LocalDate.of(YEAR, 12, 31);
        try (EventBus bus = new EventBus(broker, codec)) {
            Units.register(bus);
            Scenario s = new Scenario(bus, YEAR);
            s.plan("own-city", "2029年福州市妇联工作要点", 1);
            s.task("own-city", CITY_TASK, "服务妇女发展", "举办各类培训班100期", "培训班", "期", "COUNT", "100", due);
            s.allocate(CITY_TASK, CITY, "100", due);
            s.allocate(CITY_TASK, GULOU, "60", due);
            s.allocate(CITY_TASK, GUDONG, "30", due);

            // 鼓楼区 publishes its own plan in July, months after the city's
            Scenario july = new Scenario(bus, YEAR, GULOU_PUBLISHED);
            july.planOf(GULOU, "own-gulou", "2029年鼓楼区妇联工作计划", 1);
            s.taskOf(GULOU, "own-gulou", GULOU_TASK, "强化项目运作", "规范建设社区妇女儿童之家20个", "妇女儿童之家", "个", "COUNT", "20", due);
            s.hold(GULOU_TASK, GULOU, "20", due);
            s.allocate(GULOU_TASK, GUDONG, "12", due);
            s.allocate(GULOU_TASK, GUXI, "8", due);
            s.recorded("own-act-1", GUDONG, toward(GULOU_TASK, GUDONG, "5"));

            Scenario next = new Scenario(bus, YEAR + 1);
            next.planOf(GULOU, "own-gulou-next", "2030年鼓楼区妇联工作计划", 1);
            next.taskOf(
                    GULOU,
                    "own-gulou-next",
                    GULOU_NEXT_YEAR_TASK,
                    "强化宣传作用",
                    "开展《两规划》宣传活动10场",
                    "宣传活动",
                    "场",
                    "COUNT",
                    "10",
                    LocalDate.of(YEAR + 1, 12, 31));
            bus.awaitCaughtUp(List.of(Topics.PLANNING, Topics.ACTIVITY));
        }
    }

    @Test
    void aDistrictsOwnTaskIsMarkedOwnOnItsDashboardBesideTheCitysAllocatedOne() throws Exception {
        JsonNode gulou = Dashboards.leaderView(mvc, codec, GULOU, YEAR);

        JsonNode own = row(gulou.get("tasks"), GULOU_TASK);
        assertThat(own.get("origin").asString()).isEqualTo("OWN");
        assertThat(own.get("planUnitPath").asString()).isEqualTo(GULOU);
        assertThat(own.get("planUnitName").asString()).isEqualTo("鼓楼区");
        assertThat(own.get("target").decimalValue()).isEqualByComparingTo("20");
        assertThat(own.get("actual").decimalValue()).isEqualByComparingTo("5");

        JsonNode allocated = row(gulou.get("tasks"), CITY_TASK);
        assertThat(allocated.get("origin").asString()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("planUnitPath").asString()).isEqualTo(CITY);
        assertThat(allocated.get("planUnitName").asString()).isEqualTo("福州市");
    }

    @Test
    void aUnitsOwnTaskIsPacedFromItsOwnPlansPublicationNotFromTheCitys() throws Exception {
        Instant before = clock.instant();
        try {
            clock.set(LocalDateTime.of(YEAR, 7, 1, 12, 0));
            JsonNode gulou = Dashboards.leaderView(mvc, codec, GULOU, YEAR);
            // published today: nothing is expected of it yet, while the city's task has been running since February
            assertThat(row(gulou.get("tasks"), GULOU_TASK).get("expectedByNow").decimalValue())
                    .isEqualByComparingTo("0");
            assertThat(row(gulou.get("tasks"), GULOU_TASK).get("paceStatus").asString())
                    .isEqualTo("GREEN");
            assertThat(row(gulou.get("tasks"), CITY_TASK).get("expectedByNow").decimalValue())
                    .isGreaterThan(BigDecimal.valueOf(20));
        } finally {
            clock.set(LocalDateTime.ofInstant(before, MutableClock.ZONE));
        }
    }

    @Test
    void aTownshipSeesTheDistrictsOwnTaskAsAllocatedByTheDistrict() throws Exception {
        JsonNode gulou = Dashboards.leaderView(mvc, codec, GULOU, YEAR);
        JsonNode gudongRow = row(rowsOf(child(gulou, GUDONG)), GULOU_TASK);
        assertThat(gudongRow.get("origin").asString()).isEqualTo("ALLOCATED");
        assertThat(gudongRow.get("planUnitPath").asString()).isEqualTo(GULOU);
        assertThat(gudongRow.get("planUnitName").asString()).isEqualTo("鼓楼区");
        assertThat(gudongRow.get("target").decimalValue()).isEqualByComparingTo("12");

        JsonNode gudong = Dashboards.leaderView(mvc, codec, GUDONG, YEAR);
        JsonNode onItsOwnDashboard = row(gudong.get("tasks"), GULOU_TASK);
        assertThat(onItsOwnDashboard.get("origin").asString()).isEqualTo("ALLOCATED");
        assertThat(onItsOwnDashboard.get("planUnitPath").asString()).isEqualTo(GULOU);
        assertThat(onItsOwnDashboard.get("actual").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void theCityShowsTheDistrictsOwnTaskUnderThatDistrictAndNotAmongItsOwnTasks() throws Exception {
        JsonNode city = Dashboards.leaderView(mvc, codec, CITY, YEAR);
        assertThat(taskIds(city.get("tasks"))).containsExactly(CITY_TASK);
        assertThat(row(city.get("tasks"), CITY_TASK).get("origin").asString()).isEqualTo("OWN");

        JsonNode underGulou = row(rowsOf(child(city, GULOU)), GULOU_TASK);
        assertThat(underGulou.get("origin").asString()).isEqualTo("OWN");
        assertThat(underGulou.get("planUnitName").asString()).isEqualTo("鼓楼区");
        assertThat(taskIds(rowsOf(child(city, Units.CANGSHAN)))).doesNotContain(GULOU_TASK);
    }

    @Test
    void theDistrictsSummaryCountsItsOwnTaskAndOnlyItsOwnPlanNamesItsNextYear() throws Exception {
        JsonNode gulou = Dashboards.leaderRead(mvc, codec, "/api/reports/summary", GULOU, YEAR);
        assertThat(gulou.toString()).contains("规范建设社区妇女儿童之家20个").contains("开展《两规划》宣传活动10场");

        // another district's own plan is no part of a sibling's or the city's next year
        JsonNode cangshan = Dashboards.leaderRead(mvc, codec, "/api/reports/summary", Units.CANGSHAN, YEAR);
        assertThat(cangshan.toString()).doesNotContain("开展《两规划》宣传活动10场");
        JsonNode city = Dashboards.leaderRead(mvc, codec, "/api/reports/summary", CITY, YEAR);
        assertThat(city.toString()).doesNotContain("规范建设社区妇女儿童之家20个").doesNotContain("开展《两规划》宣传活动10场");
    }

    @Test
    void theDashboardWorkbookNamesWhereEachTaskCameFrom() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/reports/exports/dashboard.xlsx")
                        .param("unit", GULOU)
                        .param("year", String.valueOf(YEAR))
                        .with(TestTokens.gulouStaff()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, String> originByTask = new HashMap<>();
            Sheet tasks = book.getSheet("任务完成情况");
            Row header = tasks.getRow(0);
            int title = column(header, "任务");
            int origin = column(header, "任务来源");
            for (int i = 1; i <= tasks.getLastRowNum(); i++) {
                Row r = tasks.getRow(i);
                originByTask.put(
                        r.getCell(title).getStringCellValue(), r.getCell(origin).getStringCellValue());
            }
            assertThat(originByTask).containsEntry("规范建设社区妇女儿童之家20个", "本级自定").containsEntry("举办各类培训班100期", "福州市妇联下达");

            Sheet children = book.getSheet("下级单位");
            int childOrigin = column(children.getRow(0), "任务来源");
            List<String> childOrigins = new ArrayList<>();
            for (int i = 1; i <= children.getLastRowNum(); i++) {
                Cell c = children.getRow(i).getCell(childOrigin);
                if (c != null) {
                    childOrigins.add(c.getStringCellValue());
                }
            }
            assertThat(childOrigins).contains("鼓楼区妇联下达", "福州市妇联下达");
        }
    }

    private static int column(Row header, String name) {
        for (Cell c : header) {
            if (name.equals(c.getStringCellValue())) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static JsonNode child(JsonNode dashboard, String path) {
        return StreamSupport.stream(dashboard.get("children").spliterator(), false)
                .filter(c -> path.equals(c.at("/unit/path").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no child " + path));
    }

    private JsonNode rowsOf(JsonNode child) throws Exception {
        return Dashboards.childRows(mvc, codec, child, YEAR);
    }

    private static JsonNode row(JsonNode rows, String taskId) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> taskId.equals(r.get("taskId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + taskId + " in " + rows));
    }

    private static List<String> taskIds(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(r -> r.get("taskId").asString())
                .toList();
    }
}
