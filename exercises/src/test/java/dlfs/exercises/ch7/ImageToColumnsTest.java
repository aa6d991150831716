package dlfs.exercises.ch7;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Im2Col;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

@Exercise(value = ImageToColumns.class, title = "ch7 im2col",
        replaces = "dlfs.layers.Im2Col")
class ImageToColumnsTest {
    @Test
    @Points(2)
    void bookShapes() {
        Check.shape("im2col(x (1, 3, 7, 7), 5, 5, stride 1, pad 0)", ImageToColumns.im2col(Check.randn(241, 1, 3, 7, 7), 5, 5, 1, 0), 9, 75);
        Check.shape("im2col(x (10, 3, 7, 7), 5, 5, stride 1, pad 0)", ImageToColumns.im2col(Check.randn(242, 10, 3, 7, 7), 5, 5, 1, 0), 90, 75);
    }

    @Test
    @Points(3)
    void valuesMatchTheLibrary() {
        NDArray x = Check.randn(243, 2, 3, 5, 4);
        Check.close("im2col(x (2, 3, 5, 4), 3, 2, stride 1, pad 0)", Im2Col.im2col(x, 3, 2, 1, 0), ImageToColumns.im2col(x, 3, 2, 1, 0));
    }

    @Test
    @Points(3)
    void strideAndPadding() {
        NDArray x = Check.randn(244, 2, 2, 5, 5);
        Check.close("im2col(x (2, 2, 5, 5), 3, 3, stride 2, pad 1)", Im2Col.im2col(x, 3, 3, 2, 1), ImageToColumns.im2col(x, 3, 3, 2, 1));
    }

    @Test
    @Points(1)
    void sizesThatDoNotFitAreAnError() {
        NDArray x = Check.randn(245, 1, 1, 6, 6);
        assertThrows(IllegalArgumentException.class, () -> ImageToColumns.im2col(x, 3, 3, 2, 0),
                "im2col(x (1, 1, 6, 6), 3, 3, stride 2, pad 0): (6 - 3) is not a multiple of 2, so it must throw IllegalArgumentException");
    }
}
