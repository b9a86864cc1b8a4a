package phbsim.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that is a price in pounds: it is in the price year of its section
 * (docs/model.md section 5, "price base"), and is brought to the scenario's price base before the
 * run. Tools that explain a value ({@code phbsim explain}) read this mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Price {}
