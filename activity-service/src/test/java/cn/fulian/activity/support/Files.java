package cn.fulian.activity.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small real files of each evidence kind, and impostors. */
public final class Files {

    private Files() {}

    public static byte[] jpg() {
        return withHeader(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 200);
    }

    public static byte[] png() {
        return withHeader(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 300);
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] exe() {
        return withHeader(new byte[] {'M', 'Z', (byte) 0x90, 0}, 500);
    }

    public static byte[] docx() {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("签到表").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ZIP archive that is neither a Word nor an Excel file. */
    public static byte[] plainZip() {
        return zip("readme.txt");
    }

    private static byte[] zip(String... names) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] withHeader(byte[] header, int size) {
        byte[] b = new byte[size];
        System.arraycopy(header, 0, b, 0, header.length);
        for (int i = header.length; i < size; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }
}
