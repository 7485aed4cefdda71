package cn.fulian.reporting.export;

/** A file to send: its bytes, media type and the (Chinese) file name the browser saves it under. */
public record Download(byte[] bytes, String mediaType, String fileName) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";
}
