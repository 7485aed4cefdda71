package cn.fulian.planning.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.planning.orgunit.TreeFile.Format;
import cn.fulian.planning.orgunit.TreeFile.Limits;
import cn.fulian.starter.problem.InvalidFieldException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three shapes of a tree file, read row by row with the numbers a user finds the rows by. */
class OrgUnitTreeFileTest {

    @Test
    void aNestedYamlUnitKeepsTheLineItStartsOnAndItsParent() {
        String yaml = """
                # a comment line
                code: "350100"
                name: 福州市
                type: CITY
                children:
                  - code: "350102"
                    name: 鼓楼区
                    type: 区
                    children:
                      - { code: 350102001, name: 鼓东街道, type: SUBDISTRICT }
                      - { name: 区直机关, type: ORGAN }
                """;
        List<TreeRow> rows = read("t.yml", yaml);
        assertThat(rows).extracting(TreeRow::row).containsExactly(2, 6, 10, 11);
        assertThat(rows).extracting(TreeRow::parentIndex).containsExactly(-1, 0, 1, 1);
        assertThat(rows).extracting(TreeRow::parentCode).containsExactly(null, "350100", "350102", "350102");
        assertThat(rows.get(2).code()).as("a code written as a number").isEqualTo("350102001");
        assertThat(rows.get(3).code()).isNull();
        assertThat(rows.get(1).type()).isEqualTo("区");
    }

    @Test
    void aYamlFileMayListSeveralTreesEachUnderAParentItNames() {
        String yaml = """
                - code: "350102002"
                  name: 鼓西街道
                  type: SUBDISTRICT
                  parentCode: "350102"
                - { name: 区两新组织妇联, type: NEW_ORG, parentCode: "350102" }
                """;
        List<TreeRow> rows = read("t.yaml", yaml);
        assertThat(rows).extracting(TreeRow::parentCode).containsExactly("350102", "350102");
        assertThat(rows).extracting(TreeRow::row).containsExactly(1, 5);
    }

    @Test
    void aCsvRowIsNumberedByTheLineItStartsOnWithQuotesBomAndBlankLines() {
        String csv = "\uFEFFcode,name,type,parentCode\r\n"
                + "\r\n"
                + "350102001,\"鼓东街道, 东片\",街道,350102\r\n"
                + "350102002,\"鼓西\n街道\",街道,350102\r\n"
                + "350102003,\"温泉\"\"街道\"\"\",街道,350102";
        List<TreeRow> rows = read("t.csv", csv);
        assertThat(rows).extracting(TreeRow::row).containsExactly(3, 4, 6);
        assertThat(rows).extracting(TreeRow::name).containsExactly("鼓东街道, 东片", "鼓西\n街道", "温泉\"街道\"");
        assertThat(rows).extracting(TreeRow::parentCode).containsOnly("350102");
    }

    @Test
    void chineseColumnHeadersMayComeInAnyOrder() {
        List<TreeRow> rows = read("t.csv", "上级代码,类型,名称,代码\n350102,街道,鼓东街道,350102001\n");
        assertThat(rows.get(0)).isEqualTo(new TreeRow(2, "350102001", "鼓东街道", "街道", "350102", -1));
    }

    @Test
    void theFormatComesFromTheNameOrElseTheContentType() {
        assertThat(TreeFile.format("tree.YML", null, new byte[0])).isEqualTo(Format.YAML);
        assertThat(TreeFile.format("tree.csv", "application/octet-stream", new byte[0]))
                .isEqualTo(Format.CSV);
        assertThat(TreeFile.format(null, "text/csv; charset=UTF-8", new byte[0]))
                .isEqualTo(Format.CSV);
        assertThat(TreeFile.format(
                        "upload", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[0]))
                .isEqualTo(Format.XLSX);
        assertThatThrownBy(() -> TreeFile.format("tree.xls", null, new byte[0]))
                .isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("file"));
    }

    @Test
    void aWorkbookThatIsNotOneIsRefusedAsAFileProblem() {
        assertThatThrownBy(() ->
                        TreeFile.read("t.xlsx", null, "not a zip".getBytes(StandardCharsets.UTF_8), Limits.UPLOAD))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("xlsx");
    }

    @Test
    void theDemoTreeHasATypeForEveryUnit() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/seed/org-units.yaml")) {
            bytes = in.readAllBytes();
        }
        List<TreeRow> rows = TreeFile.read("org-units.yaml", null, bytes, Limits.SEED);
        assertThat(rows)
                .hasSize(59)
                .allSatisfy(r -> assertThat(r.type()).as(r.name()).isNotBlank());
    }

    private static List<TreeRow> read(String name, String text) {
        return TreeFile.read(name, null, text.getBytes(StandardCharsets.UTF_8), Limits.UPLOAD);
    }
}
