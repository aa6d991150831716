package dlfs.grader;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a graded JUnit 5 test is worth: {@code @Test @Points(2)}. A test earns all of them
 * when it passes and none when it fails, times out, or cannot run (its exercise does not compile).
 * {@link #visibility()} follows Gradescope's {@code results.json}: tests in the hidden-tests folder
 * default to {@link Visibility#HIDDEN} whatever this says, unless it says something else explicitly.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    double value();

    Visibility visibility() default Visibility.VISIBLE;
}
