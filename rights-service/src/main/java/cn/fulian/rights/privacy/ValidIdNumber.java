package cn.fulian.rights.privacy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An 18-character resident ID number with a valid birth date and check character, see {@link IdNumbers}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdNumber.Validator.class)
public @interface ValidIdNumber {
    String message() default
            "身份证号码无效（应为18位，出生日期和校验位须正确）|is not a valid 18-character ID number (birth date or check character wrong)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIdNumber, PersonalText> {
        @Override
        public boolean isValid(PersonalText value, ConstraintValidatorContext context) {
            return value == null || IdNumbers.isValid(value.reveal());
        }
    }
}
