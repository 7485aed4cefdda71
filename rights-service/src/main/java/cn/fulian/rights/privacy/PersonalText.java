package cn.fulian.rights.privacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * A piece of text from a request that may hold personal data (a name, phone, ID number, address, an account of
 * events). Its {@link #toString()} never shows the text, so the value cannot reach a log line through a validation
 * message ("rejected value [...]"), a debug dump of the request, or an exception. Blank input counts as absent.
 */
@Schema(type = "string", description = "个人信息或自由文本：加密保存，日志中不出现 / personal data or free text")
public final class PersonalText {

    private final String value;

    private PersonalText(String value) {
        this.value = value;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PersonalText of(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return new PersonalText(value.strip());
    }

    /** The text itself; hand it only to the cipher or a format check. */
    public String reveal() {
        return value;
    }

    public int length() {
        return value.codePointCount(0, value.length());
    }

    /** The text, or {@code null} when absent. */
    public static String reveal(PersonalText text) {
        return text == null ? null : text.value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalText other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "[protected]";
    }
}
