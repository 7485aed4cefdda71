package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class PersonalDataProperties {

    private static final PersonalDataCipher CIPHER = PersonalDataCipher.fromBase64(PersonalDataCipherTest.newKey());

    @Provide
    Arbitrary<String> idNumbers() {
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(5).map(s -> "3" + s);
        Arbitrary<LocalDate> birth = Arbitraries.longs()
                .between(
                        LocalDate.of(1920, 1, 1).toEpochDay(),
                        LocalDate.of(2024, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
            String first17 = r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s;
            return first17 + IdNumbers.checkCharacter(first17);
        });
    }

    @Property
    void everyNumberWithItsCheckCharacterIsValid(@ForAll("idNumbers") String id) {
        assertThat(IdNumbers.normalise(id)).isEqualTo(id);
    }

    @Property
    void anySingleMistypedDigitIsCaught(
            @ForAll("idNumbers") String id,
            @ForAll @IntRange(min = 0, max = 16) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        char wrong = (char) ('0' + (id.charAt(position) - '0' + shift) % 10);
        String typo = id.substring(0, position) + wrong + id.substring(position + 1);
        assertThat(IdNumbers.isValid(typo)).isFalse();
    }

    @Property
    void maskedValuesKeepTheirShapeButNeverTheWholeValue(
            @ForAll("idNumbers") String id, @ForAll("mobiles") String phone) {
        String maskedId = Masking.idNumber(id);
        assertThat(maskedId)
                .hasSize(18)
                .isNotEqualTo(id)
                .startsWith(id.substring(0, 4))
                .endsWith(id.substring(14));
        assertThat(maskedId.substring(4, 14)).isEqualTo("**********");
        String maskedPhone = Masking.phone(phone);
        assertThat(maskedPhone).hasSize(11).isNotEqualTo(phone).contains("****");
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Combinators.combine(
                        Arbitraries.integers().between(3, 9),
                        Arbitraries.strings().numeric().ofLength(9))
                .as((second, rest) -> "1" + second + rest);
    }

    @Property
    void mobilesAreValidWithAnyCommonSeparators(@ForAll("mobiles") String phone) {
        String spaced = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7);
        assertThat(PhoneNumbers.normalise(spaced)).isEqualTo(phone);
    }

    @Property(tries = 200)
    void anyTextSurvivesSealingAndOpening(
            @ForAll @StringLength(max = 300) String text, @ForAll @StringLength(min = 1, max = 40) String caseId) {
        Assume.that(!caseId.isBlank());
        String sealed = CIPHER.seal(text, caseId, "account");
        assertThat(CIPHER.open(sealed, caseId, "account")).isEqualTo(text);
    }
}
