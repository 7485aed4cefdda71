package cn.fulian.rights.privacy;

/** The encryption key is missing or unusable; the service must not start without it. Never carries the key itself. */
public class EncryptionKeyException extends IllegalStateException {
    public EncryptionKeyException(String message) {
        super(message);
    }
}
