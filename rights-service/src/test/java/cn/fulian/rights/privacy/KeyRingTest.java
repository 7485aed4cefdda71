package cn.fulian.rights.privacy;

import static cn.fulian.rights.support.Sealing.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fulian.rights.support.Sealing;
import cn.fulian.starter.problem.UnavailableException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    final String k1 = newKey();
    final String k2 = newKey();

    /** Mid-rotation: the old key k1 still in the ring, k2 added and current, match hashes still from k1. */
    final PersonalDataCipher rotated = PersonalDataCipher.fromSettings(k1, "k2=" + k2, "k2", null);

    @Test
    void valuesSealedBeforeKeyIdsStillOpenWithK1AfterANewCurrentKeyIsAdded() {
        String old = Sealing.v1(k1, "林秀英", "case-1", "complainant.name");
        assertThat(rotated.open(old, "case-1", "complainant.name")).isEqualTo("林秀英");
        assertThat(rotated.keyIdOf(old, "case-1", "complainant.name")).isEqualTo("k1");
        assertThat(rotated.isCurrent(old, "case-1", "complainant.name")).isFalse();
    }

    @Test
    void newValuesAreSealedWithTheCurrentKeyAndNameIt() {
        String sealed = rotated.seal("13859012345", "case-1", "complainant.phone");
        assertThat(sealed).startsWith("v2:k2:").doesNotContain("13859012345");
        assertThat(rotated.open(sealed, "case-1", "complainant.phone")).isEqualTo("13859012345");
        PersonalDataCipher k2Only = PersonalDataCipher.fromSettings(null, "k2=" + k2, "k2", "k2");
        assertThat(k2Only.open(sealed, "case-1", "complainant.phone")).isEqualTo("13859012345");
    }

    @Test
    void aValueResealedWithTheCurrentKeyOpensOnceTheOldKeyIsRemoved() {
        String old = Sealing.v1(k1, "家庭暴力", "case-1", "account");
        String resealed = rotated.reseal(old, "case-1", "account");
        assertThat(resealed).startsWith("v2:k2:");
        assertThat(rotated.reseal(resealed, "case-1", "account")).isSameAs(resealed);
        PersonalDataCipher withoutK1 = PersonalDataCipher.fromSettings(null, "k2=" + k2, "k2", "k2");
        assertThat(withoutK1.open(resealed, "case-1", "account")).isEqualTo("家庭暴力");
        assertThatThrownBy(() -> withoutK1.open(old, "case-1", "account"))
                .isInstanceOf(KeyNotConfiguredException.class);
    }

    @Test
    void matchHashesStayTheSameAcrossARotationWhileTheMatchKeyStaysK1() {
        PersonalDataCipher before = PersonalDataCipher.fromBase64(k1);
        assertThat(rotated.matchKeyId()).isEqualTo("k1");
        assertThat(rotated.matchHash("phone", "13859012345")).isEqualTo(before.matchHash("phone", "13859012345"));
        PersonalDataCipher matchMoved = PersonalDataCipher.fromSettings(k1, "k2=" + k2, "k2", "k2");
        assertThat(matchMoved.matchHash("phone", "13859012345")).isNotEqualTo(before.matchHash("phone", "13859012345"));
    }

    @Test
    void aValueSealedWithAKeyNotInTheRingIsRefusedNamingCaseFieldAndKeyButNeitherTextNorKey() {
        String k9 = newKey();
        String sealed = Sealing.v2("k9", k9, "林秀英", "case-7", "complainant.address");
        assertThatThrownBy(() -> rotated.open(sealed, "case-7", "complainant.address"))
                .isInstanceOf(KeyNotConfiguredException.class)
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("个人信息的密钥（k9）未配置，无法解密")
                .hasMessageContaining("the key k9 for this case's personal data is not configured")
                .hasMessageContaining("case-7")
                .hasMessageContaining("complainant.address")
                .hasMessageNotContaining("林秀英")
                .hasMessageNotContaining(k9)
                .satisfies(
                        e -> assertThat(((KeyNotConfiguredException) e).keyId()).isEqualTo("k9"));
        assertThatThrownBy(() -> rotated.reseal(sealed, "case-7", "complainant.address"))
                .isInstanceOf(KeyNotConfiguredException.class);
    }

    @Test
    void theRingNeedsNoK1OnceItIsRetired() {
        PersonalDataCipher ring = PersonalDataCipher.fromSettings(" ", "k2=" + k2 + ", k3=" + newKey(), "k3", "k2");
        assertThat(ring.keyIds()).containsExactly("k2", "k3");
        assertThat(ring.seal("x", "c", "f")).startsWith("v2:k3:");
        assertThat(ring.toString()).doesNotContain(k2);
    }

    @Test
    void aRingWhoseCurrentKeyIsMissingIsRefused() {
        assertRefused(
                () -> PersonalDataCipher.fromSettings(k1, "k2=" + k2, "k3", null),
                "RIGHTS_ENCRYPTION_KEY_CURRENT",
                "k3");
        assertRefused(
                () -> PersonalDataCipher.fromSettings(null, "k2=" + k2, null, "k2"),
                "RIGHTS_ENCRYPTION_KEY_CURRENT",
                "k1");
        assertRefused(
                () -> PersonalDataCipher.fromSettings(k1, null, "K1!", null),
                "RIGHTS_ENCRYPTION_KEY_CURRENT",
                "key id");
    }

    @Test
    void aRingWhoseMatchKeyIsMissingIsRefused() {
        assertRefused(() -> PersonalDataCipher.fromSettings(k1, "k2=" + k2, "k2", "k4"), "RIGHTS_MATCH_KEY_ID", "k4");
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedNamingItsIdOnly() {
        assertRefused(() -> PersonalDataCipher.fromSettings(k1, "k2=not base64!", "k2", null), "k2", "base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertRefused(() -> PersonalDataCipher.fromSettings(k1, "k2=" + shortKey, "k2", null), "k2", "32 bytes");
        assertThatThrownBy(() -> PersonalDataCipher.fromSettings(k1, "k2=" + shortKey, "k2", null))
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void aKeyIdGivenTwiceIsRefused() {
        assertRefused(
                () -> PersonalDataCipher.fromSettings(k1, "k2=" + k2 + ",k2=" + newKey(), "k2", null), "k2", "twice");
        assertRefused(() -> PersonalDataCipher.fromSettings(k1, "k1=" + k2, "k1", null), "k1", "RIGHTS_ENCRYPTION_KEY");
    }

    @Test
    void aBadEntryInTheRingIsRefusedWithoutShowingIt() {
        for (String ring :
                new String[] {k2, "K2=" + k2, "k2=" + k2 + ",", "=" + k2, "key-with-a-far-too-long-id=" + k2}) {
            assertThatThrownBy(() -> PersonalDataCipher.fromSettings(k1, ring, null, null))
                    .as(ring.replace(k2, "<key>"))
                    .isInstanceOf(EncryptionKeyException.class)
                    .hasMessageContaining("RIGHTS_ENCRYPTION_KEYS has a bad entry")
                    .hasMessageNotContaining(k2);
        }
    }

    @Test
    void noKeyAtAllIsRefusedAsBefore() {
        assertRefused(() -> PersonalDataCipher.fromSettings(null, " ", null, null), "RIGHTS_ENCRYPTION_KEY is not set");
    }

    private void assertRefused(Runnable build, String... parts) {
        assertThatThrownBy(build::run)
                .isInstanceOf(EncryptionKeyException.class)
                .hasMessageContainingAll(parts)
                .hasMessageNotContaining(k1)
                .hasMessageNotContaining(k2);
    }
}
