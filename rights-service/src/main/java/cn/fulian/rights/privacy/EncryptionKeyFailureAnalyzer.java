package cn.fulian.rights.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a key-ring problem into a short startup message that says which variable to set, instead of a stack trace. */
public class EncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionKeyException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set the environment variable " + PersonalDataCipher.KEY_ENV
                        + " to the installation's key (base64 of 32 random bytes), and " + PersonalDataCipher.KEYS_ENV
                        + " (id=base64,id=base64) to the keys added since; " + PersonalDataCipher.CURRENT_ENV + " and "
                        + PersonalDataCipher.MATCH_ENV + " must name keys of that ring (default k1). The platform"
                        + " launcher generates the first key per installation; keep the keys outside the repository"
                        + " and back them up: without them the stored personal data cannot be read.",
                cause);
    }
}
