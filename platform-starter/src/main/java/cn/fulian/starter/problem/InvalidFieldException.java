package cn.fulian.starter.problem;

/**
 * 400 for a rule that bean validation cannot express (a due date outside the plan year, children that do not add up
 * to the parent's target): names the field and says why, in Chinese and in English.
 */
public class InvalidFieldException extends RuntimeException {
    private final String field;
    private final String messageZh;
    private final String messageEn;

    public InvalidFieldException(String field, String messageZh, String messageEn) {
        super(field + ": " + messageEn);
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
