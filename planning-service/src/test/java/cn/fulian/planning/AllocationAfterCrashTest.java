package cn.fulian.planning;

import static cn.fulian.planning.PlanningApi.assignment;
import static cn.fulian.planning.PlanningApi.countTask;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.planning.allocation.Allocation;
import cn.fulian.planning.allocation.AllocationService;
import cn.fulian.planning.allocation.Assignment;
import cn.fulian.planning.allocation.AssignmentRepository;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A split is one write on the parent and then one write per child. A process that stops in between leaves the parent
 * marked {@code childrenPending}; the repair finishes the split from it. These tests make sure no other request can
 * take that mark away before the children are written.
 */
@ServiceTest
class AllocationAfterCrashTest {

    /** 晋安区 writes its own plans here, in years of their own, and splits them among its streets and towns. */
    static final String DISTRICT = "350111";

    static final RequestPostProcessor JINAN = TestTokens.user("jinan-staff", "350100/350111", "district");

    @Autowired
    MockMvc mvc;

    @Autowired
    AllocationService allocations;

    @Autowired
    AssignmentRepository assignments;

    @Autowired
    MongoTemplate mongo;

    PlanningApi api;

    @BeforeEach
    void api() {
        api = new PlanningApi(mvc);
    }

    @Test
    void aSplitSavedWhileAnEarlierOneFinishesKeepsItsMarkUntilTheRepairWritesItsChildren() throws Exception {
        String task = countTask(api.publishedPlan(JINAN, 2026));
        String root = assignment(task, DISTRICT);
        split(root, "{\"allocations\":[{\"unitCode\":\"350111001\",\"target\":60}],\"retained\":40}");
        // the first request, holding the parent as it saved it, is about to clear the mark
        Assignment firstRequestsParent = assignments.findById(root).orElseThrow();

        // a second split of the same parent is saved, and its process stops before writing its child
        split(root, "{\"allocations\":[{\"unitCode\":\"350111002\",\"target\":40}],\"retained\":0}");
        String wangzhuang = assignment(task, "350111002");
        mongo.getCollection("assignments").deleteOne(new Document("_id", wangzhuang));
        mongo.getCollection("assignments")
                .updateOne(new Document("_id", root), new Document("$set", new Document("childrenPending", true)));

        allocations.writeChildren(firstRequestsParent);

        assertThat(rawParent(root).getBoolean("childrenPending"))
                .as("the second split's mark survives the first request's late finish")
                .isTrue();
        allocations.repairPending();
        Assignment written = assignments.findById(wangzhuang).orElseThrow();
        assertThat(written.target()).isEqualByComparingTo("40");
        assertThat(written.parentAssignmentId()).isEqualTo(root);
        assertThat(rawParent(root).getBoolean("childrenPending")).isFalse();
    }

    @Test
    void concurrentSplitsOfOneParentLeaveEveryAllocatedChildWrittenWithItsTarget() throws Exception {
        String task = countTask(api.publishedPlan(JINAN, 2027));
        String root = assignment(task, DISTRICT);
        List<String> children = List.of("350111001", "350111002", "350111003", "350111004", "350111101", "350111102");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int r = 0; r < 4; r++) {
                // each request splits the whole target among all six, each its own way (the first child takes the rest)
                StringBuilder split = new StringBuilder("{\"allocations\":[");
                int rest = 100;
                for (int i = children.size() - 1; i >= 0; i--) {
                    int target = i == 0 ? rest : 5 + r + i;
                    rest -= target;
                    split.append(i == children.size() - 1 ? "" : ",")
                            .append("{\"unitCode\":\"")
                            .append(children.get(i))
                            .append("\",\"target\":")
                            .append(target)
                            .append('}');
                }
                String body = split.append("]}").toString();
                answers.add(pool.submit(() -> {
                    start.await();
                    return splitStatus(root, body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).allMatch(s -> s == 200 || s == 412).contains(200);
        } finally {
            pool.shutdownNow();
        }

        allocations.repairPending();

        Assignment parent = assignments.findById(root).orElseThrow();
        assertThat(parent.allocations()).isNotEmpty();
        for (Allocation allocation : parent.allocations()) {
            Assignment child = assignments.findById(allocation.assignmentId()).orElseThrow();
            assertThat(child.target()).isEqualByComparingTo(allocation.target());
        }
        assertThat(rawParent(root).getBoolean("childrenPending")).isFalse();
    }

    private void split(String parentId, String body) throws Exception {
        assertThat(splitStatus(parentId, body)).isEqualTo(200);
    }

    private int splitStatus(String parentId, String body) throws Exception {
        return api.split(parentId, JINAN, body).andReturn().getResponse().getStatus();
    }

    private Document rawParent(String id) {
        return mongo.getCollection("assignments").find(new Document("_id", id)).first();
    }
}
