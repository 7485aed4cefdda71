package cn.fulian.planning;

import static cn.fulian.starter.test.TestTokens.admin;
import static cn.fulian.starter.test.TestTokens.cityStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.fulian.events.Topics;
import cn.fulian.starter.test.ServiceTest;
import cn.fulian.starter.test.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A federation's tree comes in as a file (YAML, CSV or Excel): a dry run checks every row and says what would be
 * added; a bad row is named with its row and field and nothing is imported; a good file is imported whole, parents
 * first. Each test imports under a unit of the demo city that no other test touches.
 */
@ServiceTest
class OrgUnitImportTest {

    private static final String UNITS = "/api/planning/org-units";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    PlanningApi api;

    @BeforeEach
    void api() {
        api = new PlanningApi(mvc);
    }

    @Test
    void aDryRunReportsWhatTheFileWouldAddAndRegistersNothing() throws Exception {
        String yaml = """
                code: "350181"
                name: 福清市
                type: COUNTY_CITY
                children:
                  - code: "350181101"
                    name: 龙田镇
                    type: TOWN
                    children:
                      - { code: "350181101201", name: 上楼村, type: VILLAGE }
                      - { name: 龙田镇商会, type: 两新组织 }
                  - { name: 市直机关妇委会, type: ORGAN }
                """;
        upload(admin(), "fuqing.yaml", yaml, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.toAdd").value(4))
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.errors.length()").value(0))
                .andExpect(jsonPath("$.units[*].code")
                        .value(org.hamcrest.Matchers.contains(
                                "350181101", "350181101201", "350181101-001", "350181-001")))
                .andExpect(jsonPath("$.units[0].row").value(5))
                .andExpect(jsonPath("$.units[2].row").value(10))
                .andExpect(jsonPath("$.units[2].type").value("NEW_ORG"))
                .andExpect(jsonPath("$.units[2].codeGiven").value(true))
                .andExpect(jsonPath("$.units[3].path").value("350100/350181/350181-001"));
        api.get(UNITS + "/350181101", admin()).andExpect(status().isNotFound());

        upload(admin(), "fuqing.yaml", yaml, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.toAdd").value(4));
        api.get(UNITS + "/350181101-001", admin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("NEW_ORG"))
                .andExpect(jsonPath("$.label").value("龙田镇商会妇联"))
                .andExpect(jsonPath("$.path").value("350100/350181/350181101/350181101-001"));

        // the same file again only restates what is registered, units without a code found by parent and name
        upload(admin(), "fuqing.yaml", yaml, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAdd").value(0))
                .andExpect(jsonPath("$.unchanged").value(5));
        upload(admin(), "fuqing.yaml", yaml + "  - { name: 市妇女儿童活动中心, type: OTHER }\n", true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAdd").value(1))
                .andExpect(jsonPath("$.units[0].code").value("350181-002"));
    }

    @Test
    void aCsvWithChineseHeadersAndLabelsIsImportedParentsFirstAndEachUnitPublished() throws Exception {
        String csv = "\uFEFF代码,名称,类型,上级代码\r\n"
                + "350112101201,潭头村,村,350112101\r\n"
                + "350112101,潭头镇,镇,350112\r\n"
                + "350112102,金峰镇,镇,350112\r\n"
                + ",金峰镇妇女之家,其他,350112102\r\n"
                + "\"350112102201\",\"金峰村\",\"村\",\"350112102\"\r\n";
        upload(admin(), "changle.csv", csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.toAdd").value(5))
                .andExpect(jsonPath("$.units[*].code")
                        .value(org.hamcrest.Matchers.contains(
                                "350112101", "350112101201", "350112102", "350112102-001", "350112102201")))
                .andExpect(jsonPath("$.units[1].row").value(2));
        api.get(UNITS + "/350112101201", cityStaff())
                .andExpect(jsonPath("$.path").value("350100/350112/350112101/350112101201"))
                .andExpect(jsonPath("$.type").value("VILLAGE"));

        Set<String> codes = Set.of("350112101", "350112101201", "350112102", "350112102-001", "350112102201");
        List<String> published =
                TopicReader.read(broker, Topics.ORG_UNITS, e -> codes.contains(e.aggregateId()), 5).stream()
                        .map(TopicReader.Published::key)
                        .toList();
        assertThat(published).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void anExcelSheetIsReadLikeTheCsvEvenWithCodesTypedAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("组织机构");
            Row header = sheet.createRow(0);
            String[] titles = {"代码", "名称", "类型", "上级代码"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            Row town = sheet.createRow(1);
            town.createCell(0).setCellValue(350112103d);
            town.createCell(1).setCellValue("古槐镇");
            town.createCell(2).setCellValue("TOWN");
            town.createCell(3).setCellValue(350112d);
            Row village = sheet.createRow(3);
            village.createCell(0).setCellValue("350112103201");
            village.createCell(1).setCellValue("古槐村");
            village.createCell(2).setCellValue("村");
            village.createCell(3).setCellValue("350112103");
            book.write(out);
        }
        mvc.perform(multipart(UNITS + "/import")
                        .file(new MockMultipartFile(
                                "file",
                                "长乐.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                out.toByteArray()))
                        .param("dryRun", "true")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAdd").value(2))
                .andExpect(jsonPath("$.units[0].code").value("350112103"))
                .andExpect(jsonPath("$.units[0].row").value(2))
                .andExpect(jsonPath("$.units[1].row").value(4));
    }

    @Test
    void everyBadRowIsNamedWithItsRowAndFieldAndNothingOfTheFileIsImported() throws Exception {
        String csv = String.join(
                "\n",
                "code,name,type,parentCode",
                "350181201,东张镇,TOWN,350181",
                "350181202,,TOWN,350181",
                "350181203,新厝镇,星系,350181",
                "3501812,坏代码镇,TOWN,350181",
                "350181201,东张镇重复,TOWN,350181",
                "350102,鼓楼区（改名）,DISTRICT,350100",
                "350181204,音西街道,SUBDISTRICT,350199",
                "350181205,甲镇,TOWN,350181206",
                "350181206,乙镇,TOWN,350181205",
                "350104950,仓山某街道,SUBDISTRICT,350181",
                "350181207,错误县,COUNTY,350181",
                "350181208,宏路街道,SUBDISTRICT,350181",
                "350181208001,石门社区,COMMUNITY,350181208",
                "350181208001-001,社区妇女之家,OTHER,350181208001",
                "350181208001-001-001,妇女议事会,OTHER,350181208001-001",
                "350181208001-001-001-001,议事小组,OTHER,350181208001-001-001",
                "");
        for (boolean dryRun : new boolean[] {true, false}) {
            String body = upload(admin(), "fuqing.csv", csv, dryRun)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:fulian:problem:validation"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
            List<String> rowFields = new ArrayList<>();
            errors.forEach(e -> rowFields.add(e.get("row") + " " + e.get("field")));
            assertThat(rowFields)
                    .containsExactly(
                            "3 name",
                            "4 type",
                            "5 code",
                            "6 code",
                            "7 code",
                            "8 parentCode",
                            "9 parentCode",
                            "10 parentCode",
                            "11 code",
                            "12 code",
                            "17 parentCode");
            assertThat(errors).allSatisfy(e -> assertThat(e.get("messageEn")).isNotNull());
            assertThat(errors.get(3).get("message").toString()).contains("第2行");
            assertThat(errors.get(4).get("message").toString()).contains("鼓楼区");
            assertThat(errors.get(5).get("message").toString()).contains("350199");
            assertThat(errors.get(6).get("message").toString()).contains("成环");
            assertThat(errors.get(8).get("message").toString()).contains("行政区划内");
            assertThat(errors.get(10).get("message").toString()).contains("6级");
        }
        api.get(UNITS + "/350181201", admin()).andExpect(status().isNotFound());
        api.get(UNITS + "/350181208", admin()).andExpect(status().isNotFound());

        String mended = String.join(
                "\n",
                "code,name,type,parentCode",
                "350181201,东张镇,TOWN,350181",
                "350181208,宏路街道,SUBDISTRICT,350181",
                "350181208001,石门社区,COMMUNITY,350181208",
                "350181208001-001,社区妇女之家,OTHER,350181208001",
                "350181208001-001-001,妇女议事会,OTHER,350181208001-001");
        upload(admin(), "fuqing.csv", mended, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAdd").value(5));
        api.get(UNITS + "/350181208001-001-001", admin())
                .andExpect(jsonPath("$.path")
                        .value("350100/350181/350181208/350181208001/350181208001-001/350181208001-001-001"));
    }

    @Test
    void aFileTooLargeTooLongOrOfAnotherKindIsRefusedAsAWhole() throws Exception {
        StringBuilder many = new StringBuilder("code,name,type,parentCode\n");
        for (int i = 1; i <= 5_001; i++) {
            many.append(",机关").append(i).append(",ORGAN,350128\n");
        }
        upload(admin(), "many.csv", many.toString(), true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("5000")));

        String big = "# " + "填".repeat(800_000) + "\ncode: \"350128\"\nname: 平潭县\ntype: COUNTY\n";
        upload(admin(), "big.yaml", big, true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("2MB")));

        upload(admin(), "tree.txt", "code,name,type,parentCode\n", true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(admin(), "tree.yaml", "code: [\n", true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(admin(), "tree.csv", "编号,单位\n1,2\n", true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("code,name,type,parentCode")));
        mvc.perform(multipart(UNITS + "/import")
                        .file(new MockMultipartFile("file", "gbk.csv", "text/csv", "代码,名称,类型,上级代码\n".getBytes("GBK")))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("UTF-8")));
    }

    @Test
    void onlyAdminsImportAndOnlyUnderUnitsOfTheirOwnSubtree() throws Exception {
        String csv = "code,name,type,parentCode\n350128101,潭城镇,TOWN,350128\n350104951,仓山某街道,SUBDISTRICT,350104\n";
        upload(cityStaff(), "t.csv", csv, true).andExpect(status().isForbidden());

        RequestPostProcessor pingtanAdmin = TestTokens.user("pingtan-admin", "350100/350128", "admin");
        upload(pingtanAdmin, "t.csv", csv, true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"));
        upload(pingtanAdmin, "t.csv", csv.substring(0, csv.lastIndexOf("350104951")), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[*].code").value(hasItems("350128101")));
        api.get(UNITS + "/350128101/history", pingtanAdmin)
                .andExpect(jsonPath("$.items[0].kind").value("ADDED"))
                .andExpect(jsonPath("$.items[0].by").value("pingtan-admin"));
    }

    private ResultActions upload(RequestPostProcessor user, String fileName, String content, boolean dryRun)
            throws Exception {
        return mvc.perform(multipart(UNITS + "/import")
                .file(new MockMultipartFile("file", fileName, null, content.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", String.valueOf(dryRun))
                .with(user));
    }
}
