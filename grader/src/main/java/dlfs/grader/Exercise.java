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
 * {@link #replaces()} names the library classes the exercise is to write itself: a student's
 * exercise (or a class of the student's it uses) that refers to one of them scores 0 for this
 * exercise, with the class and method in the reason ({@link BytecodeCheck}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {
    Class<?> value();

    String title() default "";

    /**
     * Fully qualified names of library classes this exercise replaces ({@code "dlfs.layers.Sigmoid"}),
     * of whole packages ({@code "dlfs.nets.*"}) or of single methods
     * ({@code "dlfs.functions.Activations#sigmoid"}).
     */
    String[] replaces() default {};
}
