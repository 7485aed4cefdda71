package cn.fulian.activity.evidence;

import java.util.Set;

/** The file kinds accepted as evidence, recognised by their content. */
public enum EvidenceKind {
    JPG("JPG图片", "image/jpeg", Set.of("jpg", "jpeg")),
    PNG("PNG图片", "image/png", Set.of("png")),
    PDF("PDF文档", "application/pdf", Set.of("pdf")),
    DOCX("Word文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
    XLSX("Excel表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx"));

    private final String label;
    private final String contentType;
    private final Set<String> extensions;

    EvidenceKind(String label, String contentType, Set<String> extensions) {
        this.label = label;
        this.contentType = contentType;
        this.extensions = extensions;
    }

    public String label() {
        return label;
    }

    public String contentType() {
        return contentType;
    }

    public boolean hasExtension(String ext) {
        return extensions.contains(ext);
    }
}
