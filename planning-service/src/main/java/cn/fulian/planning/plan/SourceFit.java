package cn.fulian.planning.plan;

import cn.fulian.events.catalogue.StandardMetrics;
import cn.fulian.events.catalogue.StandardMetrics.Metric;
import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.starter.problem.InvalidFieldException;

/**
 * Whether an indicator's source can produce its kind of figure: a count from a count (cases received, honours reviewed,
 * an activity metric that is not money), an amount from money, a rate from a rights rate or from two activity metrics
 * that count the same thing. Units of measure (个, 名, 万元) are labels and play no part.
 */
final class SourceFit {

    private SourceFit() {}

    static void check(Indicator indicator, String at) {
        IndicatorSource s = indicator.source();
        if (s == null) {
            return;
        }
        String field = at + "source.";
        if (s.kind() == null || !IndicatorSource.KINDS.contains(s.kind())) {
            throw new InvalidFieldException(
                    field + "kind",
                    "数据来源须为ACTIVITY(活动指标)、RIGHTS(维权统计)、HONOURS(荣誉统计)或REPORTED(填报值)",
                    "source.kind must be one of " + IndicatorSource.KINDS);
        }
        switch (s.kind()) {
            case IndicatorSource.ACTIVITY -> activity(indicator, s, field);
            case IndicatorSource.RIGHTS -> rights(indicator, s, field);
            case IndicatorSource.HONOURS -> honours(indicator, s, field);
            default -> {
                // REPORTED: the approved report value, whatever the indicator measures
            }
        }
    }

    private static void activity(Indicator indicator, IndicatorSource s, String field) {
        Metric metric = metric(s.metric(), field + "metric");
        if (indicator.kind() == IndicatorKind.RATE) {
            if (s.denominatorMetric() == null || s.denominatorMetric().isBlank()) {
                throw new InvalidFieldException(
                        field + "denominatorMetric",
                        "比率类指标须同时指定计入分母的活动指标",
                        "a rate names the activity metric of its denominator");
            }
            Metric den = metric(s.denominatorMetric(), field + "denominatorMetric");
            if (!metric.quantity().equals(den.quantity())) {
                throw new InvalidFieldException(
                        field + "denominatorMetric",
                        "分子“" + metric.label() + "”(" + metric.unit() + ")与分母“" + den.label() + "”(" + den.unit()
                                + ")计量的不是同一类数量",
                        "numerator " + metric.code() + " and denominator " + den.code()
                                + " do not count the same quantity");
            }
            return;
        }
        if (s.denominatorMetric() != null && !s.denominatorMetric().isBlank()) {
            throw new InvalidFieldException(
                    field + "denominatorMetric", "只有比率类指标才有分母", "only a rate has a denominator metric");
        }
        boolean amount = indicator.kind() == IndicatorKind.AMOUNT;
        if (amount != metric.isMoney()) {
            throw new InvalidFieldException(
                    field + "metric",
                    "活动指标“" + metric.label() + "”(" + metric.unit() + ")不能作为"
                            + (amount ? "金额" : "计数") + "类指标“" + indicator.name() + "”(" + indicator.unit()
                            + ")的数据来源",
                    "activity metric " + metric.code() + " (" + metric.unit() + ") cannot feed the "
                            + indicator.kind().name().toLowerCase() + " indicator " + indicator.name());
        }
    }

    private static Metric metric(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidFieldException(field, "请选择计入本指标的活动指标", "name the activity metric");
        }
        return StandardMetrics.find(code.trim())
                .orElseThrow(
                        () -> new InvalidFieldException(field, "未知的活动指标:" + code, "unknown activity metric " + code));
    }

    private static void rights(Indicator indicator, IndicatorSource s, String field) {
        String kpi = s.rightsKpi();
        boolean rate = IndicatorSource.RIGHTS_RATES.contains(kpi);
        if (kpi == null || !(rate || IndicatorSource.RIGHTS_COUNTS.contains(kpi))) {
            throw new InvalidFieldException(
                    field + "rightsKpi",
                    "维权统计项须为受理件数、办结件数、按期办结件数、逾期件数、重复信访件数、办结率或按期办结率之一",
                    "rightsKpi must be one of " + IndicatorSource.RIGHTS_COUNTS + " or "
                            + IndicatorSource.RIGHTS_RATES);
        }
        if (rate != (indicator.kind() == IndicatorKind.RATE)) {
            throw new InvalidFieldException(
                    field + "rightsKpi",
                    "维权统计项" + kpi + (rate ? "是比率,只能作为比率类指标" : "是件数,不能作为" + zh(indicator.kind()) + "类指标") + "“"
                            + indicator.name() + "”的数据来源",
                    "rights KPI " + kpi + " cannot feed the "
                            + indicator.kind().name().toLowerCase() + " indicator " + indicator.name());
        }
        if (s.category() != null && !IndicatorSource.RIGHTS_CATEGORIES.contains(s.category())) {
            throw new InvalidFieldException(
                    field + "category", "未知的案件类别:" + s.category(), "unknown case category " + s.category());
        }
    }

    private static void honours(Indicator indicator, IndicatorSource s, String field) {
        if (s.honourFigure() == null || !IndicatorSource.HONOUR_FIGURES.contains(s.honourFigure())) {
            throw new InvalidFieldException(
                    field + "honourFigure",
                    "荣誉统计项须为新命名、复查、保留、撤销或移交之一",
                    "honourFigure must be one of " + IndicatorSource.HONOUR_FIGURES);
        }
        if (indicator.kind() != IndicatorKind.COUNT) {
            throw new InvalidFieldException(
                    field + "honourFigure",
                    "荣誉统计项是个数,不能作为" + zh(indicator.kind()) + "类指标“" + indicator.name() + "”的数据来源",
                    "an honours figure is a count and cannot feed the "
                            + indicator.kind().name().toLowerCase() + " indicator " + indicator.name());
        }
        if (s.honourKind() != null && !IndicatorSource.HONOUR_KINDS.contains(s.honourKind())) {
            throw new InvalidFieldException(
                    field + "honourKind", "未知的荣誉类别:" + s.honourKind(), "unknown honour kind " + s.honourKind());
        }
    }

    private static String zh(IndicatorKind kind) {
        return switch (kind) {
            case COUNT -> "计数";
            case AMOUNT -> "金额";
            case RATE -> "比率";
        };
    }
}
