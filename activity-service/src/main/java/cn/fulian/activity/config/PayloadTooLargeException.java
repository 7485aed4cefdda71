package cn.fulian.activity.config;

/** 413: an uploaded file is larger than the service accepts. */
public class PayloadTooLargeException extends RuntimeException {

    private final String field;
    private final long limitBytes;

    public PayloadTooLargeException(String field, long limitBytes) {
        super(field + " exceeds " + limitBytes + " bytes");
        this.field = field;
        this.limitBytes = limitBytes;
    }

    public String field() {
        return field;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
