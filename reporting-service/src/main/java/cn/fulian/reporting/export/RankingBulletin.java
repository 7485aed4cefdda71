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
 * line per unit — with the Chinese text embedded as a font subset, so it prints and copies as text anywhere.
 */
final class RankingBulletin {

    private static final float MARGIN = 56;
    private static final float[] COLUMNS = {56, 100, 260, 360, 410, 460, 510};
    private static final String[] HEADERS = {"排名", "单位", "综合完成率", "绿灯", "黄灯", "红灯", "逾期"};

    private final PDDocument doc;
    private final PDType0Font font;
    private PDPageContentStream out;
    private float y;

    private RankingBulletin(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
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
        text(
                MARGIN,
                10.5f,
                "通报日期: " + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        y -= 16;
        for (String line : wrap(
                "根据各单位工作任务完成情况(活动实时数据),按综合完成率(各项任务完成率的平均值,单项最高按100%计)对"
                        + d.unit().name() + "所属" + d.rankings().size() + "个单位排名如下:",
                40)) {
            text(MARGIN, 10.5f, line);
            y -= 16;
        }
        y -= 8;
        for (int i = 0; i < HEADERS.length; i++) {
            text(COLUMNS[i], 10.5f, HEADERS[i]);
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
                text(COLUMNS[i], 10.5f, cells[i]);
            }
            y -= 18;
        }
        y -= 10;
        for (RankingRow r : d.rankings()) {
            for (String line : wrap(summaryLine(r), 42)) {
                ensureRoom(18);
                text(MARGIN, 10.5f, line);
                y -= 16;
            }
        }
    }

    static String summaryLine(RankingRow r) {
        StringBuilder s = new StringBuilder()
                .append("第")
                .append(r.rank())
                .append("名 ")
                .append(r.unit().name())
                .append(": 综合完成率")
                .append(percent(r.score()))
                .append(", 绿灯")
                .append(r.green())
                .append("项、黄灯")
                .append(r.yellow())
                .append("项、红灯")
                .append(r.red())
                .append("项");
        if (r.overdue() > 0) {
            s.append("、逾期未完成").append(r.overdue()).append("项, 请抓紧落实");
        } else if (r.red() > 0) {
            s.append(", 进度严重滞后, 请加快推进");
        }
        return s.append("。").toString();
    }

    private static String percent(BigDecimal v) {
        return v == null ? "—" : v.toPlainString() + "%";
    }

    /** Lines of at most {@code width} characters, breaking only where the text has none itself. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            String rest = paragraph.replace('\t', ' ');
            while (rest.length() > width) {
                lines.add(rest.substring(0, width));
                rest = rest.substring(width);
            }
            lines.add(rest);
        }
        return lines;
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
