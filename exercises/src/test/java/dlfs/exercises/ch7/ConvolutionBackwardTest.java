package dlfs.exercises.ch7;

import dlfs.exercises.Check;
import dlfs.exercises.LayerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Convolution;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Exercise(value = ConvolutionBackward.class, title = "ch7 Convolution backward",
        replaces = "dlfs.layers.Convolution")
class ConvolutionBackwardTest {
    /** Forward and backward of the library's layer and the student's on the same input, compared. */
    private static void sameAsTheLibrary(java.lang.String what, NDArray W, NDArray b, int stride, int pad, NDArray x, NDArray dout) {
        NDArray W0 = W.copy(), b0 = b.copy();
        Convolution ref = new Convolution(W.copy(), b.copy(), stride, pad);
        ConvolutionBackward mine = new ConvolutionBackward(W, b, stride, pad);
        Check.close(what + ": forward", ref.forward(x), mine.forward(x));
        Check.close(what + ": backward(dout) = dx", ref.backward(dout), mine.backward(dout));
        assertNotNull(mine.grads(), what + ": grads() returned null");
        Check.close(what + ": grads().get(\"W\") = dW", ref.grads().get("W"), mine.grads().get("W"));
        Check.close(what + ": grads().get(\"b\") = db", ref.grads().get("b"), mine.grads().get("b"));
        Check.unchanged(what + " (W)", W0, W);
        Check.unchanged(what + " (b)", b0, b);
    }

    @Test
    @Points(4)
    void backwardMatchesTheLibrary() {
        sameAsTheLibrary("x (2, 3, 6, 6), W (4, 3, 3, 3), stride 1, pad 1", Check.randn(361, 4, 3, 3, 3), Check.randn(362, 4), 1, 1,
                Check.randn(363, 2, 3, 6, 6), Check.randn(364, 2, 4, 6, 6));
    }

    @Test
    @Points(2)
    void strideAndOneImage() {
        sameAsTheLibrary("x (1, 2, 7, 7), W (2, 2, 3, 3), stride 2, pad 0", Check.randn(365, 2, 2, 3, 3), Check.randn(366, 2), 2, 0,
                Check.randn(367, 1, 2, 7, 7), Check.randn(368, 1, 2, 3, 3));
        sameAsTheLibrary("x (2, 1, 5, 5), W (3, 1, 3, 3), stride 2, pad 1", Check.randn(369, 3, 1, 3, 3), Check.randn(370, 3), 2, 1,
                Check.randn(371, 2, 1, 5, 5), Check.randn(372, 2, 3, 3, 3));
    }

    @Test
    @Points(3)
    void gradientCheck() {
        NDArray W = Check.randn(373, 3, 2, 3, 3), b = Check.randn(374, 3);
        NDArray x = Check.randn(375, 2, 2, 4, 4), r = Check.randn(376, 2, 3, 4, 4);
        ConvolutionBackward mine = new ConvolutionBackward(W, b, 1, 1);
        mine.forward(x);
        NDArray dx = mine.backward(r);
        assertNotNull(mine.grads(), "grads() returned null");
        NDArray dW = mine.grads().get("W"), db = mine.grads().get("b");
        Convolution probe = new Convolution(W, b, 1, 1);   // the reference forward, so the numerical gradient is the true one
        Check.close("dx vs numerical gradient", LayerChecks.numericalInputGradient(probe, x, r), dx, 1e-5, 1e-7);
        Check.close("dW vs numerical gradient", LayerChecks.numericalParamGradient(probe, x, r, W), dW, 1e-5, 1e-7);
        Check.close("db vs numerical gradient", LayerChecks.numericalParamGradient(probe, x, r, b), db, 1e-5, 1e-7);
    }

    @Test
    @Points(1)
    void doutOfTheWrongShapeIsAnError() {
        ConvolutionBackward mine = new ConvolutionBackward(Check.randn(377, 2, 1, 3, 3), Check.randn(378, 2), 1, 0);
        mine.forward(Check.randn(379, 1, 1, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> mine.backward(Check.randn(380, 1, 2, 4, 4)),
                "forward gave (1, 2, 3, 3), so backward(dout (1, 2, 4, 4)) must throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> mine.backward(Check.randn(381, 1, 3, 3, 3)),
                "forward gave (1, 2, 3, 3), so backward(dout (1, 3, 3, 3)) must throw IllegalArgumentException");
    }
}
