package dlfs.exercises.ch1;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Exercise(value = Broadcasting.class, title = "ch1 NumPy broadcasting",
        replaces = {"dlfs.nd.NDArray#broadcastShape", "dlfs.nd.NDArray#broadcastTo", "dlfs.nd.NDArray#add", "dlfs.nd.NDArray#addi",
                "dlfs.nd.NDArray#sub", "dlfs.nd.NDArray#subi", "dlfs.nd.NDArray#mul", "dlfs.nd.NDArray#muli", "dlfs.nd.NDArray#div",
                "dlfs.nd.NDArray#divi", "dlfs.nd.NDArray#axpyi", "dlfs.nd.NDArray#assign", "dlfs.nd.NDArray#maximum",
                "dlfs.nd.NDArray#minimum", "dlfs.nd.NDArray#pow", "dlfs.nd.NDArray#where", "dlfs.nd.NDArray#putWhere"})
class BroadcastingTest {
    private static int[] s(int... shape) {
        return shape;
    }

    private static void shapeIs(int[] a, int[] b, int[] expected) {
        java.lang.String what = "broadcastShape(" + ShapeException.fmt(a) + ", " + ShapeException.fmt(b) + ")";
        int[] got = Broadcasting.broadcastShape(a.clone(), b.clone());
        assertNotNull(got, what + " returned null");
        if (!java.util.Arrays.equals(expected, got))
            fail(what + ": expected " + ShapeException.fmt(expected) + ", got " + ShapeException.fmt(got));
    }

    @Test
    @Points(3)
    void resultShapes() {
        shapeIs(s(2, 3), s(3), s(2, 3));
        shapeIs(s(3), s(2, 3), s(2, 3));
        shapeIs(s(4, 1), s(3), s(4, 3));
        shapeIs(s(2, 1, 3), s(4, 1), s(2, 4, 3));
        shapeIs(s(5), s(), s(5));
        shapeIs(s(), s(), s());
        shapeIs(s(1, 1), s(1), s(1, 1));
        shapeIs(s(6, 1, 5, 1), s(7, 1, 4), s(6, 7, 5, 4));
        shapeIs(s(0, 3), s(1, 3), s(0, 3));
    }

    @Test
    @Points(4)
    void addMatchesTheLibrary() {
        NDArray A = NDArray.of(new double[][]{{1, 2}, {3, 4}}), B = NDArray.of(10, 20);
        Check.close("add([[1, 2], [3, 4]], [10, 20]) (the book's 1.5.5)", NDArray.of(new double[][]{{11, 22}, {13, 24}}),
                Broadcasting.add(A, B), 0, 0);
        int[][][] cases = {{{4, 1}, {1, 3}}, {{2, 3, 4}, {3, 1}}, {{2, 3}, {2, 3}}, {{2, 1, 4}, {3, 1}}, {{3}, {2, 4, 3}}, {{2, 2}, {}},
                {{1, 5, 1}, {2, 1, 3}}};
        long seed = 301;
        for (int[][] c : cases) {
            NDArray a = Check.randn(seed++, c[0]), b = Check.randn(seed++, c[1]);
            NDArray a0 = a.copy(), b0 = b.copy();
            java.lang.String what = "add(a " + ShapeException.fmt(c[0]) + ", b " + ShapeException.fmt(c[1]) + ")";
            Check.close(what, a.add(b), Broadcasting.add(a, b), 0, 1e-12);
            Check.unchanged(what + " (a)", a0, a);
            Check.unchanged(what + " (b)", b0, b);
        }
        Check.close("add(3.5 as a 0-D array, [1, 2, 3])", NDArray.of(4.5, 5.5, 6.5), Broadcasting.add(NDArray.scalar(3.5), NDArray.of(1, 2, 3)), 0, 0);
    }

    @Test
    @Points(1)
    void shapesThatDoNotBroadcastAreAnErrorNamingBoth() {
        int[][][] bad = {{{2, 3}, {4}}, {{2, 3}, {3, 2}}, {{2, 1, 3}, {2, 2, 1, 4}}};
        for (int[][] c : bad) {
            java.lang.String a = ShapeException.fmt(c[0]), b = ShapeException.fmt(c[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Broadcasting.broadcastShape(c[0], c[1]),
                    "broadcastShape(" + a + ", " + b + ") must throw IllegalArgumentException");
            assertTrue(e.getMessage() != null && e.getMessage().contains(a) && e.getMessage().contains(b),
                    "broadcastShape(" + a + ", " + b + "): the error must name both shapes, " + a + " and " + b + "; it says: " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Broadcasting.add(Check.randn(311, 2, 3), Check.randn(312, 4)),
                "add(a (2, 3), b (4,)) must throw IllegalArgumentException");
    }
}
