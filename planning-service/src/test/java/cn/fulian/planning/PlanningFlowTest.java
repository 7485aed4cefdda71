package cn.fulian.planning;

import static cn.fulian.planning.PlanningApi.assignment;
import static cn.fulian.planning.PlanningApi.countTask;
import static cn.fulian.planning.PlanningApi.rateTask;
import static cn.fulian.starter.test.TestTokens.cangshanStaff;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static cn.fulian.starter.test.TestTokens.gudongStaff;
import static cn.fulian.starter.test.TestTokens.gulouStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.EventEnvelope;
import cn.fulian.events.Topics;
import cn.fulian.starter.test.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/** The year's start: publish, allocate down two levels, acknowledge, remind, extend; and the events that tell. */
@ServiceTest
class PlanningFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    PlanningApi api;

    @BeforeEach
    void api() {
        api = new PlanningApi(mvc);
    }

    @Test
    void eachActionEmitsItsEventsExactlyOnceInTheEnvelopeOfTheArchitecture() throws Exception {
        int year = PlanningApi.freshYear();
        String plan = api.publishedPlan(cityStaff(), year);
        String task = countTask(plan);
        String root = assignment(task, "350100");

        api.split(
                        root,
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":60},{\"unitCode\":\"350104\",\"target\":40}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocatedToChildren").value(100))
                .andExpect(jsonPath("$.shortfall").value(0));
        String gulou = assignment(task, "350102");
        api.get("/api/planning/assignments/" + gulou, gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.statusLabel").value("待签收"))
                .andExpect(jsonPath("$.parentTarget").value(100))
                .andExpect(jsonPath("$.target").value(60));
        api.post("/api/planning/assignments/" + gulou + "/acknowledge", gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        api.split(
                        gulou,
                        gulouStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":35},{\"unitCode\":\"350102002\",\"target\":25}]}")
                .andExpect(status().isOk());
        String cangshan = assignment(task, "350104");
        api.post("/api/planning/assignments/" + cangshan + "/remind", cityStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminders").value(1));
        api.post(
                        "/api/planning/assignments/" + cangshan + "/extension",
                        cangshanStaff(),
                        "{\"requestedDueDate\":\"" + year + "-12-15\",\"reason\":\"受台风影响,示范村验收推迟\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.extension.status").value("PENDING"));
        api.post(
                        "/api/planning/assignments/" + cangshan + "/extension/decision",
                        cityStaff(),
                        "{\"approve\":true,\"reason\":\"同意\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueDate").value(year + "-12-15"));

        List<TopicReader.Published> events = TopicReader.read(
                broker,
                Topics.PLANNING,
                e -> e.payload().toString().contains(plan) || e.aggregateId().contains(plan),
                12);
        Map<String, Long> byType =
                events.stream().collect(Collectors.groupingBy(p -> p.envelope().type(), Collectors.counting()));
        assertThat(byType)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "PlanPublished", 1L,
                        "TaskPublished", 2L,
                        "TargetAllocated", 6L,
                        "AssignmentAcknowledged", 1L,
                        "AssignmentReminded", 1L,
                        "ExtensionRequested", 1L,
                        "DeadlineExtended", 1L));
        assertThat(events.stream().map(p -> p.envelope().eventId()).distinct()).hasSize(events.size());
        for (TopicReader.Published p : events) {
            EventEnvelope e = p.envelope();
            assertThat(p.key()).isEqualTo(e.aggregateId());
            assertThat(e.source()).isEqualTo("planning-service");
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.occurredAt()).isNotNull();
        }
        Map<String, EventEnvelope> allocated = events.stream()
                .map(TopicReader.Published::envelope)
                .filter(e -> e.type().equals("TargetAllocated"))
                .collect(Collectors.toMap(EventEnvelope::aggregateId, Function.identity()));
        assertThat(allocated
                        .get(assignment(task, "350102001"))
                        .payload()
                        .get("target")
                        .asInt())
                .isEqualTo(35);
        assertThat(allocated.get(assignment(task, "350102001")).orgPath()).isEqualTo("350100/350102/350102001");
        assertThat(allocated
                        .get(assignment(task, "350102001"))
                        .payload()
                        .get("parentAssignmentId")
                        .asString())
                .isEqualTo(gulou);
        assertThat(allocated.get(root).payload().get("target").asInt()).isEqualTo(100);
    }

    @Test
    void aRateIsInheritedByChildrenUnlessOverridden() throws Exception {
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String root = assignment(rateTask(plan), "350100");

        api.split(
                        root,
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\"},{\"unitCode\":\"350104\",\"target\":99}]}")
                .andExpect(status().isOk());

        api.get("/api/planning/assignments/" + assignment(rateTask(plan), "350102"), gulouStaff())
                .andExpect(jsonPath("$.target").value(98));
        api.get("/api/planning/assignments/" + assignment(rateTask(plan), "350104"), cangshanStaff())
                .andExpect(jsonPath("$.target").value(99));
    }

    @Test
    void reAllocationNeedsTheCurrentVersionAsIfMatchAndIsAllowedUntilAcknowledgement() throws Exception {
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String root = assignment(countTask(plan), "350100");
        String split =
                "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":%d},{\"unitCode\":\"350104\",\"target\":%d}]}";
        String seen = api.get("/api/planning/assignments/" + root, cityStaff())
                .andExpect(header().exists("ETag"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        api.post("/api/planning/assignments/" + root + "/allocations", cityStaff(), split.formatted(50, 50))
                .andExpect(status().isPreconditionRequired());
        api.split(root, cityStaff(), split.formatted(50, 50))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(seen)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/planning/assignments/" + root + "/allocations")
                        .with(cityStaff())
                        .header("If-Match", seen)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(split.formatted(90, 10)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:fulian:problem:precondition-failed"));
        api.split(root, cityStaff(), split.formatted(70, 30)).andExpect(status().isOk());
        api.get("/api/planning/assignments/" + assignment(countTask(plan), "350102"), gulouStaff())
                .andExpect(jsonPath("$.target").value(70));

        api.post("/api/planning/assignments/" + assignment(countTask(plan), "350102") + "/acknowledge", gulouStaff())
                .andExpect(status().isOk());
        api.split(root, cityStaff(), split.formatted(60, 40)).andExpect(status().isConflict());
        api.get("/api/planning/assignments/" + assignment(countTask(plan), "350102"), gulouStaff())
                .andExpect(jsonPath("$.target").value(70));
    }

    @Test
    void theParentSeesWhoHasNotAcknowledgedAndCancellationNeedsAReason() throws Exception {
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String task = countTask(plan);
        String root = assignment(task, "350100");
        api.split(
                root,
                cityStaff(),
                "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":50},{\"unitCode\":\"350104\",\"target\":50}]}");
        api.post("/api/planning/assignments/" + assignment(task, "350104") + "/acknowledge", cangshanStaff());

        api.get("/api/planning/assignments/" + root + "/children", cityStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.unitPath=='350100/350102')].status").value("ASSIGNED"))
                .andExpect(jsonPath("$[?(@.unitPath=='350100/350104')].status").value("ACKNOWLEDGED"))
                .andExpect(
                        jsonPath("$[?(@.unitPath=='350100/350102')].unitName").exists());

        api.post("/api/planning/assignments/" + root + "/allocations/350102/cancel", cityStaff(), "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post(
                        "/api/planning/assignments/" + root + "/allocations/350102/cancel",
                        cityStaff(),
                        "{\"reason\":\"任务调整至台江区\"}")
                .andExpect(status().isOk());
        api.get("/api/planning/assignments/" + assignment(task, "350102"), gulouStaff())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelReason").value("任务调整至台江区"));
    }

    @Test
    void aPublishedTargetChangesOnlyByARevisionWithAReasonKeptAsHistory() throws Exception {
        int year = PlanningApi.freshYear();
        String plan = api.publishedPlan(cityStaff(), year);

        api.post(
                        "/api/planning/plans/" + plan + "/tasks/" + countTask(plan) + "/revise",
                        cityStaff(),
                        "{\"target\":120,\"reason\":\"市政府追加示范村建设任务\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[0].indicator.target").value(120))
                .andExpect(jsonPath("$.revisions[0].previousTarget").value(100))
                .andExpect(jsonPath("$.revisions[0].reason").value("市政府追加示范村建设任务"));
        api.get("/api/planning/assignments/" + assignment(countTask(plan), "350100"), cityStaff())
                .andExpect(jsonPath("$.target").value(120));

        api.post("/api/planning/plans/" + plan + "/copy-to-next-year", cityStaff())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(year + 1))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.tasks[0].dueDate").value((year + 1) + "-10-31"))
                .andExpect(jsonPath("$.tasks[0].indicator.target").value(120));
    }

    @Test
    void myAssignmentsListShowsParentTargetOwnTargetAndAllocatedSum() throws Exception {
        int year = PlanningApi.freshYear();
        String plan = api.publishedPlan(cityStaff(), year);
        String task = countTask(plan);
        api.split(
                assignment(task, "350100"),
                cityStaff(),
                "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":60},{\"unitCode\":\"350104\",\"target\":40}]}");
        api.post("/api/planning/assignments/" + assignment(task, "350102") + "/acknowledge", gulouStaff());
        api.split(
                assignment(task, "350102"),
                gulouStaff(),
                "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":60}]}");

        api.get("/api/planning/assignments?year=" + year, gulouStaff())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].parentTarget").value(100))
                .andExpect(jsonPath("$.items[0].target").value(60))
                .andExpect(jsonPath("$.items[0].allocatedToChildren").value(60))
                .andExpect(jsonPath("$.items[0].status").value("ACKNOWLEDGED"));
        api.get("/api/planning/assignments?year=" + year, gudongStaff())
                .andExpect(jsonPath("$.items[0].target").value(60))
                .andExpect(jsonPath("$.items[0].statusLabel").value("待签收"));
    }

    @Test
    void aUnitKeepsPartOfItsTargetAndAllocatesTheRestToItsChild() throws Exception {
        int year = PlanningApi.freshYear();
        String plan = api.publishedPlan(cityStaff(), year);
        String task = countTask(plan);
        api.split(
                        assignment(task, "350100"),
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":25},{\"unitCode\":\"350104\",\"target\":75}]}")
                .andExpect(status().isOk());
        String gulou = assignment(task, "350102");
        api.post("/api/planning/assignments/" + gulou + "/acknowledge", gulouStaff());

        api.split(gulou, gulouStaff(), "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":9}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("本级保留")));
        api.split(gulou, gulouStaff(), "{\"allocations\":[{\"unitCode\":\"350102001\",\"target\":9}],\"retained\":16}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocatedToChildren").value(9))
                .andExpect(jsonPath("$.retained").value(16))
                .andExpect(jsonPath("$.shortfall").value(0));

        List<TopicReader.Published> retained = TopicReader.read(
                broker,
                Topics.PLANNING,
                e -> "TargetRetained".equals(e.type()) && e.aggregateId().equals(gulou),
                1);
        assertThat(retained).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(gulou);
            assertThat(p.envelope().payload().get("retained").asInt()).isEqualTo(16);
            assertThat(p.envelope().payload().get("unitPath").asString()).isEqualTo("350100/350102");
        });
    }

    @Test
    void aRateIsNeitherAddedUpNorRetained() throws Exception {
        String plan = api.publishedPlan(cityStaff(), PlanningApi.freshYear());
        String root = assignment(rateTask(plan), "350100");
        api.split(
                        root,
                        cityStaff(),
                        "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":98},{\"unitCode\":\"350104\",\"target\":99}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocatedToChildren").doesNotExist())
                .andExpect(jsonPath("$.shortfall").value(0));
        api.split(root, cityStaff(), "{\"allocations\":[{\"unitCode\":\"350102\",\"target\":98}],\"retained\":2}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("retained"));
    }

    @Test
    void theSourceOfAnIndicatorIsKeptInThePlanAndPublishedWithItsTask() throws Exception {
        int year = PlanningApi.freshYear();
        String json = PlanningApi.planJson(year)
                .replace(
                        "\"denominatorName\":\"受理件数\"}",
                        "\"denominatorName\":\"受理件数\",\"source\":{\"kind\":\"RIGHTS\",\"rightsKpi\":\"CLOSURE_RATE\"}}");
        String id = com.jayway.jsonpath.JsonPath.read(
                api.post("/api/planning/plans", cityStaff(), json)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.tasks[1].indicator.source.kind").value("RIGHTS"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        api.post("/api/planning/plans/" + id + "/publish", cityStaff()).andExpect(status().isOk());

        List<TopicReader.Published> tasks = TopicReader.read(
                broker,
                Topics.PLANNING,
                e -> "TaskPublished".equals(e.type())
                        && e.payload().get("year").asInt() == year
                        && e.payload().get("title").asString().startsWith("信访"),
                1);
        assertThat(tasks).singleElement().satisfies(p -> {
            var source = p.envelope().payload().get("indicator").get("source");
            assertThat(source.get("kind").asString()).isEqualTo("RIGHTS");
            assertThat(source.get("rightsKpi").asString()).isEqualTo("CLOSURE_RATE");
        });
    }
}
