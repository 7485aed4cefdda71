package cn.fulian.planning.orgunit;

import cn.fulian.starter.problem.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a unit tree from a file, in any of three shapes:
 *
 * <ul>
 *   <li>YAML: nested units {@code {code, name, type, children: [...]}} (the seed's shape); the top unit may name its
 *       {@code parentCode}, and the file may be a list of such trees;
 *   <li>CSV (UTF-8, with or without BOM): a header {@code code,name,type,parentCode} (or 代码,名称,类型,上级代码), then a
 *       row per unit;
 *   <li>XLSX: the first sheet, the same columns.
 * </ul>
 *
 * Only the shape is read here; what the rows mean is checked by {@link TreeCheck}.
 */
final class TreeFile {

    enum Format {
        YAML,
        CSV,
        XLSX
    }

    /** How large a file may be, in bytes and in units. */
    record Limits(long maxBytes, int maxRows) {

        /** An uploaded file. */
        static final Limits UPLOAD = new Limits(2L * 1024 * 1024, 5_000);

        /** The federation's tree configured for the first start: a whole province's villages may be in it. */
        static final Limits SEED = new Limits(64L * 1024 * 1024, 200_000);
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Map<String, String> COLUMNS = Map.of(
            "code", "code",
            "代码", "code",
            "name", "name",
            "名称", "name",
            "type", "type",
            "类型", "type",
            "parentcode", "parentCode",
            "上级代码", "parentCode");

    private TreeFile() {}

    static List<TreeRow> read(String fileName, String contentType, byte[] bytes, Limits limits) {
        requireSize(bytes.length, limits);
        List<TreeRow> rows = switch (format(fileName, contentType, bytes)) {
            case YAML -> yaml(bytes, limits);
            case CSV -> csv(bytes, limits);
            case XLSX -> xlsx(bytes, limits);
        };
        if (rows.isEmpty()) {
            throw invalid("文件中没有单位", "the file holds no units");
        }
        return rows;
    }

    /** Refuses a file larger than the limit before it is read. */
    static void requireSize(long size, Limits limits) {
        if (size > limits.maxBytes()) {
            long mb = limits.maxBytes() / 1024 / 1024;
            throw invalid(
                    "文件超过" + mb + "MB上限，请拆分后分批导入",
                    "the file is larger than " + mb + " MB; split it and import the parts one after another");
        }
    }

    static Format format(String fileName, String contentType, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.YAML;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("yaml")) {
            return Format.YAML;
        }
        if (type.contains("csv")) {
            return Format.CSV;
        }
        if (type.contains("spreadsheetml")) {
            return Format.XLSX;
        }
        throw invalid(
                "不支持的文件格式：请上传 .yaml/.yml、.csv 或 .xlsx 文件",
                "unsupported file format: upload a .yaml/.yml, .csv or .xlsx file");
    }

    // ---- YAML: read as a token stream, so every unit keeps the line it starts on

    private static List<TreeRow> yaml(byte[] bytes, Limits limits) {
        List<TreeRow> rows = new ArrayList<>();
        try (JsonParser p = YAML.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                    yamlUnit(p, -1, rows, limits);
                }
                if (t != JsonToken.END_ARRAY) {
                    throw notATree(p);
                }
            } else if (t == JsonToken.START_OBJECT) {
                yamlUnit(p, -1, rows, limits);
            } else if (t != null) {
                throw notATree(p);
            }
        } catch (JacksonException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw invalid("YAML格式有误（第" + line + "行附近）", "the YAML cannot be read (near line " + line + ")");
        }
        // a nested unit's parent is the entry around it; its code, once read, is what the report shows as parentCode
        for (int i = 0; i < rows.size(); i++) {
            TreeRow r = rows.get(i);
            if (r.parentIndex() >= 0) {
                rows.set(i, r.withParentCode(rows.get(r.parentIndex()).code()));
            }
        }
        return rows;
    }

    private static void yamlUnit(JsonParser p, int parentIndex, List<TreeRow> rows, Limits limits) {
        int line = p.currentTokenLocation().getLineNr();
        int index = rows.size();
        rows.add(null);
        requireRows(rows.size(), limits);
        Map<String, String> fields = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            t = p.nextToken();
            if ("children".equals(field)) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                        yamlUnit(p, index, rows, limits);
                    }
                    if (t != JsonToken.END_ARRAY) {
                        throw notATree(p);
                    }
                } else if (t != JsonToken.VALUE_NULL) {
                    throw notATree(p);
                }
            } else if (t != null && t.isScalarValue()) {
                fields.put(field, t == JsonToken.VALUE_NULL ? null : p.getString());
            } else {
                p.skipChildren();
                fields.put(field, "");
            }
        }
        rows.set(
                index,
                new TreeRow(
                        line,
                        fields.get("code"),
                        fields.get("name"),
                        fields.get("type"),
                        parentIndex < 0 ? fields.get("parentCode") : null,
                        parentIndex));
    }

    private static InvalidFieldException notATree(JsonParser p) {
        int line = p.currentTokenLocation().getLineNr();
        return invalid(
                "YAML须为单位树：每个单位写作 {code, name, type, children}（第" + line + "行）",
                "the YAML must be a tree of units {code, name, type, children} (line " + line + ")");
    }

    // ---- CSV: RFC 4180 quoting, a record's row is the line it starts on

    private static List<TreeRow> csv(byte[] bytes, Limits limits) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(
                    "CSV文件须为UTF-8编码（在Excel中另存为“CSV UTF-8”）",
                    "the CSV file must be UTF-8 encoded (save as \"CSV UTF-8\")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<TreeRow> rows = new ArrayList<>();
        Map<String, Integer> columns = null;
        int line = 1;
        int pos = 0;
        while (pos < text.length()) {
            int start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (pos < text.length() && !endOfRecord) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"' && pos < text.length() && text.charAt(pos) == '"') {
                        cell.append('"');
                        pos++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (columns == null) {
                columns = header(cells);
            } else {
                requireRows(rows.size() + 1, limits);
                rows.add(row(start, cells, columns));
            }
        }
        if (columns == null) {
            throw invalid("文件中没有单位", "the file holds no units");
        }
        return rows;
    }

    // ---- XLSX: the first sheet; a code typed as a number is read back as its digits

    private static List<TreeRow> xlsx(byte[] bytes, Limits limits) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw invalid("文件中没有单位", "the file holds no units");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            List<TreeRow> rows = new ArrayList<>();
            Map<String, Integer> columns = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), formatter));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(cells);
                } else {
                    requireRows(rows.size() + 1, limits);
                    rows.add(row(row.getRowNum() + 1, cells, columns));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidFieldException invalid) {
                throw invalid;
            }
            throw invalid("无法读取Excel文件，请上传.xlsx格式的工作簿", "the file cannot be read as an .xlsx workbook");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            BigDecimal n = BigDecimal.valueOf(cell.getNumericCellValue());
            if (n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0) {
                return n.toBigInteger().toString();
            }
        }
        return formatter.formatCellValue(cell);
    }

    // ---- shared by CSV and XLSX

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = COLUMNS.get(cells.get(i).strip().toLowerCase(Locale.ROOT));
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        List<String> missing = List.of("code", "name", "type", "parentCode").stream()
                .filter(c -> !columns.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            throw invalid(
                    "表头须为 code,name,type,parentCode（或 代码,名称,类型,上级代码），缺少：" + String.join("、", missing),
                    "the header must be code,name,type,parentCode (or 代码,名称,类型,上级代码); missing: "
                            + String.join(", ", missing));
        }
        return columns;
    }

    private static TreeRow row(int row, List<String> cells, Map<String, Integer> columns) {
        return new TreeRow(
                row,
                cell(cells, columns.get("code")),
                cell(cells, columns.get("name")),
                cell(cells, columns.get("type")),
                cell(cells, columns.get("parentCode")),
                -1);
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    private static void requireRows(int rows, Limits limits) {
        if (rows > limits.maxRows()) {
            throw invalid(
                    "文件超过" + limits.maxRows() + "个单位的上限，请拆分后分批导入",
                    "the file holds more than " + limits.maxRows() + " units; split it and import the parts one after"
                            + " another");
        }
    }

    private static InvalidFieldException invalid(String zh, String en) {
        return new InvalidFieldException("file", zh, en);
    }
}
