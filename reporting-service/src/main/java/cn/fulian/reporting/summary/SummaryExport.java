package cn.fulian.reporting.summary;

import cn.fulian.reporting.export.CjkFont;
import org.springframework.stereotype.Service;

/** Renders an (edited) summary draft for download. */
@Service
public class SummaryExport {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";

    private final CjkFont font;

    SummaryExport(CjkFont font) {
        this.font = font;
    }

    public byte[] docx(SummaryDraft draft) {
        return SummaryDocx.render(draft);
    }

    public byte[] pdf(SummaryDraft draft) {
        return SummaryPdf.render(draft, font.bytes());
    }
}
