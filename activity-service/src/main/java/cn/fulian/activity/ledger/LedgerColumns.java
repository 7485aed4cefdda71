package cn.fulian.activity.ledger;

import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.MetricDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger sheet's columns: fixed ones for what every activity has, then one per metric of the catalogue headed
 * {@code 标签(单位)}. The same headings are written into the template and expected back.
 */
final class LedgerColumns {

    static final String TYPE = "活动类型";
    static final String TITLE = "活动名称";
    static final String YEAR = "计划年度";
    static final String START = "开始日期";
    static final String END = "结束日期";
    static final String PLACE = "地点";
    static final String ORGANISER = "主办单位";
    static final String DESCRIPTION = "活动简介";
    static final String LINKS = "计入任务";

    /** Fixed heading to the field it fills, in template order. */
    static final Map<String, String> FIXED = fixed();

    private final Map<String, String> metricByHeading = new LinkedHashMap<>();
    private final Map<String, String> headingByField = new LinkedHashMap<>();

    LedgerColumns(Catalogue catalogue) {
        FIXED.forEach((heading, field) -> headingByField.put(field, heading));
        for (MetricDefinition m : catalogue.metrics()) {
            metricByHeading.put(m.heading(), m.code());
            headingByField.put("metrics." + m.code(), m.heading());
        }
    }

    List<String> headings() {
        List<String> all = new ArrayList<>(FIXED.keySet());
        all.addAll(metricByHeading.keySet());
        return all;
    }

    boolean isMetric(String heading) {
        return metricByHeading.containsKey(heading);
    }

    String metricOf(String heading) {
        return metricByHeading.get(heading);
    }

    /** The heading a problem's field belongs to ({@code links[0].metric} → 计入任务). */
    String headingOf(String field) {
        String key = field.startsWith("links") ? "links" : field;
        return headingByField.getOrDefault(key, field);
    }

    private static Map<String, String> fixed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TYPE, "type");
        m.put(TITLE, "title");
        m.put(YEAR, "year");
        m.put(START, "startDate");
        m.put(END, "endDate");
        m.put(PLACE, "place");
        m.put(ORGANISER, "organiser");
        m.put(DESCRIPTION, "description");
        m.put(LINKS, "links");
        return m;
    }
}
