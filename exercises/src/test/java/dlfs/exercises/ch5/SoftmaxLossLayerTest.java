package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.gradient.NumericalGradient;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

@Exercise(value = SoftmaxLossLayer.class, title = "ch5 Softmax-with-Loss layer forward/backward",
        replaces = "dlfs.layers.SoftmaxWithLoss")
class SoftmaxLossLayerTest {

    @Test
    @Points(2)
    void forwardWithOneHotTargets() {
        NDArray x = Check.randn(121, 8, 10);
        NDArray t = Check.oneHot(Check.labels(122, 8, 10), 10);
        SoftmaxLossLayer mine = new SoftmaxLossLayer();
        Check.close("SoftmaxLossLayer.forward(x, one-hot t), x (8, 10)", new SoftmaxWithLoss().forward(x, t), mine.forward(x, t), 1e-9);
        Check.close("output() after forward", dlfs.functions.Activations.softmax(x), mine.output());
    }

    @Test
    @Points(3)
    void backwardWithOneHotTargets() {
        NDArray x = Check.randn(123, 8, 10);
        NDArray t = Check.oneHot(Check.labels(124, 8, 10), 10);
        SoftmaxWithLoss ref = new SoftmaxWithLoss();
        ref.forward(x, t);
        SoftmaxLossLayer mine = new SoftmaxLossLayer();
        mine.forward(x, t);
        Check.close("SoftmaxLossLayer.backward(1), x (8, 10)", ref.backward(1), mine.backward(1));
        Check.close("SoftmaxLossLayer.backward(2.5)", ref.backward(2.5), mine.backward(2.5));
    }

    @Test
    @Points(3)
    void labelTargets() {
        NDArray x = Check.randn(125, 6, 5);
        NDArray t = Check.labels(126, 6, 5);
        SoftmaxWithLoss ref = new SoftmaxWithLoss();
        SoftmaxLossLayer mine = new SoftmaxLossLayer();
        Check.close("SoftmaxLossLayer.forward(x, labels t (6,))", ref.forward(x, t), mine.forward(x, t), 1e-9);
        Check.close("SoftmaxLossLayer.backward(1) with labels t (6,)", ref.backward(1), mine.backward(1));
    }

    @Test
    @Points(2)
    void gradientCheckOnOneSample() {
        NDArray x = Check.randn(127, 1, 4);
        NDArray t = NDArray.of(2.0);
        SoftmaxLossLayer mine = new SoftmaxLossLayer();
        mine.forward(x, t);
        NDArray dx = mine.backward(1);
        NDArray xx = x.copy();
        NDArray num = NumericalGradient.numericalGradient(() -> new SoftmaxWithLoss().forward(xx, t), xx);
        Check.close("backward vs numerical gradient, x (1, 4), t = [2]", num, dx, 1e-5, 1e-8);
    }

    @Test
    @Points(2)
    void largeScoresStayFinite() {
        NDArray x = NDArray.of(new double[][]{{1010, 1000, 990}, {-1000, 0, 1000}});
        NDArray t = NDArray.of(0.0, 1.0);
        SoftmaxWithLoss ref = new SoftmaxWithLoss();
        SoftmaxLossLayer mine = new SoftmaxLossLayer();
        double loss = mine.forward(x, t);
        Check.close("loss for scores [[1010, 1000, 990], [-1000, 0, 1000]]", ref.forward(x, t), loss, 1e-6);
        NDArray dx = mine.backward(1);
        Check.finite("backward for large scores", dx);
        Check.close("backward for large scores", ref.backward(1), dx);
    }
}
