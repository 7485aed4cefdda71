package cn.fulian.reporting.summary;

import org.springframework.stereotype.Service;

/** Renders an (edited) summary draft for download. */
@Service
public class SummaryExport {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public byte[] docx(SummaryDraft draft) {
        return SummaryDocx.render(draft);
    }
}
