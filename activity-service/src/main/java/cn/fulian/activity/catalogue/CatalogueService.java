package cn.fulian.activity.catalogue;

import cn.fulian.activity.config.InvalidRequestException;
import cn.fulian.starter.problem.ConflictException;
import cn.fulian.starter.problem.FieldProblem;
import cn.fulian.starter.problem.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Reads the activity catalogue and lets admins add or change metrics and activity types. */
@Service
public class CatalogueService {

    private static final Pattern METRIC_CODE = Pattern.compile("[a-z][A-Za-z0-9]{1,39}");
    private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final ActivityTypeRepository types;
    private final MetricDefinitionRepository metrics;

    CatalogueService(ActivityTypeRepository types, MetricDefinitionRepository metrics) {
        this.types = types;
        this.metrics = metrics;
    }

    public Catalogue catalogue() {
        return new Catalogue(metrics.findAll(Sort.by("_id")), types.findAll(Sort.by("_id")));
    }

    public ActivityType type(String code) {
        return types.findById(code).orElseThrow(() -> new NotFoundException("活动类型 " + code));
    }

    /** Creates or changes a metric; its code is permanent because recorded activities and events use it. */
    public MetricDefinition saveMetric(
            String code, String label, String unit, Quantity quantity, boolean integer, String notGreaterThan) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!METRIC_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(
                    "code",
                    "指标代码须为小写字母开头的字母数字(如 womenParticipants)",
                    "code must be lowerCamelCase letters and digits"));
        }
        if (notGreaterThan != null && !notGreaterThan.isBlank()) {
            if (notGreaterThan.equals(code) || !metrics.existsById(notGreaterThan)) {
                problems.add(new FieldProblem("notGreaterThan", "须为另一个已有指标的代码", "must name another existing metric"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Long version = metrics.findById(code).map(MetricDefinition::version).orElse(null);
        String cap = notGreaterThan == null || notGreaterThan.isBlank() ? null : notGreaterThan;
        return metrics.save(new MetricDefinition(code, label.trim(), unit.trim(), quantity, integer, cap, version));
    }

    /**
     * Creates or changes an activity type. Metrics may be added, and their required flag changed, but a metric is never
     * removed from a type: activities already recorded with it could then no longer be amended consistently.
     */
    public ActivityType saveType(
            String code, String name, String description, List<TypeMetric> typeMetrics, boolean active) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!TYPE_CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(
                    "code", "类型代码须为大写字母、数字和下划线(如 JOB_FAIR)", "code must be UPPER_SNAKE letters and digits"));
        }
        Map<String, MetricDefinition> known = catalogue().metricsByCode();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < typeMetrics.size(); i++) {
            String m = typeMetrics.get(i).code();
            if (!known.containsKey(m)) {
                problems.add(new FieldProblem(
                        "metrics[" + i + "].code",
                        "未知指标:" + m + ",请先定义指标",
                        "unknown metric " + m + "; define it first"));
            } else if (!seen.add(m)) {
                problems.add(new FieldProblem("metrics[" + i + "].code", "指标重复:" + m, "metric listed twice: " + m));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        ActivityType existing = types.findById(code).orElse(null);
        if (existing != null) {
            List<String> removed = existing.metrics().stream()
                    .map(TypeMetric::code)
                    .filter(m -> !seen.contains(m))
                    .toList();
            if (!removed.isEmpty()) {
                throw new ConflictException("活动类型已使用的指标不能删除:" + removed + ";可停用该类型后新建 / metrics cannot be removed"
                        + " from a type: " + removed);
            }
        }
        return types.save(new ActivityType(
                code, name.trim(), description, typeMetrics, active, existing != null ? existing.version() : null));
    }
}
