package dlfs.exercises.ch2;

import dlfs.grader.Exercise;
import dlfs.grader.Points;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An instructor's hidden test (not shipped to students): counted with the visible ones, hidden in results.json. */
@Exercise(Gates.class)
class GatesHiddenTest {
    @Test
    @Points(1)
    void xorIsSymmetric() {
        for (int a = 0; a <= 1; a++)
            for (int b = 0; b <= 1; b++) assertEquals(Gates.xor(a, b), Gates.xor(b, a), "xor(" + a + ", " + b + ") != xor(" + b + ", " + a + ")");
    }
}
