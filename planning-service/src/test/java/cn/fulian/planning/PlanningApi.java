package cn.fulian.planning;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Drives the planning API the way the console does; each plan gets its own year so tests never collide. */
final class PlanningApi {

    private static final AtomicInteger YEARS = new AtomicInteger(2031);

    private final MockMvc mvc;

    PlanningApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    static int freshYear() {
        return YEARS.getAndAdd(2); // a copy to the next year must not collide with another test's plan
    }

    static String planJson(int year) {
        return """
                {"year":%d,"title":"%d年福州市妇联工作要点","overallRequirements":"团结引领广大妇女建功新时代",
                 "workAreas":["服务妇女发展","维护妇女儿童权益"],
                 "tasks":[
                  {"workArea":"服务妇女发展","title":"新建巾帼示范村100个","leadDepartment":"发展部","dueDate":"%d-10-31",
                   "indicator":{"name":"新建巾帼示范村","unit":"个","kind":"COUNT","direction":"AT_LEAST","target":100}},
                  {"workArea":"维护妇女儿童权益","title":"信访处结率达98%%以上","leadDepartment":"权益部","dueDate":"%d-12-31",
                   "indicator":{"name":"信访处结率","unit":"%%","kind":"RATE","direction":"AT_LEAST","target":98,
                                "numeratorName":"办结件数","denominatorName":"受理件数"}}]}""".formatted(year, year, year, year);
    }

    ResultActions post(String path, RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /**
     * A split sent the way the console sends it: with the version of the assignment it was made on (its {@code ETag}
     * as {@code user} reads it) as {@code If-Match}.
     */
    ResultActions split(String assignmentId, RequestPostProcessor user, String json) throws Exception {
        String path = "/api/planning/assignments/" + assignmentId;
        String etag = get(path, user).andReturn().getResponse().getHeader("ETag");
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path + "/allocations")
                        .with(user)
                        .header("If-Match", etag == null ? "\"0\"" : etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json));
    }

    ResultActions post(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(user));
    }

    ResultActions put(String path, RequestPostProcessor user, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions get(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(user));
    }

    /** Creates and publishes a plan; returns its id. */
    String publishedPlan(RequestPostProcessor city, int year) throws Exception {
        String id = JsonPath.read(
                post("/api/planning/plans", city, planJson(year))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        post("/api/planning/plans/" + id + "/publish", city);
        return id;
    }

    static String countTask(String planId) {
        return planId + "-t01";
    }

    static String rateTask(String planId) {
        return planId + "-t02";
    }

    static String assignment(String taskId, String unitCode) {
        return "asg-" + taskId + "-" + unitCode;
    }
}
