package cn.fulian.activity.ledger;

import cn.fulian.activity.activity.ActivityDraft;
import cn.fulian.activity.activity.Link;
import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.starter.problem.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a ledger workbook: checks the header row against the template's headings, then turns every non-empty row into
 * a draft, noting cells that cannot be read (text in a number column, a date that is not a date). Checking the drafts
 * against the activity rules is the import service's job.
 */
final class LedgerReader {

    /** The header row does not fit the template. */
    static final class WrongColumns extends Exception {
        final List<FieldProblem> problems;

        WrongColumns(List<FieldProblem> problems) {
            super("wrong columns");
            this.problems = problems;
        }
    }

    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LINK_SEPARATOR = Pattern.compile("[;；\\n]+");
    private static final Pattern LINK = Pattern.compile("\\s*([^:：]+?)\\s*[:：]\\s*([^/]+?)\\s*(?:/\\s*(.+?)\\s*)?");

    private final LedgerColumns columns;
    private final Catalogue catalogue;
    private final DataFormatter formatter = new DataFormatter();

    LedgerReader(LedgerColumns columns, Catalogue catalogue) {
        this.columns = columns;
        this.catalogue = catalogue;
    }

    List<LedgerRow> read(byte[] xlsx, int maxRows) throws IOException, WrongColumns {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Map<Integer, String> headingAt = header(sheet.getRow(sheet.getFirstRowNum()));
            List<LedgerRow> rows = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, headingAt)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new WrongColumns(List.of(new FieldProblem(
                            "file", "一次最多导入" + maxRows + "行", "at most " + maxRows + " rows per import")));
                }
                rows.add(row(r + 1, row, headingAt));
            }
            return rows;
        }
    }

    private Map<Integer, String> header(Row row) throws WrongColumns {
        Map<Integer, String> at = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        if (row != null) {
            for (Cell cell : row) {
                String h = formatter.formatCellValue(cell).trim();
                if (h.isEmpty()) {
                    continue;
                }
                String column = cellRef(cell.getColumnIndex());
                if (!LedgerColumns.FIXED.containsKey(h) && !columns.isMetric(h)) {
                    problems.add(new FieldProblem(
                            "columns." + column,
                            "未知列“" + h + "”,请使用下载的模板",
                            "unknown column " + h + "; use the template"));
                } else if (seen.putIfAbsent(h, cell.getColumnIndex()) != null) {
                    problems.add(
                            new FieldProblem("columns." + column, "列“" + h + "”重复", "column " + h + " appears twice"));
                } else {
                    at.put(cell.getColumnIndex(), h);
                }
            }
        }
        for (String required : LedgerColumns.FIXED.keySet()) {
            if (!seen.containsKey(required)) {
                problems.add(new FieldProblem(
                        "columns",
                        "缺少列“" + required + "”,请使用下载的模板",
                        "missing column " + required + "; use the template"));
            }
        }
        if (!problems.isEmpty()) {
            throw new WrongColumns(problems);
        }
        return at;
    }

    private LedgerRow row(int rowNumber, Row row, Map<Integer, String> headingAt) {
        List<FieldProblem> unreadable = new ArrayList<>();
        Map<String, Cell> byHeading = new HashMap<>();
        headingAt.forEach((col, h) -> byHeading.put(h, row.getCell(col)));
        String typeText = text(byHeading.get(LedgerColumns.TYPE));
        ActivityType type =
                typeText == null ? null : catalogue.typeByCodeOrName(typeText).orElse(null);
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        headingAt.values().stream().filter(columns::isMetric).forEach(h -> {
            Cell cell = byHeading.get(h);
            String code = columns.metricOf(h);
            if (isBlank(cell)) {
                return;
            }
            BigDecimal v = number(cell);
            if (v == null) {
                unreadable.add(new FieldProblem("metrics." + code, h + "须为数字", code + " must be a number"));
            } else {
                metrics.put(code, v);
            }
        });
        Integer year = null;
        Cell yearCell = byHeading.get(LedgerColumns.YEAR);
        if (!isBlank(yearCell)) {
            BigDecimal y = number(yearCell);
            if (y == null || y.stripTrailingZeros().scale() > 0) {
                unreadable.add(new FieldProblem("year", "计划年度须为四位年份", "year must be a four-digit year"));
            } else {
                year = y.intValue();
            }
        }
        LocalDate start = date(byHeading.get(LedgerColumns.START), "startDate", LedgerColumns.START, unreadable);
        LocalDate end = date(byHeading.get(LedgerColumns.END), "endDate", LedgerColumns.END, unreadable);
        List<Link> links = links(text(byHeading.get(LedgerColumns.LINKS)), unreadable);
        ActivityDraft draft = new ActivityDraft(
                type != null ? type.code() : typeText,
                text(byHeading.get(LedgerColumns.TITLE)),
                year,
                start,
                end,
                text(byHeading.get(LedgerColumns.PLACE)),
                text(byHeading.get(LedgerColumns.ORGANISER)),
                text(byHeading.get(LedgerColumns.DESCRIPTION)),
                metrics,
                links);
        return new LedgerRow(rowNumber, draft, unreadable);
    }

    /** {@code 分配编号:指标} entries separated by semicolons or new lines; a rate adds {@code /分母指标}. */
    private List<Link> links(String text, List<FieldProblem> unreadable) {
        List<Link> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        for (String part : LINK_SEPARATOR.split(text)) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = LINK.matcher(part);
            if (!m.matches()) {
                unreadable.add(new FieldProblem(
                        "links",
                        "计入任务应写作“分配编号:指标”,多项用分号分隔:" + part.trim(),
                        "write links as assignmentId:metric separated by semicolons"));
                continue;
            }
            links.add(new Link(m.group(1), metricCode(m.group(2)), m.group(3) == null ? null : metricCode(m.group(3))));
        }
        return links;
    }

    /** A metric given by code, label or heading. */
    private String metricCode(String given) {
        String g = given.trim();
        for (MetricDefinition m : catalogue.metrics()) {
            if (m.code().equals(g) || m.label().equals(g) || m.heading().equals(g)) {
                return m.code();
            }
        }
        return g;
    }

    private LocalDate date(Cell cell, String field, String heading, List<FieldProblem> unreadable) {
        if (isBlank(cell)) {
            return null;
        }
        CellType t = type(cell);
        if (t == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            if (DateUtil.isCellDateFormatted(cell) || DateUtil.isValidExcelDate(v) && v > 20_000 && v < 80_000) {
                return DateUtil.getLocalDateTime(v).toLocalDate();
            }
        } else {
            Matcher m = DATE.matcher(formatter.formatCellValue(cell).trim());
            if (m.matches()) {
                try {
                    return LocalDate.parse(
                            m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3)),
                            DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException e) {
                    // falls through to the problem below
                }
            }
        }
        unreadable.add(new FieldProblem(field, heading + "不是有效日期(如 2026-04-10)", field + " is not a date"));
        return null;
    }

    private BigDecimal number(Cell cell) {
        CellType t = type(cell);
        if (t == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue());
        }
        String s = formatter.formatCellValue(cell).trim().replace(",", "");
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String text(Cell cell) {
        if (isBlank(cell)) {
            return null;
        }
        String s = formatter.formatCellValue(cell).trim();
        return s.isEmpty() ? null : s;
    }

    private boolean blank(Row row, Map<Integer, String> headingAt) {
        return headingAt.keySet().stream().allMatch(c -> isBlank(row.getCell(c)));
    }

    private boolean isBlank(Cell cell) {
        return cell == null
                || type(cell) == CellType.BLANK
                || formatter.formatCellValue(cell).isBlank();
    }

    private static CellType type(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    static String cellRef(int column) {
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
