package cn.fulian.reporting.summary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A draft annual summary: a title, an opening (unnumbered paragraphs under the title), numbered sections (the work
 * areas, then 存在的不足 and 明年工作思路), paragraphs of text, and for every figure in a paragraph its source. The same
 * shape comes back (edited) for the export, so the limits below bound what a caller may send.
 */
public record SummaryDraft(
        @NotBlank(message = "请填写标题|title is required") @Size(max = 200, message = "标题过长|title too long")
        String title,

        @Size(max = 20, message = "开头段落过多|too many opening paragraphs") @Valid
        List<Paragraph> opening,

        @NotNull(message = "请提供章节|sections are required") @Size(max = 100, message = "章节过多|too many sections") @Valid
        List<Section> sections) {

    public record Section(
            @NotBlank(message = "请填写工作领域|work area is required") @Size(max = 100, message = "工作领域过长|work area too long")
            String workArea,

            @NotNull(message = "请提供段落|paragraphs are required")
            @Size(max = 200, message = "段落过多|too many paragraphs")
            @Valid
            List<Paragraph> paragraphs) {}

    public record Paragraph(
            @NotBlank(message = "段落不能为空|paragraph text is required")
            @Size(max = 5000, message = "段落过长|paragraph too long")
            String text,

            @Size(max = 200, message = "来源过多|too many sources") @Valid
            List<Source> sources) {}

    /**
     * Where a figure of the text comes from: a task's approved report value (APPROVED, with the period in
     * {@code figure}), its recorded activity total (RECORDED), its rights-case or honours figure (RIGHTS, HONOURS);
     * the rights desk's own figures are RIGHTS without a task. The task
     * is named by its title, as the plan states it ("举办各类培训班100期"), so the table reads without a look-up.
     */
    public record Source(
            @Size(max = 200) String task,
            @Size(max = 200) String figure,
            SourceKind kind,
            BigDecimal value,
            @Size(max = 20) String unit) {}

    public enum SourceKind {
        APPROVED("审核确认"),
        RECORDED("活动录入"),
        RIGHTS("维权统计"),
        HONOURS("荣誉复查统计");

        private final String label;

        SourceKind(String label) {
            this.label = label;
        }

        /** How the source table of an export names the kind. */
        public String label() {
            return label;
        }
    }
}
