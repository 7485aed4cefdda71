package cn.fulian.bench;

import cn.fulian.events.activity.ActivityRecorded;
import cn.fulian.events.activity.AssignmentContribution;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.events.planning.Indicator;
import cn.fulian.events.planning.PlanPublished;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TaskPublished;
import com.mongodb.client.MongoCollection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;

/**
 * The seeded data, published as planning-service and activity-service would: the plan, its tasks and every task's
 * allocation from the city down to each village; then activities at villages. The same figures are kept as raw
 * documents for the read-time aggregation the dashboard is compared with.
 */
final class Seeder {

    static final String PLANNING = "planning-service";
    static final String ACTIVITY = "activity-service";

    /** A task of the seeded plan and the activity metric that feeds it. */
    record Task(
            String id,
            String workArea,
            String title,
            String indicator,
            String unit,
            String kind,
            String type,
            String metric) {}

    private static final String[][] KINDS = {
        {"服务妇女发展", "举办培训班", "培训妇女", "人次", "COUNT", "TRAINING", "participants"},
        {"服务妇女创业就业", "组织招聘会帮助就业", "帮助妇女就业", "人", "COUNT", "JOB_FAIR", "jobsPlaced"},
        {"服务妇女创业就业", "发放创业担保贴息贷款", "贴息贷款", "万元", "AMOUNT", "LOAN", "loanAmount"},
        {"服务家庭建设", "开展家庭教育公益讲座", "家庭教育讲座", "场", "COUNT", "LECTURE", "sessions"},
        {"服务妇女儿童", "救助春蕾女童", "救助春蕾女童", "名", "COUNT", "RELIEF", "beneficiaries"}
    };

    final Settings settings;
    final OrgTree tree;
    final String runId;
    final String planId;
    final List<Task> tasks = new ArrayList<>();
    private final Kafka kafka;
    private final Random random = new Random(2026);
    private final List<Document> rawContributions = new ArrayList<>();
    /** Live actual added per (village path | task id) by this run. */
    final Map<String, BigDecimal> sent = new HashMap<>();

    private long activities;

