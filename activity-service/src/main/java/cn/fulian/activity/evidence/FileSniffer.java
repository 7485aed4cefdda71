package cn.fulian.activity.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises a file by its first bytes (magic numbers), never by its name: a renamed executable stays refused. Word
 * and Excel files are ZIP packages, told apart by the parts they contain ({@code word/…} or {@code xl/…}).
 */
public final class FileSniffer {

    private static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int MAX_ZIP_ENTRIES = 2_000;

    private FileSniffer() {}

    public static Optional<EvidenceKind> sniff(byte[] content) {
        if (startsWith(content, JPG)) {
            return Optional.of(EvidenceKind.JPG);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(EvidenceKind.PNG);
        }
        if (startsWith(content, PDF)) {
            return Optional.of(EvidenceKind.PDF);
        }
        if (startsWith(content, ZIP)) {
            return officePackage(content);
        }
        return Optional.empty();
    }

    /** The lower-case extension of a file name, or an empty string. */
    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static Optional<EvidenceKind> officePackage(byte[] content) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int n = 0;
            while ((entry = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.equals("word/document.xml");
                excel |= name.equals("xl/workbook.xml");
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        if (contentTypes && word && !excel) {
            return Optional.of(EvidenceKind.DOCX);
        }
        if (contentTypes && excel && !word) {
            return Optional.of(EvidenceKind.XLSX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
