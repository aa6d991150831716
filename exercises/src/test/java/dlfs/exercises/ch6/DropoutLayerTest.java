package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Dropout;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import org.junit.jupiter.api.Test;

@Exercise(value = DropoutLayer.class, title = "ch6 Dropout forward/backward",
        replaces = "dlfs.layers.Dropout")
class DropoutLayerTest {
    @Test
    @Points(3)
    void trainingForwardAndBackwardMatchTheLibrary() {
        NDArray x = Check.randn(191, 6, 8);
        NDArray dout = Check.randn(192, 6, 8);
        Dropout ref = new Dropout(0.3, new Rng(193));
        DropoutLayer mine = new DropoutLayer(0.3, new Rng(193));
        for (int call = 1; call <= 2; call++) {
            Check.close("DropoutLayer.forward(x, true), call " + call + ", same seed as the library", ref.forward(x, true), mine.forward(x, true));
            Check.close("DropoutLayer.backward(dout), call " + call, ref.backward(dout), mine.backward(dout));
        }
    }

    @Test
    @Points(2)
    void inferenceScalesByTheKeptFraction() {
        NDArray x = Check.randn(194, 3, 4);
        DropoutLayer mine = new DropoutLayer(0.25, new Rng(195));
        Check.close("DropoutLayer.forward(x, false) = x * (1 - 0.25)", x.mul(0.75), mine.forward(x, false));
    }

    @Test
    @Points(1)
    void dropsAboutTheRatio() {
        NDArray x = NDArray.ones(200, 500);
        double kept = new DropoutLayer(0.4, new Rng(196)).forward(x, true).mean();
        Check.close("fraction of neurons kept with ratio 0.4", 0.6, kept, 0.01);
    }
}
