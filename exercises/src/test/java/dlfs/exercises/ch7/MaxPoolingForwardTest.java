package dlfs.exercises.ch7;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Pooling;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

@Exercise(value = MaxPoolingForward.class, title = "ch7 max Pooling forward",
        replaces = "dlfs.layers.Pooling")
class MaxPoolingForwardTest {
    @Test
    @Points(2)
    void twoByTwoOfTheBook() {
        // one channel of the book's figure: 4x4 input, 2x2 window, stride 2
        NDArray x = NDArray.of(new double[]{1, 2, 3, 0, 0, 1, 2, 4, 1, 0, 4, 2, 3, 2, 0, 1}, 1, 1, 4, 4);
        Check.close("2x2 max pooling, stride 2", NDArray.of(new double[]{2, 4, 3, 4}, 1, 1, 2, 2),
                new MaxPoolingForward(2, 2, 2, 0).forward(x));
    }

    @Test
    @Points(3)
    void valuesMatchTheLibrary() {
        NDArray x = Check.randn(271, 3, 4, 6, 8);
        Check.close("forward(x (3, 4, 6, 8)), 2x2, stride 2", new Pooling(2, 2, 2, 0).forward(x), new MaxPoolingForward(2, 2, 2, 0).forward(x));
    }

    @Test
    @Points(2)
    void overlappingWindowsWithPadding() {
        NDArray x = Check.randn(272, 2, 2, 5, 5).sub(3);   // mostly negative: padding must not win as a 0
        Check.close("forward(x (2, 2, 5, 5)), 3x3, stride 1, pad 1", new Pooling(3, 3, 1, 1).forward(x),
                new MaxPoolingForward(3, 3, 1, 1).forward(x));
    }
}
