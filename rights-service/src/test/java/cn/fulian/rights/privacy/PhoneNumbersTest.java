package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void mobileNumbersAreNormalisedToElevenDigits() {
        assertThat(PhoneNumbers.normalise("13859012345")).isEqualTo("13859012345");
        assertThat(PhoneNumbers.normalise("+86 138-5901-2345")).isEqualTo("13859012345");
        assertThat(PhoneNumbers.normalise("0086 13859012345")).isEqualTo("13859012345");
        assertThat(PhoneNumbers.normalise("19912345678")).isEqualTo("19912345678");
    }

    @Test
    void landlinesWithAreaCodeAreAccepted() {
        assertThat(PhoneNumbers.normalise("0591-87654321")).isEqualTo("059187654321");
        assertThat(PhoneNumbers.normalise("(010) 6512 3456")).isEqualTo("01065123456");
        assertThat(PhoneNumbers.normalise("0591-8765432")).isEqualTo("05918765432");
    }

    @Test
    void everythingElseIsRejected() {
        assertThat(PhoneNumbers.isValid("12859012345")).isFalse();
        assertThat(PhoneNumbers.isValid("1385901234")).isFalse();
        assertThat(PhoneNumbers.isValid("138590123456")).isFalse();
        assertThat(PhoneNumbers.isValid("87654321")).isFalse();
        assertThat(PhoneNumbers.isValid("0591-87654321-801")).isFalse();
        assertThat(PhoneNumbers.isValid("12338")).isFalse();
        assertThat(PhoneNumbers.isValid("phone")).isFalse();
    }
}
