package cn.fulian.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EncryptionKeyStartupTest {

    final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(EncryptionConfiguration.class);

    @Test
    void withoutAKeyTheServiceDoesNotStartAndSaysWhichVariableToSet() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            EncryptionKeyException cause = findCause(failure);
            assertThat(cause.getMessage()).contains("RIGHTS_ENCRYPTION_KEY");
            FailureAnalysis analysis = new EncryptionKeyFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("RIGHTS_ENCRYPTION_KEY is not set");
            assertThat(analysis.getAction()).contains("RIGHTS_ENCRYPTION_KEY");
        });
    }

    @Test
    void withAValidKeyTheCipherIsReady() {
        runner.withPropertyValues("fulian.rights.encryption-key=" + PersonalDataCipherTest.newKey())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
                    assertThat(cipher.open(cipher.seal("x", "c", "f"), "c", "f"))
                            .isEqualTo("x");
                });
    }

    @Test
    void aBadKeyRingStopsStartupWithAdviceAndWithoutTheKeys() {
        String k1 = PersonalDataCipherTest.newKey();
        String k2 = PersonalDataCipherTest.newKey();
        runner.withPropertyValues(
                        "fulian.rights.encryption-key=" + k1,
                        "fulian.rights.encryption-keys=k2=" + k2,
                        "fulian.rights.encryption-key-current=k3")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new EncryptionKeyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("RIGHTS_ENCRYPTION_KEY_CURRENT names the key k3")
                            .doesNotContain(k1)
                            .doesNotContain(k2);
                    assertThat(analysis.getAction()).contains("RIGHTS_ENCRYPTION_KEYS");
                });
    }

    @Test
    void aRotatedRingStartsAndSealsWithTheCurrentKey() {
        runner.withPropertyValues(
                        "fulian.rights.encryption-key=" + PersonalDataCipherTest.newKey(),
                        "fulian.rights.encryption-keys=k2=" + PersonalDataCipherTest.newKey(),
                        "fulian.rights.encryption-key-current=k2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
                    assertThat(cipher.seal("x", "c", "f")).startsWith("v2:k2:");
                    assertThat(cipher.matchKeyId()).isEqualTo("k1");
                });
    }

    @Test
    void theFailureAnalyzerIsRegisteredSoStartupPrintsItsAdvice() throws Exception {
        String factories = new String(
                getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes());
        assertThat(factories).contains(EncryptionKeyFailureAnalyzer.class.getName());
    }

    private static EncryptionKeyException findCause(Throwable t) {
        while (t != null) {
            if (t instanceof EncryptionKeyException e) {
                return e;
            }
            t = t.getCause();
        }
        throw new AssertionError("no EncryptionKeyException in the startup failure");
    }
}
