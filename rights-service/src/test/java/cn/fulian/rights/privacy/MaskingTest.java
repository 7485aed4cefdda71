package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepTheSurnameAndHideTheLengthOfTheGivenName() {
        assertThat(Masking.name("张小红")).isEqualTo("张**");
        assertThat(Masking.name("张三")).isEqualTo("张**");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**");
        assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷**");
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void phonesKeepTheFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("059187654321")).isEqualTo("059*****4321");
    }

    @Test
    void idNumbersKeepTheFirstAndLastFourCharacters() {
        assertThat(Masking.idNumber("350102198503141234")).isEqualTo("3501**********1234");
    }

    @Test
    void addressesKeepOnlyTheirBeginning() {
        assertThat(Masking.address("福州市鼓楼区东街道安泰河沿12号")).isEqualTo("福州市鼓楼区****");
        assertThat(Masking.address("鼓楼区")).isEqualTo("****");
    }
}
