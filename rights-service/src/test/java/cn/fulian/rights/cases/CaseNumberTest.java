package cn.fulian.rights.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumberTest {

    @Test
    void theShortNameDropsTheLevelAndTheFederation() {
        assertThat(CaseNumber.prefixOf("鼓楼区", "350102")).isEqualTo("鼓楼");
        assertThat(CaseNumber.prefixOf("鼓楼区妇联", "350102")).isEqualTo("鼓楼");
        assertThat(CaseNumber.prefixOf("福州市妇联", "350100")).isEqualTo("福州");
        assertThat(CaseNumber.prefixOf("闽侯县", "350121")).isEqualTo("闽侯");
        assertThat(CaseNumber.prefixOf("鼓东街道", "350102001")).isEqualTo("鼓东");
        assertThat(CaseNumber.prefixOf("洪山镇", "350102100")).isEqualTo("洪山");
        assertThat(CaseNumber.prefixOf("廷坪乡", "350128200")).isEqualTo("廷坪");
        assertThat(CaseNumber.prefixOf("庆城社区", "350102001001")).isEqualTo("庆城");
        assertThat(CaseNumber.prefixOf("濂江村", "350104100001")).isEqualTo("濂江");
    }

    @Test
    void onlyOneLevelIsDroppedAndSpacesGo() {
        assertThat(CaseNumber.prefixOf("福清市城关区", "1")).isEqualTo("福清市城关");
        assertThat(CaseNumber.prefixOf(" 马尾 区 妇联 ", "350105")).isEqualTo("马尾");
    }

    @Test
    void aUnitWithoutAUsableNameIsNamedByItsCode() {
        assertThat(CaseNumber.prefixOf(null, "350102")).isEqualTo("350102");
        assertThat(CaseNumber.prefixOf("", "350102")).isEqualTo("350102");
        assertThat(CaseNumber.prefixOf("妇联", "350102")).isEqualTo("350102");
        assertThat(CaseNumber.prefixOf("区", "350102")).isEqualTo("350102");
    }

    @Test
    void theSequenceHasFourDigitsAndGrowsBeyondThem() {
        assertThat(new CaseNumber("鼓楼", 2026, 1)).hasToString("鼓楼-2026-0001");
        assertThat(new CaseNumber("鼓楼", 2026, 312)).hasToString("鼓楼-2026-0312");
        assertThat(new CaseNumber("鼓楼", 2026, 12345)).hasToString("鼓楼-2026-12345");
    }
}
