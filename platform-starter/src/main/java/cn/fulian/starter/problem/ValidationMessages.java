package cn.fulian.starter.problem;

import jakarta.validation.ConstraintViolation;
import java.util.Map;

/**
 * Bean-validation messages in Chinese and English at once. A constraint may carry its own message as
 * {@code "中文|English"}; otherwise the constraint's kind and attributes give both texts.
 */
final class ValidationMessages {

    private ValidationMessages() {}

    static FieldProblem of(String field, ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (!template.startsWith("{")) {
            int bar = template.indexOf('|');
            return bar < 0
                    ? new FieldProblem(field, template, template)
                    : new FieldProblem(field, template.substring(0, bar), template.substring(bar + 1));
        }
        Map<String, Object> a = violation.getConstraintDescriptor().getAttributes();
        String kind = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getSimpleName();
        return switch (kind) {
            case "NotNull", "NotBlank", "NotEmpty" -> new FieldProblem(field, "不能为空", "must not be empty");
            case "Size" ->
                new FieldProblem(
                        field,
                        "长度须在" + a.get("min") + "到" + a.get("max") + "之间",
                        "size must be between " + a.get("min") + " and " + a.get("max"));
            case "Min", "DecimalMin" ->
                new FieldProblem(field, "不能小于" + a.get("value"), "must be at least " + a.get("value"));
            case "Max", "DecimalMax" ->
                new FieldProblem(field, "不能大于" + a.get("value"), "must be at most " + a.get("value"));
            case "Positive" -> new FieldProblem(field, "必须大于0", "must be greater than 0");
            case "PositiveOrZero" -> new FieldProblem(field, "不能为负数", "must not be negative");
            case "Pattern" -> new FieldProblem(field, "格式不正确", "has an invalid format");
            case "Email" -> new FieldProblem(field, "邮箱格式不正确", "must be an e-mail address");
            case "Past", "PastOrPresent" -> new FieldProblem(field, "不能晚于今天", "must not be in the future");
            case "Future", "FutureOrPresent" -> new FieldProblem(field, "不能早于今天", "must not be in the past");
            case "Digits" -> new FieldProblem(field, "数字位数不正确", "has too many digits");
            default -> new FieldProblem(field, violation.getMessage(), violation.getMessage());
        };
    }
}
