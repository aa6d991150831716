package dlfs.exercises.ch7;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Im2Col;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

@Exercise(value = ColumnsToImage.class, title = "ch7 col2im",
        replaces = {"dlfs.layers.Im2Col", "dlfs.layers.Convolution"})
class ColumnsToImageTest {
    @Test
    @Points(2)
    void overlappingWindowsAreSummed() {
        // ones folded back: each pixel gets the number of 2x2 windows (stride 1) that cover it
        NDArray counts = ColumnsToImage.col2im(NDArray.ones(4, 4), new int[]{1, 1, 3, 3}, 2, 2, 1, 0);
        Check.close("col2im(ones (4, 4), input (1, 1, 3, 3), 2, 2, stride 1, pad 0): how many windows cover each pixel",
                NDArray.of(new double[]{1, 2, 1, 2, 4, 2, 1, 2, 1}, 1, 1, 3, 3), counts, 0, 1e-12);
        NDArray tiles = ColumnsToImage.col2im(NDArray.ones(4, 8), new int[]{1, 2, 4, 4}, 2, 2, 2, 0);
        Check.close("col2im(ones (4, 8), input (1, 2, 4, 4), 2, 2, stride 2, pad 0): windows that do not overlap",
                NDArray.ones(1, 2, 4, 4), tiles, 0, 1e-12);
        NDArray padded = ColumnsToImage.col2im(NDArray.ones(4, 9), new int[]{1, 1, 2, 2}, 3, 3, 1, 1);
        Check.close("col2im(ones (4, 9), input (1, 1, 2, 2), 3, 3, stride 1, pad 1): padding entries are dropped",
                NDArray.full(4, 1, 1, 2, 2), padded, 0, 1e-12);
    }

    @Test
    @Points(3)
    void valuesMatchTheLibrary() {
        int[] shape = {2, 3, 5, 4};
        NDArray col = Check.randn(351, 2 * 3 * 3, 3 * 3 * 2), before = col.copy();
        Check.close("col2im(col (18, 18), input (2, 3, 5, 4), 3, 2, stride 1, pad 0)", Im2Col.col2im(col, shape, 3, 2, 1, 0),
                ColumnsToImage.col2im(col, shape.clone(), 3, 2, 1, 0));
        Check.unchanged("col2im (col)", before, col);
    }

    @Test
    @Points(2)
    void strideAndPadding() {
        int[] a = {2, 2, 5, 5};
        NDArray colA = Check.randn(352, 2 * 3 * 3, 2 * 3 * 3);
        Check.close("col2im(col (18, 18), input (2, 2, 5, 5), 3, 3, stride 2, pad 1)", Im2Col.col2im(colA, a, 3, 3, 2, 1),
                ColumnsToImage.col2im(colA, a.clone(), 3, 3, 2, 1));
        int[] b = {1, 3, 4, 6};
        NDArray colB = Check.randn(353, 4 * 6, 3 * 3 * 3);
        Check.close("col2im(col (24, 27), input (1, 3, 4, 6), 3, 3, stride 1, pad 1)", Im2Col.col2im(colB, b, 3, 3, 1, 1),
                ColumnsToImage.col2im(colB, b.clone(), 3, 3, 1, 1));
    }

    @Test
    @Points(1)
    void theAdjointOfIm2col() {
        // <im2col(x), c> = <x, col2im(c)>: what makes col2im the right backward of im2col
        NDArray x = Check.randn(354, 2, 2, 6, 5), c = Check.randn(355, 2 * 3 * 3, 2 * 4 * 3);
        double left = Im2Col.im2col(x, 4, 3, 2, 1).mul(c).sum();
        double right = x.mul(ColumnsToImage.col2im(c, x.shape(), 4, 3, 2, 1)).sum();
        Check.close("<x, col2im(c)> against <im2col(x), c>, x (2, 2, 6, 5), 4x3 filter, stride 2, pad 1", left, right, 1e-9 * (1 + java.lang.Math.abs(left)));
    }

    @Test
    @Points(1)
    void columnsThatDoNotFitAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> ColumnsToImage.col2im(Check.randn(356, 5, 9), new int[]{1, 1, 4, 4}, 3, 3, 1, 0),
                "col2im(col (5, 9), input (1, 1, 4, 4), 3, 3, stride 1, pad 0): col must be (4, 9), so it must throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> ColumnsToImage.col2im(Check.randn(357, 4, 8), new int[]{1, 1, 4, 4}, 3, 3, 1, 0),
                "col2im(col (4, 8), input (1, 1, 4, 4), 3, 3, stride 1, pad 0): col must be (4, 9), so it must throw IllegalArgumentException");
    }
}
