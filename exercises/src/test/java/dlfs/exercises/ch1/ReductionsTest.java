package dlfs.exercises.ch1;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

@Exercise(value = Reductions.class, title = "ch1 reductions along an axis",
        replaces = {"dlfs.nd.NDArray#sum", "dlfs.nd.NDArray#mean", "dlfs.nd.NDArray#max", "dlfs.nd.NDArray#min",
                "dlfs.nd.NDArray#argmax", "dlfs.nd.NDArray#var"})
class ReductionsTest {
    private static NDArray x23() {
        return NDArray.of(new double[][]{{1, 2, 3}, {4, 5, 6}});
    }

    @Test
    @Points(3)
    void twoDimensionalValues() {
        NDArray x = x23(), before = x.copy();
        Check.close("sum(x, 0, false), x = [[1, 2, 3], [4, 5, 6]]", NDArray.of(5, 7, 9), Reductions.sum(x, 0, false), 0, 1e-12);
        Check.close("sum(x, 1, false)", NDArray.of(6, 15), Reductions.sum(x, 1, false), 0, 1e-12);
        Check.close("sum(x, 1, true) (keepdims: shape (2, 1))", NDArray.of(new double[]{6, 15}, 2, 1), Reductions.sum(x, 1, true), 0, 1e-12);
        Check.close("sum(x, 0, true) (keepdims: shape (1, 3))", NDArray.of(new double[]{5, 7, 9}, 1, 3), Reductions.sum(x, 0, true), 0, 1e-12);
        Check.close("mean(x, 0, false)", NDArray.of(2.5, 3.5, 4.5), Reductions.mean(x, 0, false), 0, 1e-12);
        Check.close("mean(x, 1, true)", NDArray.of(new double[]{2, 5}, 2, 1), Reductions.mean(x, 1, true), 0, 1e-12);
        Check.close("max(x, 1, false)", NDArray.of(3, 6), Reductions.max(x, 1, false), 0, 0);
        Check.close("max(x, 0, true)", NDArray.of(new double[]{4, 5, 6}, 1, 3), Reductions.max(x, 0, true), 0, 0);
        Check.close("argmax(x, 0)", NDArray.of(1, 1, 1), Reductions.argmax(x, 0), 0, 0);
        Check.close("argmax(x, 1)", NDArray.of(2, 2), Reductions.argmax(x, 1), 0, 0);
        // the book's 3.6.3: the predicted class of each row
        NDArray y = NDArray.of(new double[][]{{0.1, 0.8, 0.1}, {0.3, 0.1, 0.6}, {0.2, 0.5, 0.3}, {0.8, 0.1, 0.1}});
        Check.close("argmax(y, 1) of the book's 3.6.3", NDArray.of(1, 2, 1, 0), Reductions.argmax(y, 1), 0, 0);
        Check.unchanged("sum/mean/max/argmax", before, x);
    }

    @Test
    @Points(4)
    void nDimensionalMatchesTheLibrary() {
        NDArray[] xs = {Check.randn(321, 2, 3, 4), Check.randn(322, 3, 1, 2, 5), Check.randn(323, 7)};
        for (NDArray x : xs)
            for (int axis = 0; axis < x.ndim(); axis++)
                for (boolean keep : new boolean[]{false, true}) {
                    java.lang.String of = "(x " + x.shapeString() + ", axis " + axis + ", keepdims " + keep + ")";
                    Check.close("sum" + of, x.sum(axis, keep), Reductions.sum(x, axis, keep));
                    Check.close("mean" + of, x.mean(axis, keep), Reductions.mean(x, axis, keep));
                    Check.close("max" + of, x.max(axis, keep), Reductions.max(x, axis, keep), 0, 0);
                    if (!keep) Check.close("argmax(x " + x.shapeString() + ", axis " + axis + ")", x.argmax(axis), Reductions.argmax(x, axis), 0, 0);
                }
    }

    @Test
    @Points(2)
    void negativeAxesAndTies() {
        NDArray x = Check.randn(324, 2, 3, 4);
        Check.close("sum(x (2, 3, 4), -1, false) is axis 2", x.sum(2, false), Reductions.sum(x, -1, false));
        Check.close("max(x (2, 3, 4), -3, true) is axis 0", x.max(0, true), Reductions.max(x, -3, true), 0, 0);
        Check.close("argmax(x (2, 3, 4), -2) is axis 1", x.argmax(1), Reductions.argmax(x, -2), 0, 0);
        NDArray ties = NDArray.of(new double[][]{{1, 3, 3}, {2, 2, 0}, {-1, -1, -1}});
        Check.close("argmax([[1, 3, 3], [2, 2, 0], [-1, -1, -1]], 1): the first of equal maxima", NDArray.of(1, 0, 0),
                Reductions.argmax(ties, 1), 0, 0);
        Check.close("max of all-negative rows", NDArray.of(3, 2, -1), Reductions.max(ties, 1, false), 0, 0);
    }

    @Test
    @Points(1)
    void axisOutOfRangeIsAnError() {
        NDArray x = x23();
        assertThrows(IllegalArgumentException.class, () -> Reductions.sum(x, 2, false), "sum(x (2, 3), axis 2) must throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> Reductions.max(x, -3, false), "max(x (2, 3), axis -3) must throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> Reductions.argmax(x, 5), "argmax(x (2, 3), axis 5) must throw IllegalArgumentException");
    }
}
