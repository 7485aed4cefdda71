package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void acceptsNumbersWhoseCheckCharacterMatchesIncludingX() {
        assertThat(IdNumbers.isValid("350102198503142620")).isTrue();
        assertThat(IdNumbers.isValid("35012119920817456X")).isTrue();
        assertThat(IdNumbers.normalise("35012119920817456x")).isEqualTo("35012119920817456X");
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterOrATypo() {
        assertThat(IdNumbers.isValid("350102198503142621")).isFalse();
        assertThat(IdNumbers.isValid("350102198503142602")).isFalse();
        assertThat(IdNumbers.isValid("350102198503142X20")).isFalse();
    }

    @Test
    void rejectsImpossibleBirthDatesOldFifteenDigitNumbersAndOtherShapes() {
        String feb30 = "3501021985023014" + "2";
        assertThat(IdNumbers.isValid(feb30 + IdNumbers.checkCharacter(feb30))).isFalse();
        String future = "35010230010101001";
        assertThat(IdNumbers.isValid(future + IdNumbers.checkCharacter(future))).isFalse();
        assertThat(IdNumbers.isValid("350102850314262")).isFalse();
        assertThat(IdNumbers.isValid("")).isFalse();
        assertThat(IdNumbers.isValid(null)).isFalse();
        assertThat(IdNumbers.isValid("０５０102198503142620")).isFalse();
    }
}
