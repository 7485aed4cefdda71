package cn.fulian.reporting.summary;

import cn.fulian.reporting.summary.SummaryDraft.Paragraph;
import cn.fulian.reporting.summary.SummaryDraft.Section;
import cn.fulian.reporting.summary.SummaryDraft.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** The (edited) summary as a Word document: title, numbered sections, paragraphs, then a table of the figures' sources. */
final class SummaryDocx {

    private static final String FONT = "宋体";

    private SummaryDocx() {}

    static byte[] render(SummaryDraft draft) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, draft.title(), 18, true);
            int n = 0;
            for (Section s : draft.sections()) {
                run(doc.createParagraph(), Numerals.heading(n++, s.workArea()), 14, true);
                for (Paragraph p : s.paragraphs()) {
                    XWPFParagraph para = doc.createParagraph();
                    para.setFirstLineIndent(560); // two characters, as Chinese body text is set
                    run(para, p.text(), 12, false);
                }
            }
            run(doc.createParagraph(), "附:数据来源", 12, true);
            XWPFTable table = doc.createTable();
            XWPFTableRow header = table.getRow(0);
            header.getCell(0).setText("工作领域");
            header.addNewTableCell().setText("任务编号");
            header.addNewTableCell().setText("数据项");
            header.addNewTableCell().setText("类别");
            header.addNewTableCell().setText("数值");
            for (Section s : draft.sections()) {
                for (Paragraph p : s.paragraphs()) {
                    if (p.sources() == null) {
                        continue;
                    }
                    for (Source src : p.sources()) {
                        XWPFTableRow row = table.createRow();
                        row.getCell(0).setText(s.workArea());
                        row.getCell(1).setText(src.taskId() == null ? "" : src.taskId());
                        row.getCell(2).setText(src.figure() == null ? "" : src.figure());
                        row.getCell(3).setText(kind(src));
                        row.getCell(4)
                                .setText(src.value() == null ? "" : src.value().toPlainString());
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
