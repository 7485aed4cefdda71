package cn.fulian.rights.privacy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** At most {@link #value()} characters (Chinese characters count as one each). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxChars.Validator.class)
public @interface MaxChars {
    int value();

    String message() default "内容超出长度上限|is too long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MaxChars, PersonalText> {
        private int max;

        @Override
        public void initialize(MaxChars annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(PersonalText value, ConstraintValidatorContext context) {
            return value == null || value.length() <= max;
        }
    }
}
