package cn.fulian.rights.privacy;

import cn.fulian.starter.problem.UnavailableException;

/**
 * A value was sealed with a key the ring does not hold (removed too early, or not yet added on this instance). The
 * data is intact but cannot be shown until the key is configured again, so the answer is 503: the request may succeed
 * once an operator has added the key and restarted. Names the case, field and key id, never plaintext or key material.
 */
public class KeyNotConfiguredException extends UnavailableException {

    private final String caseId;
    private final String field;
    private final String keyId;

    public KeyNotConfiguredException(String caseId, String field, String keyId) {
        super("个人信息的密钥（" + keyId + "）未配置，无法解密 / the key " + keyId
                + " for this case's personal data is not configured (case " + caseId + ", field " + field + ")");
        this.caseId = caseId;
        this.field = field;
        this.keyId = keyId;
    }

    public String caseId() {
        return caseId;
    }

    public String field() {
        return field;
    }

    public String keyId() {
        return keyId;
    }
}
