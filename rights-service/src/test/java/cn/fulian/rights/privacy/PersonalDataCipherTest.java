package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    final PersonalDataCipher cipher = PersonalDataCipher.fromBase64(newKey());

    @Test
    void sealedValuesOpenAgainAndNeverRepeatOrShowThePlaintext() {
        String a = cipher.seal("林秀英", "case-1", "complainant.name");
        String b = cipher.seal("林秀英", "case-1", "complainant.name");
        assertThat(a).startsWith("v2:k1:").isNotEqualTo(b).doesNotContain("林秀英");
        assertThat(cipher.open(a, "case-1", "complainant.name")).isEqualTo("林秀英");
        assertThat(cipher.seal(null, "case-1", "x")).isNull();
    }

    @Test
    void aValueMovedToAnotherCaseOrFieldDoesNotOpen() {
        String sealed = cipher.seal("13859012345", "case-1", "complainant.phone");
        assertThatThrownBy(() -> cipher.open(sealed, "case-2", "complainant.phone"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("13859012345");
        assertThatThrownBy(() -> cipher.open(sealed, "case-1", "complainant.name"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotOpenNorMatch() {
        PersonalDataCipher other = PersonalDataCipher.fromBase64(newKey());
        String sealed = cipher.seal("林秀英", "case-1", "complainant.name");
        assertThatThrownBy(() -> other.open(sealed, "case-1", "complainant.name"))
                .hasMessageContaining("RIGHTS_ENCRYPTION_KEY");
        assertThat(other.matchHash("phone", "13859012345")).isNotEqualTo(cipher.matchHash("phone", "13859012345"));
    }

    @Test
    void matchHashesAreStablePerKindAndRevealNothing() {
        String h = cipher.matchHash("phone", "13859012345");
        assertThat(cipher.matchHash("phone", "13859012345")).isEqualTo(h);
        assertThat(cipher.matchHash("id", "13859012345")).isNotEqualTo(h);
        assertThat(h).doesNotContain("1385901").hasSize(43);
    }

    @Test
    void aMissingOrBrokenKeyIsRefusedNamingTheVariableButNotTheValue() {
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64(null))
                .isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining("RIGHTS_ENCRYPTION_KEY is not set");
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("  ")).isInstanceOf(EncryptionKeyException.class);
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("not base64 at all!"))
                .isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining("RIGHTS_ENCRYPTION_KEY")
                .hasMessageNotContaining("not base64 at all");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64(shortKey))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void personalTextNeverShowsItsValueWhenPrinted() {
        PersonalText text = PersonalText.of(" 林秀英 ");
        assertThat(text.reveal()).isEqualTo("林秀英");
        assertThat(text.toString()).doesNotContain("林");
        assertThat(String.valueOf(java.util.List.of(text))).doesNotContain("林");
        assertThat(PersonalText.of("   ")).isNull();
    }
}
