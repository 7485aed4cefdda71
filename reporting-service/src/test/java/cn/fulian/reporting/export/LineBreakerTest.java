package cn.fulian.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line breaking of Chinese text by measured width: Chinese characters and full-width marks 10 wide, anything else 5. */
class LineBreakerTest {

    private static final String CLOSING = "，。；：、）》”！？";

    private final LineBreaker breaker = new LineBreaker(LineBreakerTest::width);

    @Test
    void chineseWithoutSpacesBreaksBetweenAnyTwoCharactersAtTheMeasuredWidth() {
        assertThat(breaker.lines("全年举办各类培训班三十期培训妇女", 50, 50)).containsExactly("全年举办各", "类培训班三", "十期培训妇", "女");
    }

    @Test
    void theFirstLineIsNarrowerByTheIndent() {
        assertThat(breaker.lines("全年举办各类培训班三十期", 30, 50)).containsExactly("全年举", "办各类培训", "班三十期");
    }

    @Test
    void latinWordsAndNumbersStayWholeAndBreakAtSpaces() {
        assertThat(breaker.lines("贷款1200.5万", 45, 45)).containsExactly("贷款", "1200.5万");
        assertThat(breaker.lines("open the Excel file", 45, 45)).containsExactly("open the", "Excel", "file");
    }

    @Test
    void aWordWiderThanALineIsBrokenBetweenItsCharacters() {
        assertThat(breaker.lines("编号abcdefghijklmn", 50, 50)).containsExactly("编号abcdef", "ghijklmn");
    }

    @Test
    void aClosingMarkNeverStartsALineAndAnOpeningMarkNeverEndsOne() {
        // "。" would start the second line: the character before it goes down with it
        assertThat(breaker.lines("举办培训班。再办", 50, 50)).containsExactly("举办培训", "班。再办");
        assertThat(breaker.lines("举办培训「班」", 50, 50)).containsExactly("举办培训", "「班」");
        assertThat(breaker.lines("开展“巾帼建功”活动", 30, 30)).containsExactly("开展", "“巾帼", "建功”", "活动");
    }

    @Test
    void aNumberKeepsItsMeasureWordWhereTheLineWouldOtherwiseSplitThem() {
        // the width ends right after the digits: the number goes down with its measure word, not without it
        assertThat(breaker.lines("全年承担重点任务12项", 90, 90)).containsExactly("全年承担重点任务", "12项");
        assertThat(breaker.lines("计划于2032年完成", 50, 50)).containsExactly("计划于", "2032年完成");
        assertThat(breaker.lines("新增贷款8888万元", 70, 70)).containsExactly("新增贷款", "8888万元");
        assertThat(breaker.lines("提高了3个百分点", 50, 50)).containsExactly("提高了", "3个百分点");
        assertThat(breaker.lines("完成年度目标的50%，", 80, 80)).containsExactly("完成年度目标的", "50%，");
    }

    @Test
    void realSummarySentencesNeverStartALineWithAClosingMarkNorSplitANumberFromItsUnit() {
        String text = "2013年，在市委、市政府的领导和上级妇联的指导下，全市各级妇联组织围绕年度工作要点，"
                + "扎实推进服务妇女创业就业、服务妇女发展、维护妇女儿童权益等工作。一是举办“双学双比”培训班72期，"
                + "完成年度目标的103%；二是新增妇女小额贴息贷款8888万元，扶持城乡妇女1527人；"
                + "三是处理来信来访1455件，办结率为100%。第1名：鼓楼区，综合完成率45%，绿灯3项、黄灯1项。";
        for (float w = 60; w <= 300; w += 5) {
            List<String> lines = breaker.lines(text, w - 20, w);
            assertThat(String.join("", lines)).as("width %s", w).isEqualTo(text);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertThat(width(line)).as("width %s: %s", w, line).isLessThanOrEqualTo(i == 0 ? w - 20 : w);
                assertThat(CLOSING.indexOf(line.charAt(0)))
                        .as("width %s: %s", w, line)
                        .isNegative();
                if (i > 0) {
                    String before = lines.get(i - 1);
                    boolean splitNumber = Character.isDigit(before.charAt(before.length() - 1))
                            && Character.UnicodeScript.of(line.codePointAt(0)) == Character.UnicodeScript.HAN;
                    assertThat(splitNumber)
                            .as("width %s: %s|%s", w, before, line)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aRunOfMarksTheRulesCannotBeKeptForStillFillsItsLines() {
        assertThat(breaker.lines("(".repeat(30), 50, 50))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).hasSize(10));
        assertThat(breaker.lines("。".repeat(15), 50, 50)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void theTextsOwnLineBreaksAreKeptAndNothingIsLost() {
        String text = "第一行\n\n第二行很长很长很长 with Latin 2032 words 以及数字123456789。";
        var lines = breaker.lines(text, 40, 60);
        assertThat(lines.get(0)).isEqualTo("第一行");
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines).allSatisfy(l -> assertThat(width(l)).isLessThanOrEqualTo(60));
        assertThat(String.join("", lines).replaceAll("\\s", "")).isEqualTo(text.replaceAll("\\s", ""));
    }

    static float width(String s) {
        return (float) s.codePoints()
                .mapToDouble(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                                || cp == '“'
                                || cp == '”'
                        ? 10
                        : 5)
                .sum();
    }
}
