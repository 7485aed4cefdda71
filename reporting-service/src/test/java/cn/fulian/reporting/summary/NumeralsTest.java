package cn.fulian.reporting.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumeralsTest {

    @Test
    void sectionsAreNumberedInChinesePastTen() {
        assertThat(Numerals.heading(0, "服务妇女发展")).isEqualTo("一、服务妇女发展");
        assertThat(Numerals.chinese(10)).isEqualTo("十");
        assertThat(Numerals.chinese(11)).isEqualTo("十一");
        assertThat(Numerals.chinese(20)).isEqualTo("二十");
        assertThat(Numerals.chinese(99)).isEqualTo("九十九");
        assertThat(Numerals.chinese(100)).isEqualTo("一百");
        assertThat(Numerals.chinese(105)).isEqualTo("一百零五");
        assertThat(Numerals.chinese(110)).isEqualTo("一百一十");
    }
}
