package cn.fulian.rights.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a key problem into a short startup message that says which variable to set, instead of a stack trace. */
public class EncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionKeyException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set the environment variable " + PersonalDataCipher.KEY_ENV
                        + " to the installation's key (base64 of 32 random bytes). The platform launcher generates one"
                        + " per installation; keep it outside the repository and back it up: without it the stored"
                        + " personal data cannot be read.",
                cause);
    }
}
