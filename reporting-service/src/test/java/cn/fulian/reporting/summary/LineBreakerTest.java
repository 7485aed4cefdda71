package cn.fulian.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Line breaking of Chinese text by measured width: CJK characters 10 wide, anything else 5. */
class LineBreakerTest {

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

    private static float width(String s) {
        return (float)
                s.codePoints().mapToDouble(cp -> LineBreaker.isCjk(cp) ? 10 : 5).sum();
    }
}
