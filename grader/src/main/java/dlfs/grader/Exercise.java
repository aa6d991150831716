package dlfs.grader;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as grading one exercise: {@code @Exercise(value = AffineLayer.class, title =
 * "ch5 Affine layer")}. The exercise is the student's class {@code value} (one source file, in the
 * test's package or named fully); every {@code @Points} test of every class naming it, visible or
 * hidden, counts towards it. When that file does not compile, only this exercise loses its points.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {
    Class<?> value();

    String title() default "";
}
