package cn.fulian.reporting.summary;

import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.summary.SummaryDraft.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The (edited) summary as a Word document: title, opening, numbered sections, paragraphs, then a table of the figures'
 * sources naming each task by its title.
 */
final class SummaryDocx {

    private static final String FONT = "宋体";

    private SummaryDocx() {}

    static byte[] render(SummaryDraft draft) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, draft.title(), 18, true);
            for (Paragraph p : nonNull(draft.opening())) {
                body(doc, p);
            }
            int n = 0;
            for (Section s : draft.sections()) {
                run(doc.createParagraph(), Numerals.heading(n++, s.workArea()), 14, true);
                for (Paragraph p : s.paragraphs()) {
                    body(doc, p);
                }
            }
            run(doc.createParagraph(), SummaryPdf.SOURCES, 12, true);
            XWPFTable table = doc.createTable();
            XWPFTableRow header = table.getRow(0);
            header.getCell(0).setText("工作领域");
            header.addNewTableCell().setText("任务");
            header.addNewTableCell().setText("数据项");
            header.addNewTableCell().setText("类别");
            header.addNewTableCell().setText("数值");
            for (Paragraph p : nonNull(draft.opening())) {
                sourceRows(table, "", p);
            }
            for (Section s : draft.sections()) {
                for (Paragraph p : s.paragraphs()) {
                    sourceRows(table, s.workArea(), p);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void body(XWPFDocument doc, Paragraph p) {
        XWPFParagraph para = doc.createParagraph();
        para.setFirstLineIndent(560); // two characters, as Chinese body text is set
        run(para, p.text(), 12, false);
    }

    private static void sourceRows(XWPFTable table, String area, Paragraph p) {
        for (Source src : nonNull(p.sources())) {
            XWPFTableRow row = table.createRow();
            row.getCell(0).setText(area);
            row.getCell(1).setText(src.task() == null ? "" : src.task());
            row.getCell(2).setText(src.figure() == null ? "" : src.figure());
            row.getCell(3).setText(kind(src));
            row.getCell(4)
                    .setText(
                            src.value() == null
                                    ? ""
                                    : SummaryPdf.value(src.value()) + (src.unit() == null ? "" : src.unit()));
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String kind(Source s) {
        return s.kind() == null ? "" : s.kind().label();
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = p.createRun();
            r.setFontFamily(FONT);
            r.setFontSize(size);
            r.setBold(bold);
            r.setText(lines[i]);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }
}
