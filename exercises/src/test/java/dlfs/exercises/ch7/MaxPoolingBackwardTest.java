package dlfs.exercises.ch7;

import dlfs.exercises.Check;
import dlfs.exercises.LayerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Pooling;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

@Exercise(value = MaxPoolingBackward.class, title = "ch7 max Pooling backward",
        replaces = "dlfs.layers.Pooling")
class MaxPoolingBackwardTest {
    @Test
    @Points(2)
    void theBooksExampleRoutesToTheMaximum() {
        // one channel of the book's figure: 4x4 input, 2x2 window, stride 2; maxima 2, 4, 3, 4 at (0, 1), (1, 3), (3, 0), (2, 2)
        NDArray x = NDArray.of(new double[]{1, 2, 3, 0, 0, 1, 2, 4, 1, 0, 4, 2, 3, 2, 0, 1}, 1, 1, 4, 4);
        MaxPoolingBackward mine = new MaxPoolingBackward(2, 2, 2, 0);
        Check.close("forward, 2x2, stride 2", NDArray.of(new double[]{2, 4, 3, 4}, 1, 1, 2, 2), mine.forward(x));
        NDArray dx = mine.backward(NDArray.of(new double[]{10, 20, 30, 40}, 1, 1, 2, 2));
        Check.close("backward(dout [[10, 20], [30, 40]]): each dout at its window's maximum, 0 elsewhere",
                NDArray.of(new double[]{0, 10, 0, 0, 0, 0, 0, 20, 0, 0, 40, 0, 30, 0, 0, 0}, 1, 1, 4, 4), dx, 0, 0);
    }

    @Test
    @Points(3)
    void matchesTheLibrary() {
        NDArray x = Check.randn(391, 3, 4, 6, 8), dout = Check.randn(392, 3, 4, 3, 4), before = x.copy();
        Pooling ref = new Pooling(2, 2, 2, 0);
        MaxPoolingBackward mine = new MaxPoolingBackward(2, 2, 2, 0);
        Check.close("forward(x (3, 4, 6, 8)), 2x2, stride 2", ref.forward(x), mine.forward(x));
        Check.close("backward(dout (3, 4, 3, 4)) = dx", ref.backward(dout), mine.backward(dout));
        Check.unchanged("forward (x)", before, x);
        NDArray y = Check.randn(393, 2, 3, 7, 7), dy = Check.randn(394, 2, 3, 3, 3);
        Pooling ref3 = new Pooling(3, 3, 2, 0);
        MaxPoolingBackward mine3 = new MaxPoolingBackward(3, 3, 2, 0);
        Check.close("forward(x (2, 3, 7, 7)), 3x3, stride 2", ref3.forward(y), mine3.forward(y));
        Check.close("backward(dout (2, 3, 3, 3)), 3x3, stride 2 (overlapping windows)", ref3.backward(dy), mine3.backward(dy));
    }

    @Test
    @Points(2)
    void overlappingWindowsAddUpAndPaddingNeverWins() {
        NDArray x = Check.randn(395, 2, 2, 5, 5).sub(3);   // mostly negative: padding must not win as a 0
        NDArray dout = Check.randn(396, 2, 2, 5, 5);
        Pooling ref = new Pooling(3, 3, 1, 1);
        MaxPoolingBackward mine = new MaxPoolingBackward(3, 3, 1, 1);
        Check.close("forward(x (2, 2, 5, 5)), 3x3, stride 1, pad 1", ref.forward(x), mine.forward(x));
        Check.close("backward(dout (2, 2, 5, 5)), 3x3, stride 1, pad 1: a maximum shared by windows gets the sum", ref.backward(dout), mine.backward(dout));
    }

    @Test
    @Points(1)
    void gradientCheck() {
        NDArray x = Check.randn(397, 2, 2, 4, 4), r = Check.randn(398, 2, 2, 2, 2);
        MaxPoolingBackward mine = new MaxPoolingBackward(2, 2, 2, 0);
        mine.forward(x);
        NDArray dx = mine.backward(r);
        Check.close("dx vs numerical gradient, 2x2, stride 2", LayerChecks.numericalInputGradient(new Pooling(2, 2, 2, 0), x, r), dx, 1e-5, 1e-7);
    }

    @Test
    @Points(1)
    void doutOfTheWrongShapeIsAnError() {
        MaxPoolingBackward mine = new MaxPoolingBackward(2, 2, 2, 0);
        mine.forward(Check.randn(399, 1, 2, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> mine.backward(Check.randn(400, 1, 2, 4, 4)),
                "forward gave (1, 2, 2, 2), so backward(dout (1, 2, 4, 4)) must throw IllegalArgumentException");
    }
}
