package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.exercises.LayerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Sigmoid;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

@Exercise(value = SigmoidLayer.class, title = "ch5 Sigmoid layer forward/backward",
        replaces = {"dlfs.layers.Sigmoid", "dlfs.layers.SigmoidWithLoss", "dlfs.functions.Activations#sigmoid"})
class SigmoidLayerTest {
    @Test
    @Points(2)
    void forwardMatchesTheLibrary() {
        NDArray x = Check.randn(91, 5, 6).mul(3);
        NDArray copy = x.copy();
        Check.close("SigmoidLayer.forward(x), x (5, 6)", new Sigmoid().forward(x), new SigmoidLayer().forward(x));
        Check.unchanged("SigmoidLayer.forward", copy, x);
    }

    @Test
    @Points(3)
    void backwardMatchesTheLibrary() {
        NDArray x = Check.randn(92, 7, 4);
        NDArray dout = Check.randn(93, 7, 4);
        Sigmoid ref = new Sigmoid();
        ref.forward(x);
        SigmoidLayer mine = new SigmoidLayer();
        mine.forward(x);
        NDArray doutCopy = dout.copy();
        Check.close("SigmoidLayer.backward(dout), x (7, 4)", ref.backward(dout), mine.backward(dout));
        Check.unchanged("SigmoidLayer.backward", doutCopy, dout);
    }

    @Test
    @Points(2)
    void gradientCheck() {
        NDArray x = Check.randn(94, 1, 6);
        NDArray r = Check.randn(95, 1, 6);
        SigmoidLayer mine = new SigmoidLayer();
        mine.forward(x);
        Check.close("SigmoidLayer.backward vs numerical gradient, one-sample batch (1, 6)",
                LayerChecks.numericalInputGradient(new Sigmoid(), x, r), mine.backward(r), 1e-6, 1e-8);
    }
}
