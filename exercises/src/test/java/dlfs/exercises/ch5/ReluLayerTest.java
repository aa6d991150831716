package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.exercises.LayerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.Relu;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

@Exercise(value = ReluLayer.class, title = "ch5 ReLU layer forward/backward",
        replaces = "dlfs.layers.Relu")
class ReluLayerTest {
    @Test
    @Points(2)
    void forwardMatchesTheLibrary() {
        NDArray x = Check.randn(81, 5, 6);
        NDArray copy = x.copy();
        Check.close("ReluLayer.forward(x), x (5, 6)", new Relu().forward(x), new ReluLayer().forward(x));
        Check.unchanged("ReluLayer.forward", copy, x);
    }

    @Test
    @Points(3)
    void backwardMatchesTheLibrary() {
        NDArray x = Check.randn(82, 4, 3, 2, 2);
        NDArray dout = Check.randn(83, 4, 3, 2, 2);
        Relu ref = new Relu();
        ref.forward(x);
        ReluLayer mine = new ReluLayer();
        mine.forward(x);
        NDArray doutCopy = dout.copy();
        Check.close("ReluLayer.backward(dout), x (4, 3, 2, 2)", ref.backward(dout), mine.backward(dout));
        Check.unchanged("ReluLayer.backward", doutCopy, dout);
    }

    @Test
    @Points(2)
    void backwardPassesNothingAtZeroAndBelow() {
        ReluLayer mine = new ReluLayer();
        mine.forward(NDArray.of(new double[][]{{-1.0, 0.0, 2.0}}));
        Check.close("ReluLayer.backward(1s) after forward([[-1, 0, 2]])", NDArray.of(new double[][]{{0, 0, 1}}),
                mine.backward(NDArray.ones(1, 3)));
    }

    @Test
    @Points(2)
    void gradientCheck() {
        NDArray x = Check.randn(84, 3, 5);
        NDArray r = Check.randn(85, 3, 5);
        ReluLayer mine = new ReluLayer();
        mine.forward(x);
        NDArray dx = mine.backward(r);
        Check.close("ReluLayer.backward vs numerical gradient", LayerChecks.numericalInputGradient(new Relu(), x, r), dx, 1e-5, 1e-7);
    }
}
