package cn.fulian.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writing helpers for the workbooks: a bold header row, numbers as numeric cells, empty cells for missing values. Rows
 * are streamed (POI's SXSSF): only the last {@value #ROWS_IN_MEMORY} rows of a sheet are held in memory, the rest go to
 * a temporary file until the workbook is written, so a province's ledger fits in the service's heap.
 */
final class Sheets implements AutoCloseable {

    static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, ROWS_IN_MEMORY, true, true);
    private final CellStyle header;

    Sheets() {
        // sizes in the zip's data descriptors as plain zip (ZIP64 only above 4 GB an entry, far beyond a ledger):
        // readers that stream the file, as Java's ZipInputStream does, refuse the ZIP64 form POI writes by default
        workbook.setZip64Mode(Zip64Mode.Never);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
    }

    /** A new sheet with its header row; the next row written is row 1. */
    Sheet sheet(String name, List<String> headers) {
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(header);
            // wide enough for a Chinese header (about two character widths per character)
            sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 2 + 4) * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** Appends a row: strings as text, numbers (BigDecimal, Long, Integer) as numeric cells, null as an empty cell. */
    static void append(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = row.createCell(i);
            if (v instanceof BigDecimal d) {
                c.setCellValue(d.doubleValue());
            } else if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else {
                c.setCellValue(v.toString());
            }
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
