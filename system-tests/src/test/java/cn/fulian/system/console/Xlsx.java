package cn.fulian.system.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Just enough of an .xlsx to read what a user reads in it: the first sheet's rows as text, cells joined by tabs. An
 * exported workbook keeps its text in the shared strings, the sheet names them by index.
 */
final class Xlsx {

    private static final Pattern SHARED = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<row[^>]*>(.*?)</row>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<c ([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<v>(.*?)</v>", Pattern.DOTALL);

    private Xlsx() {}

    static List<String> rows(byte[] workbook) throws IOException {
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        List<String> shared = new ArrayList<>();
        Matcher si = SHARED.matcher(parts.getOrDefault("xl/sharedStrings.xml", ""));
        while (si.find()) {
            StringBuilder text = new StringBuilder();
            Matcher t = TEXT.matcher(si.group(1));
            while (t.find()) {
                text.append(t.group(1));
            }
            shared.add(unescape(text.toString()));
        }
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(parts.getOrDefault("xl/worksheets/sheet1.xml", ""));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(row.group(1));
            while (c.find()) {
                String body = c.group(2) == null ? "" : c.group(2);
                Matcher v = VALUE.matcher(body);
                Matcher inline = TEXT.matcher(body);
                if (c.group(1).contains("t=\"s\"") && v.find()) {
                    cells.add(shared.get(Integer.parseInt(v.group(1).trim())));
                } else if (inline.find()) {
                    cells.add(unescape(inline.group(1)));
                } else {
                    Matcher plain = VALUE.matcher(body);
                    cells.add(plain.find() ? plain.group(1) : "");
                }
            }
            rows.add(String.join("\t", cells));
        }
        return rows;
    }

    /** The rows that mention the task, by the unit named in their first column. */
    static Map<String, String> rowsByUnit(byte[] workbook, String task) throws IOException {
        Map<String, String> byUnit = new HashMap<>();
        for (String row : rows(workbook)) {
            if (row.contains(task)) {
                byUnit.putIfAbsent(row.split("\t", -1)[0], row);
            }
        }
        return byUnit;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