    Seeder(Settings settings, OrgTree tree, Kafka kafka) {
        this.settings = settings;
        this.tree = tree;
        this.kafka = kafka;
        this.runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000_000L, 36);
        this.planId = "bench-" + runId + "-plan";
        for (int i = 0; i < settings.tasks(); i++) {
            String[] k = KINDS[i % KINDS.length];
            tasks.add(new Task(
                    String.format("bench-%s-t%03d", runId, i + 1),
                    k[0],
                    k[1] + "(" + (i + 1) + ")",
                    k[2],
                    k[3],
                    k[4],
                    k[5],
                    k[6]));
        }
    }

    static String assignmentId(String unitCode, String taskId) {
        return "asg-" + unitCode + "-" + taskId;
    }

    LocalDate dueDate() {
        return LocalDate.of(settings.year(), 12, 20);
    }

    /** The registry's new units (townships and villages); the city and districts are the demo registry's own. */
    int publishOrgUnits() {
        int n = 0;
        for (OrgTree.Unit u : tree.all()) {
            if (u.inRegistry()) {
                continue;
            }
            kafka.publish(
                    new OrgUnitChanged(u.code(), u.name(), u.level(), u.parentCode(), u.path(), false),
                    PLANNING,
                    u.path(),
                    u.code());
            n++;
        }
        kafka.flush();
        return n;
    }

    /** The plan, its tasks and every allocation down to the villages; returns how many events. */
    long publishPlan() {
        long n = 0;
        kafka.publish(
                new PlanPublished(planId, settings.year(), settings.year() + "年福州市妇联工作要点(基准测试)", tasks.size()),
                PLANNING,
                OrgTree.CITY,
                planId);
        n++;
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            BigDecimal cityTarget = targets(i).get(OrgTree.CITY);
            kafka.publish(
                    new TaskPublished(
                            planId,
                            t.id(),
                            settings.year(),
                            t.workArea(),
                            t.title(),
                            new Indicator(t.indicator(), t.unit(), t.kind(), "AT_LEAST", cityTarget, null, null),
                            dueDate()),
                    PLANNING,
                    OrgTree.CITY,
                    t.id());
            n++;
        }
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            Map<String, BigDecimal> targets = targets(i);
            for (OrgTree.Unit u : tree.all()) {
                String parent = u.parentCode() == null ? null : assignmentId(u.parentCode(), t.id());
                String id = assignmentId(u.code(), t.id());
                kafka.publish(
                        new TargetAllocated(
                                id, t.id(), settings.year(), parent, u.path(), targets.get(u.path()), dueDate()),
                        PLANNING,
                        u.path(),
                        id);
                n++;
            }
        }
        kafka.flush();
        return n;
    }

    /** Each unit's target for task i: villages get 1–9, every other unit the sum of its children (repeatable). */
    Map<String, BigDecimal> targets(int taskIndex) {
        Random r = new Random(taskIndex * 7919L + 17);
        Map<String, BigDecimal> t = new HashMap<>();
        for (OrgTree.Unit v : tree.villages) {
            BigDecimal target = BigDecimal.valueOf(1 + r.nextInt(9));
            for (String p = v.path(); p != null; p = parentOf(p)) {
                t.merge(p, target, BigDecimal::add);
            }
        }
        return t;
    }

    static String parentOf(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? null : path.substring(0, i);
    }

    /** One activity at a village, counting toward the village's assignment of the task. */
    ActivityRecorded activity(OrgTree.Unit village, Task task, BigDecimal amount) {
        String id = "bench-" + runId + "-a" + (++activities);
        String asg = assignmentId(village.code(), task.id());
        LocalDate day = LocalDate.of(
                settings.year(),
                1 + random.nextInt(Math.min(11, LocalDate.now().getMonthValue())),
                1 + random.nextInt(28));
        Map<String, BigDecimal> metrics = new HashMap<>();
        metrics.put(task.metric(), amount);
        if (!task.metric().equals("sessions")) {
            metrics.put("sessions", BigDecimal.ONE);
        }
        ActivityRecorded e = new ActivityRecorded(
                id,
                village.path(),
                task.type(),
                settings.year(),
                day,
                day,
                metrics,
                List.of(asg),
                List.of(AssignmentContribution.of(asg, task.metric(), amount)));
        String[] codes = village.path().split("/");
        Document raw = new Document("_id", id)
                .append("year", settings.year())
                .append("taskId", task.id())
                .append("amount", amount.doubleValue());
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            p.append(i == 0 ? "" : "/").append(codes[i]);
            raw.append("p" + (i + 1), p.toString());
        }
        synchronized (rawContributions) {
            rawContributions.add(raw);
        }
        synchronized (sent) {
            sent.merge(village.path() + "|" + task.id(), amount, BigDecimal::add);
        }
        return e;
    }

    /** n activities at random villages and tasks, on the batching producer. */
    void publishActivities(long n) {
        for (long i = 0; i < n; i++) {
            OrgTree.Unit v = tree.villages.get(random.nextInt(tree.villages.size()));
            Task t = tasks.get(random.nextInt(tasks.size()));
            BigDecimal amount = "AMOUNT".equals(t.kind())
                    ? BigDecimal.valueOf(5 + random.nextInt(200), 1)
                    : BigDecimal.valueOf(1 + random.nextInt(60));
            kafka.publish(activity(v, t, amount), ACTIVITY, v.path(), "bench-" + runId + "-a" + activities);
        }
        kafka.flush();
    }

    /** Writes the raw allocations and the contributions so far (once) for the read-time aggregation. */
    void writeRaw(MongoCollection<Document> allocations, MongoCollection<Document> contributions) {
        List<Document> batch = new ArrayList<>(5_000);
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            Map<String, BigDecimal> targets = targets(i);
            for (OrgTree.Unit u : tree.all()) {
                batch.add(new Document("_id", assignmentId(u.code(), t.id()))
                        .append("year", settings.year())
                        .append("taskId", t.id())
                        .append("unitPath", u.path())
                        .append("parentPath", u.parentPath())
                        .append("target", targets.get(u.path()).doubleValue()));
                if (batch.size() == 5_000) {
                    allocations.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            allocations.insertMany(batch);
        }
        synchronized (rawContributions) {
            for (int i = 0; i < rawContributions.size(); i += 5_000) {
                contributions.insertMany(rawContributions.subList(i, Math.min(rawContributions.size(), i + 5_000)));
            }
            rawContributions.clear();
        }
    }
}
