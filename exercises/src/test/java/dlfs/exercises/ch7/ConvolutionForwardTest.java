package dlfs.exercises.ch7;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Convolution;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Exercise(value = ConvolutionForward.class, title = "ch7 Convolution forward",
        replaces = "dlfs.layers.Convolution")
class ConvolutionForwardTest {
    @Test
    @Points(2)
    void outputShape() {
        NDArray W = Check.randn(251, 30, 1, 5, 5), b = Check.randn(252, 30);
        Check.shape("forward(x (2, 1, 28, 28)) with W (30, 1, 5, 5), stride 1, pad 0",
                new ConvolutionForward(W, b, 1, 0).forward(Check.randn(253, 2, 1, 28, 28)), 2, 30, 24, 24);
    }

    @Test
    @Points(4)
    void valuesMatchTheLibrary() {
        NDArray W = Check.randn(254, 4, 3, 3, 3), b = Check.randn(255, 4);
        NDArray x = Check.randn(256, 2, 3, 6, 6);
        Check.close("forward(x (2, 3, 6, 6)), W (4, 3, 3, 3), stride 1, pad 1",
                new Convolution(W, b, 1, 1).forward(x), new ConvolutionForward(W, b, 1, 1).forward(x));
    }

    @Test
    @Points(2)
    void strideTwoOnOneImage() {
        NDArray W = Check.randn(257, 2, 2, 3, 3), b = Check.randn(258, 2);
        NDArray x = Check.randn(259, 1, 2, 7, 7);
        Check.close("forward(x (1, 2, 7, 7)), W (2, 2, 3, 3), stride 2, pad 0",
                new Convolution(W, b, 2, 0).forward(x), new ConvolutionForward(W, b, 2, 0).forward(x));
    }

    @Test
    @Points(1)
    void wrongChannelCountIsAnError() {
        NDArray W = Check.randn(260, 2, 3, 3, 3), b = Check.randn(261, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConvolutionForward(W, b, 1, 0).forward(Check.randn(262, 1, 2, 5, 5)),
                "x (1, 2, 5, 5) has 2 channels but W (2, 3, 3, 3) expects 3: forward must throw IllegalArgumentException");
        assertTrue(e.getMessage() != null && e.getMessage().contains("(1, 2, 5, 5)") && e.getMessage().contains("(2, 3, 3, 3)"),
                "the error must name both shapes, x (1, 2, 5, 5) and W (2, 3, 3, 3); it says: " + e.getMessage());
    }
}
