package cn.fulian.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.reporting.dashboard.DashboardView;
import cn.fulian.reporting.dashboard.DashboardView.RankingRow;
import cn.fulian.reporting.dashboard.DashboardView.UnitRef;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The ranking bulletin's wording for each unit's place and pace, and its lines as printed. No Spring. */
class RankingBulletinTest {

    private static final String CLOSING = "，。；：、）》”！？,.;:)";

    @Test
    void theUnitRankedFirstIsNeverToldToHurryEvenWithALaggingTask() {
        List<RankingRow> rows = List.of(row(1, "鼓楼区", "85.5", 3, 0, 1, 0), row(2, "仓山区", "60", 1, 1, 1, 1));

        String first = RankingBulletin.summaryLine(rows.get(0), rows);

        assertThat(first)
                .startsWith("第1名：鼓楼区，综合完成率85.5%，绿灯3项、红灯1项。")
                .contains("补齐短板")
                .doesNotContain("请抓紧落实");
    }

    @Test
    void unitsWithRedOrOverdueTasksAreUrged() {
        List<RankingRow> rows = List.of(
                row(1, "鼓楼区", "90", 4, 0, 0, 0), row(2, "仓山区", "60", 1, 1, 2, 0), row(3, "晋安区", "40", 1, 0, 0, 2));

        assertThat(RankingBulletin.summaryLine(rows.get(1), rows))
                .isEqualTo("第2名：仓山区，综合完成率60%，绿灯1项、黄灯1项、红灯2项。有任务进度严重滞后，请抓紧落实，加快推进。");
        assertThat(RankingBulletin.summaryLine(rows.get(2), rows))
                .isEqualTo("第3名：晋安区，综合完成率40%，绿灯1项、逾期未完成2项。有任务逾期未完成，请抓紧落实，加快推进。");
    }

    @Test
    void unitsWhoseTasksAreAllGreenAreCommendedAndAYellowOneIsAskedToSpeedUp() {
        List<RankingRow> rows = List.of(
                row(1, "鼓楼区", "100", 4, 0, 0, 0), row(2, "台江区", "95", 3, 0, 0, 0), row(3, "仓山区", "70", 2, 1, 0, 0));

        assertThat(RankingBulletin.summaryLine(rows.get(0), rows))
                .isEqualTo("第1名：鼓楼区，综合完成率100%，绿灯4项。各项任务进度正常，位居前列，予以通报表扬。");
        assertThat(RankingBulletin.summaryLine(rows.get(1), rows)).isEqualTo("第2名：台江区，综合完成率95%，绿灯3项。各项任务进度正常，予以通报表扬。");
        assertThat(RankingBulletin.summaryLine(rows.get(2), rows))
                .isEqualTo("第3名：仓山区，综合完成率70%，绿灯2项、黄灯1项。个别任务进度滞后，请加快推进。");
    }

    @Test
    void tasksWithoutDataAreNamedAsLeftOutOfTheScore() {
        List<RankingRow> rows = List.of(row(1, "鼓楼区", "100", 4, 0, 0, 0, 2), row(2, "台江区", "95", 3, 0, 0, 0));

        assertThat(RankingBulletin.summaryLine(rows.get(0), rows))
                .isEqualTo("第1名：鼓楼区，综合完成率100%，绿灯4项。另有2项任务暂无数据，未计入综合完成率。各项任务进度正常，位居前列，予以通报表扬。");
        assertThat(RankingBulletin.summaryLine(rows.get(1), rows)).doesNotContain("暂无数据");
    }

    @Test
    void unitsSharingARankAreTiedAndTheNextRankFollowsTheTie() {
        List<RankingRow> rows = List.of(
                row(1, "鼓楼区", "80", 2, 0, 0, 0),
                row(2, "台江区", "70", 2, 0, 0, 0),
                row(2, "仓山区", "70", 1, 1, 0, 0),
                row(4, "晋安区", "50", 1, 0, 1, 0));

        assertThat(rows)
                .extracting(r -> RankingBulletin.summaryLine(r, rows).substring(0, 9))
                .containsExactly("第1名：鼓楼区，综", "并列第2名：台江区", "并列第2名：仓山区", "第4名：晋安区，综");
        assertThat(RankingBulletin.summaryLine(rows.get(2), rows)).doesNotContain("位居前列");
    }

    @Test
    void theBulletinsLinesNeverStartWithAMarkNorSplitANumberFromItsMeasureWord() throws IOException {
        // unit names of every length put the line ends at every place of the sentence
        List<RankingRow> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "鼓楼区" + "鼓东街道三角井社区居委会".repeat(3).substring(0, i % 30) + "妇联";
            rows.add(row(i + 1, name, "45.5", 3, 13, 3, 12));
        }

        List<String> lines =
                text(render(rows)).lines().filter(l -> !l.isBlank()).toList();

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("第40名"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            assertThat(CLOSING.indexOf(line.charAt(0))).as(line).isNegative();
            if (i > 0) {
                String before = lines.get(i - 1).strip();
                boolean split = Character.isDigit(before.charAt(before.length() - 1)) && line.startsWith("项");
                assertThat(split).as(before + " | " + line).isFalse();
            }
        }
        // each unit's sentence is whole, in order, across its lines
        String all = String.join("", lines).replaceAll("\\s", "");
        for (RankingRow r : rows) {
            assertThat(all).contains(RankingBulletin.summaryLine(r, rows).replaceAll("\\s", ""));
        }
    }

    private static byte[] render(List<RankingRow> rows) {
        DashboardView d = new DashboardView(
                new UnitRef("350100", "福州市", "CITY"),
                2032,
                LocalDate.of(2032, 6, 30),
                null,
                List.of(),
                List.of(),
                rows,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        return RankingBulletin.render(d, new CjkFont().bytes(), LocalDate.of(2032, 6, 30));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static RankingRow row(
            int rank, String name, String score, long green, long yellow, long red, long overdue) {
        return row(rank, name, score, green, yellow, red, overdue, 0);
    }

    private static RankingRow row(
            int rank, String name, String score, long green, long yellow, long red, long overdue, long noData) {
        return new RankingRow(
                rank,
                new UnitRef("350100/" + name, name, "DISTRICT"),
                new BigDecimal(score),
                green,
                yellow,
                red,
                overdue,
                noData);
    }
}
