package cn.fulian.activity.support;

import cn.fulian.activity.assignment.AssignmentDirectory;
import cn.fulian.activity.assignment.AssignmentInfo;
import cn.fulian.events.DomainEvent;
import cn.fulian.events.EventCodec;
import cn.fulian.events.Topics;
import cn.fulian.events.orgunit.OrgUnitChanged;
import cn.fulian.events.planning.Indicator;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.events.planning.TargetAllocated;
import cn.fulian.events.planning.TaskCancelled;
import cn.fulian.events.planning.TaskPublished;
import cn.fulian.starter.orgunit.OrgUnitDirectory;
import cn.fulian.starter.scope.OrgPath;
import cn.fulian.starter.test.Eventually;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Plays planning-service: publishes tasks, allocations and cancellations on {@code planning.events.v1} and the demo
 * org tree on {@code org.units.v1}, then waits until this service's local copies have them.
 */
public final class Planning {

    public static final String CITY = "350100";
    public static final String GULOU = "350100/350102";
    public static final String GUDONG = "350100/350102/350102001";
    public static final String GUXI = "350100/350102/350102002";
    public static final String CANGSHAN = "350100/350104";

    private final EmbeddedKafkaBroker broker;
    private final EventCodec codec;
    private final AssignmentDirectory assignments;

    public Planning(EmbeddedKafkaBroker broker, EventCodec codec, AssignmentDirectory assignments) {
        this.broker = broker;
        this.codec = codec;
        this.assignments = assignments;
    }

    /** Publishes a task whose indicator counts {@code unit} (人, 期, 万元 …) or is a RATE, written without a source. */
    public String task(int year, String title, String indicatorName, String unit, String kind) {
        return task(year, title, indicatorName, unit, kind, null);
    }

    /** Publishes a task whose indicator names where its actual comes from. */
    public String task(int year, String title, String indicatorName, String unit, String kind, IndicatorSource source) {
        String taskId = "task-" + UUID.randomUUID();
        publish(
                new TaskPublished(
                        "plan-" + year,
                        taskId,
                        year,
                        "服务妇女发展",
                        title,
                        new Indicator(
                                indicatorName, unit, kind, "AT_LEAST", BigDecimal.valueOf(100), null, null, source),
                        LocalDate.of(year, 12, 20)),
                CITY,
                taskId);
        return taskId;
    }

    public String allocate(String taskId, int year, String unitPath) {
        String assignmentId = "asg-" + UUID.randomUUID();
        publish(
                new TargetAllocated(
                        assignmentId, taskId, year, null, unitPath, BigDecimal.valueOf(50), LocalDate.of(year, 12, 20)),
                unitPath,
                assignmentId);
        return assignmentId;
    }

    public void cancelTask(String taskId) {
        publish(new TaskCancelled(taskId, null, CITY, "任务调整"), CITY, taskId);
    }

    /** Waits until every assignment is known with its published task. */
    public void await(String... assignmentIds) {
        Eventually.within(
                Duration.ofSeconds(30),
                "assignments copied from planning",
                () -> List.of(assignmentIds).stream()
                        .allMatch(id -> assignments
                                .find(id)
                                .filter(AssignmentInfo::taskPublished)
                                .isPresent()));
    }

    public void awaitCancelled(String assignmentId) {
        Eventually.within(
                Duration.ofSeconds(30),
                "cancellation copied from planning",
                () -> assignments
                        .find(assignmentId)
                        .filter(AssignmentInfo::cancelled)
                        .isPresent());
    }

    /** The demo tree's units the tests use, once per context. */
    public void orgUnits(OrgUnitDirectory directory) {
        if (directory.find(OrgPath.of(CANGSHAN)).isPresent()) {
            return;
        }
        unit("350100", "福州市", "CITY", null, CITY);
        unit("350102", "鼓楼区", "DISTRICT", "350100", GULOU);
        unit("350104", "仓山区", "DISTRICT", "350100", CANGSHAN);
        unit("350102001", "鼓东街道", "TOWNSHIP", "350102", GUDONG);
        unit("350102002", "鼓西街道", "TOWNSHIP", "350102", GUXI);
        Eventually.within(
                Duration.ofSeconds(30),
                "org units copied",
                () -> directory.find(OrgPath.of(GUXI)).isPresent()
                        && directory.find(OrgPath.of(CANGSHAN)).isPresent());
    }

    private void unit(String code, String name, String level, String parent, String path) {
        publishOn(Topics.ORG_UNITS, new OrgUnitChanged(code, name, level, parent, path, false), path, code);
    }

    private void publish(DomainEvent event, String orgPath, String key) {
        publishOn(Topics.PLANNING, event, orgPath, key);
    }

    private void publishOn(String topic, DomainEvent event, String orgPath, String key) {
        KafkaProbe.send(
                broker, topic, key, codec.toJson(codec.wrap(event, "planning-service", orgPath, key, Instant.now())));
    }
}
