package cn.fulian.rights.privacy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A mainland mobile or landline number, see {@link PhoneNumbers}. Absent is allowed. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPhone.Validator.class)
public @interface ValidPhone {
    String message() default
            "电话号码格式不正确，应为11位手机号或带区号的固定电话|must be an 11-digit mobile number or a landline with area code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPhone, PersonalText> {
        @Override
        public boolean isValid(PersonalText value, ConstraintValidatorContext context) {
            return value == null || PhoneNumbers.isValid(value.reveal());
        }
    }
}
