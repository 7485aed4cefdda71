package cn.fulian.activity.ledger;

import cn.fulian.activity.assignment.AssignmentInfo;
import cn.fulian.activity.catalogue.ActivityType;
import cn.fulian.activity.catalogue.Catalogue;
import cn.fulian.activity.catalogue.MetricDefinition;
import cn.fulian.activity.catalogue.TypeMetric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable ledger template: the 活动台账 sheet with the headings the import expects, and a 填写说明 sheet listing
 * the activity types, the metric columns each uses and, when a year is given, the assignments the unit may count
 * toward.
 */
final class LedgerTemplate {

    private LedgerTemplate() {}

    static byte[] build(Catalogue catalogue, List<AssignmentInfo> linkable) {
        LedgerColumns columns = new LedgerColumns(catalogue);
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet ledger = wb.createSheet("活动台账");
            Row header = ledger.createRow(0);
            List<String> headings = columns.headings();
            for (int i = 0; i < headings.size(); i++) {
                header.createCell(i).setCellValue(headings.get(i));
                header.getCell(i).setCellStyle(bold);
                ledger.setColumnWidth(i, Math.max(12, headings.get(i).length() * 2 + 4) * 256);
            }
            ledger.createFreezePane(0, 1);
            typeDropDown(ledger, catalogue);

            Sheet help = wb.createSheet("填写说明");
            int r = 0;
            for (String line : List.of(
                    "每行一项活动;活动类型、活动名称、计划年度、开始日期、结束日期必填,日期写作 2026-04-10。",
                    "只填写该活动类型用到的指标列(见下表,带*为必填);数值不能为负,人数、场次须为整数,金额以万元计、最多两位小数。",
                    "计入任务写作“分配编号:指标代码”,多项用分号分隔;比率类任务写作“分配编号:分子指标/分母指标”。",
                    "整张表先全部校验:任何一行有误则整表不导入,并按行返回错误;全部正确才一次导入。")) {
                help.createRow(r++).createCell(0).setCellValue(line);
            }
            r++;
            Row th = help.createRow(r++);
            th.createCell(0).setCellValue("活动类型");
            th.createCell(1).setCellValue("代码");
            th.createCell(2).setCellValue("填写的指标列");
            Map<String, MetricDefinition> defs = catalogue.metricsByCode();
            for (ActivityType t : catalogue.types()) {
                if (!t.active()) {
                    continue;
                }
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(t.name());
                row.createCell(1).setCellValue(t.code());
                row.createCell(2)
                        .setCellValue(
                                t.metrics().stream().map(m -> heading(defs, m)).collect(Collectors.joining("、")));
            }
            r++;
            Row mh = help.createRow(r++);
            mh.createCell(0).setCellValue("指标列");
            mh.createCell(1).setCellValue("指标代码");
            mh.createCell(2).setCellValue("取值");
            for (MetricDefinition m : catalogue.metrics()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(m.heading());
                row.createCell(1).setCellValue(m.code());
                row.createCell(2).setCellValue(m.integer() ? "非负整数" : "非负数,最多两位小数");
            }
            if (!linkable.isEmpty()) {
                r++;
                Row ah = help.createRow(r++);
                ah.createCell(0).setCellValue("可计入的任务分配编号");
                ah.createCell(1).setCellValue("任务");
                ah.createCell(2).setCellValue("指标(单位)");
                for (AssignmentInfo a : linkable) {
                    Row row = help.createRow(r++);
                    row.createCell(0).setCellValue(a.assignmentId());
                    row.createCell(1).setCellValue(a.taskTitle());
                    row.createCell(2).setCellValue(a.indicatorName() + "(" + a.indicatorUnit() + ")");
                }
            }
            help.setColumnWidth(0, 40 * 256);
            help.setColumnWidth(1, 30 * 256);
            help.setColumnWidth(2, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String heading(Map<String, MetricDefinition> defs, TypeMetric m) {
        MetricDefinition d = defs.get(m.code());
        return (d != null ? d.heading() : m.code()) + (m.required() ? "*" : "");
    }

    /** A drop-down of type names in the first column, when the list fits Excel's 255-character limit. */
    private static void typeDropDown(Sheet sheet, Catalogue catalogue) {
        String[] names = catalogue.types().stream()
                .filter(ActivityType::active)
                .map(ActivityType::name)
                .toArray(String[]::new);
        if (names.length == 0 || String.join(",", names).length() > 250) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(
                helper.createExplicitListConstraint(names), new CellRangeAddressList(1, 1000, 0, 0));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }
}
