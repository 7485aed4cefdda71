package cn.fulian.planning.plan.web;

import cn.fulian.events.planning.IndicatorSource;
import cn.fulian.planning.plan.Direction;
import cn.fulian.planning.plan.Indicator;
import cn.fulian.planning.plan.IndicatorKind;
import cn.fulian.planning.plan.PlanContent;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A plan as written in the form or imported from a JSON/YAML file. */
@Schema(example = """
        {"year":2026,"title":"2026年福州市妇联工作要点","overallRequirements":"坚持以习近平新时代中国特色社会主义思想为指导……",
         "workAreas":["服务妇女发展","维护妇女儿童权益"],
         "tasks":[{"workArea":"服务妇女发展","title":"救助春蕾女童200名","leadDepartment":"儿童部","dueDate":"2026-12-20",
                   "indicator":{"name":"救助春蕾女童","unit":"名","kind":"COUNT","direction":"AT_LEAST","target":200}},
                  {"workArea":"维护妇女儿童权益","title":"信访处结率达98%以上","leadDepartment":"权益部","dueDate":"2026-12-31",
                   "indicator":{"name":"信访处结率","unit":"%","kind":"RATE","direction":"AT_LEAST","target":98,
                                "numeratorName":"办结件数","denominatorName":"受理件数",
                                "source":{"kind":"RIGHTS","rightsKpi":"CLOSURE_RATE"}}}]}""")
public record PlanRequest(
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 100) String title,
        @Size(max = 5000) String overallRequirements,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> workAreas,
        @NotNull @Size(max = 500) List<@Valid @NotNull TaskRequest> tasks) {

    public record TaskRequest(
            @NotBlank String workArea,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String description,
            @Size(max = 50) String leadDepartment,
            @NotNull LocalDate dueDate,
            @NotNull @Valid IndicatorRequest indicator) {}

    public record IndicatorRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String unit,
            @NotNull IndicatorKind kind,
            Direction direction,

            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2)
            BigDecimal target,

            @Size(max = 50) String numeratorName,
            @Size(max = 50) String denominatorName,
            @Valid SourceRequest source) {}

    /**
     * Where the indicator's actual comes from: {@code kind} ACTIVITY (with {@code metric}, and for a rate
     * {@code denominatorMetric}), RIGHTS (with {@code rightsKpi}, optionally {@code category}), HONOURS (with
     * {@code honourFigure}, optionally {@code honourKind}) or REPORTED.
     */
    @Schema(example = """
            {"kind":"RIGHTS","rightsKpi":"CLOSURE_RATE"}""")
    public record SourceRequest(
            @Size(max = 20) String kind,
            @Size(max = 50) String metric,
            @Size(max = 50) String denominatorMetric,
            @Size(max = 30) String rightsKpi,
            @Size(max = 30) String category,
            @Size(max = 30) String honourFigure,
            @Size(max = 30) String honourKind) {

        IndicatorSource toSource() {
            return new IndicatorSource(
                    trim(kind),
                    trim(metric),
                    trim(denominatorMetric),
                    trim(rightsKpi),
                    trim(category),
                    trim(honourFigure),
                    trim(honourKind));
        }

        private static String trim(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    public PlanContent toContent() {
        return new PlanContent(
                year,
                title,
                overallRequirements,
                workAreas,
                tasks.stream()
                        .map(t -> new PlanContent.TaskContent(
                                t.workArea(),
                                t.title(),
                                t.description(),
                                t.leadDepartment(),
                                t.dueDate(),
                                new Indicator(
                                        t.indicator().name(),
                                        t.indicator().unit(),
                                        t.indicator().kind(),
                                        t.indicator().direction() == null
                                                ? Direction.AT_LEAST
                                                : t.indicator().direction(),
                                        t.indicator().target(),
                                        t.indicator().numeratorName(),
                                        t.indicator().denominatorName(),
                                        t.indicator().source() == null
                                                ? null
                                                : t.indicator().source().toSource())))
                        .toList());
    }
}
