package cn.fulian.starter.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a "中文 / English" text is taken apart for the problem body's language fields. */
class BilingualTextTest {

    @Test
    void aTextWrittenChineseSlashEnglishGivesEachLanguage() {
        assertThat(ProblemHandler.bilingual("任务已签收 / already acknowledged"))
                .containsExactly("任务已签收", "already acknowledged");
    }

    @Test
    void aSlashInsideTheChinesePartStaysWithTheChinese() {
        assertThat(ProblemHandler.bilingual("鼓楼 / 仓山之间不能转办 / cannot transfer between these units"))
                .containsExactly("鼓楼 / 仓山之间不能转办", "cannot transfer between these units");
    }

    @Test
    void aTextInOneLanguageIsBoth() {
        assertThat(ProblemHandler.bilingual("未找到或无权查看:任务 t1")).containsExactly("未找到或无权查看:任务 t1", "未找到或无权查看:任务 t1");
        assertThat(ProblemHandler.bilingual(null)).containsExactly(null, null);
    }
}
