package cn.fulian.reporting.export;

import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.dashboard.DashboardView.RankingRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * 排名通报: the ranking of a unit's direct children by completion as an A4 PDF — title, date, a ranking table and one
 * line per unit worded for its place and pace — with the Chinese text embedded as a font subset, so it prints and copies
 * as text anywhere. Lines break by the glyphs' measured widths where Chinese line breaking allows ({@link LineBreaker}).
 */
final class RankingBulletin {

    private static final float MARGIN = 56;
    private static final float[] COLUMNS = {56, 100, 260, 360, 410, 460, 510};
    private static final String[] HEADERS = {"排名", "单位", "综合完成率", "绿灯", "黄灯", "红灯", "逾期"};
    private static final float BODY = 10.5f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc;
    private final PDType0Font font;
    private final LineBreaker breaker;
    private PDPageContentStream out;
    private float y;

    private RankingBulletin(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
        this.breaker = new LineBreaker(this::width);
    }

    static byte[] render(DashboardView d, byte[] fontBytes, LocalDate today) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(fontBytes), true);
            RankingBulletin b = new RankingBulletin(doc, font);
            b.newPage();
            b.write(d, today);
            b.out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(DashboardView d, LocalDate today) throws IOException {
        String title = d.unit().name() + d.year() + "年度工作任务完成情况排名通报";
        text(MARGIN, 16, title);
        y -= 26;
        text(MARGIN, BODY, "通报日期：" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        y -= 16;
        for (String line : lines("根据各单位工作任务完成情况（活动实时数据），按综合完成率（各项任务完成率的平均值，单项最高按100%计）对"
                + d.unit().name() + "所属" + d.rankings().size() + "个单位排名如下：")) {
            text(MARGIN, BODY, line);
            y -= 16;
        }
        y -= 8;
        for (int i = 0; i < HEADERS.length; i++) {
            text(COLUMNS[i], BODY, HEADERS[i]);
        }
        y -= 6;
        rule();
        y -= 16;
        for (RankingRow r : d.rankings()) {
            ensureRoom(20);
            String[] cells = {
                String.valueOf(r.rank()),
                r.unit().name(),
                percent(r.score()),
                String.valueOf(r.green()),
                String.valueOf(r.yellow()),
                String.valueOf(r.red()),
                String.valueOf(r.overdue())
            };
            for (int i = 0; i < cells.length; i++) {
                text(COLUMNS[i], BODY, cells[i]);
            }
            y -= 18;
        }
        y -= 10;
        for (RankingRow r : d.rankings()) {
            for (String line : lines(summaryLine(r, d.rankings()))) {
                ensureRoom(18);
                text(MARGIN, BODY, line);
                y -= 16;
            }
        }
    }

    /**
     * One unit's line, worded for its place and pace: 「第1名：鼓楼区，综合完成率45%，绿灯1项、黄灯1项。…」. Units with red
     * or overdue tasks are urged, units all green commended; the unit ranked first is never told to hurry as if it were
     * last, and units sharing a rank are 「并列」.
     */
    static String summaryLine(RankingRow r, List<RankingRow> all) {
        boolean tied = all.stream().filter(o -> o.rank() == r.rank()).count() > 1;
        boolean first = r.rank() == 1;
        StringBuilder s = new StringBuilder()
                .append(tied ? "并列第" : "第")
                .append(r.rank())
                .append("名：")
                .append(r.unit().name())
                .append("，综合完成率")
                .append(percent(r.score()));
        List<String> lights = new ArrayList<>();
        count(lights, "绿灯", r.green());
        count(lights, "黄灯", r.yellow());
        count(lights, "红灯", r.red());
        count(lights, "逾期未完成", r.overdue());
        if (!lights.isEmpty()) {
            s.append("，").append(String.join("、", lights));
        }
        s.append("。");
        if (r.noData() > 0) {
            s.append("另有").append(r.noData()).append("项任务暂无数据，未计入综合完成率。");
        }
        long lagging = r.red() + r.overdue();
        if (lagging > 0) {
            s.append(
                    first
                            ? "总体进度领先，但仍有任务" + (r.overdue() > 0 ? "逾期未完成" : "进度严重滞后") + "，请查漏补缺、补齐短板。"
                            : r.overdue() > 0 ? "有任务逾期未完成，请抓紧落实，加快推进。" : "有任务进度严重滞后，请抓紧落实，加快推进。");
        } else if (r.yellow() > 0) {
            s.append(first ? "总体进度领先，个别任务略有滞后，望再接再厉。" : "个别任务进度滞后，请加快推进。");
        } else if (r.green() > 0) {
            s.append(first ? "各项任务进度正常，位居前列，予以通报表扬。" : "各项任务进度正常，予以通报表扬。");
        }
        return s.toString();
    }

    private static void count(List<String> out, String label, long n) {
        if (n > 0) {
            out.add(label + n + "项");
        }
    }

    /** 45.0 → 「45%」, 45.5 → 「45.5%」. */
    private static String percent(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString() + "%";
    }

    /** The text's lines, as wide as the page allows at the body size. */
    private List<String> lines(String text) {
        return breaker.lines(text, WIDTH, WIDTH);
    }

    /** The width of {@code text} at the body size; a character the font lacks counts as a full em. */
    private float width(String text) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            try {
                units += font.getStringWidth(Character.toString(cp));
            } catch (IllegalArgumentException | IOException e) {
                units += 1000;
            }
            i += Character.charCount(cp);
        }
        return units / 1000 * BODY;
    }

    private void text(float x, float size, String s) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(s);
        out.endText();
    }

    private void rule() throws IOException {
        out.moveTo(MARGIN, y);
        out.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
        out.stroke();
    }

    private void ensureRoom(float needed) throws IOException {
        if (y - needed < MARGIN) {
            out.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
