package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.exercises.LayerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.BatchNormalization;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

@Exercise(value = BatchNormLayer.class, title = "ch6 Batch Normalization forward/backward",
        replaces = "dlfs.layers.BatchNormalization")
class BatchNormLayerTest {
    private static NDArray gamma() {
        return Check.randn(201, 5).mul(0.5).add(1);
    }

    private static NDArray beta() {
        return Check.randn(202, 5).mul(0.1);
    }

    @Test
    @Points(3)
    void trainingForwardMatchesTheLibrary() {
        NDArray x = Check.randn(203, 8, 5).mul(3).add(2);
        BatchNormalization ref = new BatchNormalization(gamma(), beta());
        BatchNormLayer mine = new BatchNormLayer(gamma(), beta());
        Check.close("BatchNormLayer.forward(x, true), x (8, 5)", ref.forward(x, true), mine.forward(x, true));
        Check.close("running mean after one batch", ref.runningMean(), mine.runningMean());
        Check.close("running variance after one batch", ref.runningVar(), mine.runningVar());
    }

    @Test
    @Points(2)
    void inferenceUsesRunningStatistics() {
        BatchNormalization ref = new BatchNormalization(gamma(), beta());
        BatchNormLayer mine = new BatchNormLayer(gamma(), beta());
        for (int i = 0; i < 3; i++) {
            NDArray x = Check.randn(210 + i, 8, 5).mul(2).add(1);
            ref.forward(x, true);
            mine.forward(x, true);
        }
        NDArray one = Check.randn(215, 1, 5);
        Check.close("BatchNormLayer.forward(x, false), one sample (1, 5)", ref.forward(one, false), mine.forward(one, false));
    }

    @Test
    @Points(4)
    void backwardMatchesTheLibrary() {
        NDArray x = Check.randn(221, 6, 5).mul(2);
        NDArray dout = Check.randn(222, 6, 5);
        BatchNormalization ref = new BatchNormalization(gamma(), beta());
        BatchNormLayer mine = new BatchNormLayer(gamma(), beta());
        ref.forward(x, true);
        mine.forward(x, true);
        Check.close("BatchNormLayer.backward(dout) = dx, x (6, 5)", ref.backward(dout), mine.backward(dout));
        assertNotNull(mine.grads(), "grads() returned null");
        Check.close("grads().get(\"gamma\")", ref.grads().get("gamma"), mine.grads().get("gamma"));
        Check.close("grads().get(\"beta\")", ref.grads().get("beta"), mine.grads().get("beta"));
    }

    @Test
    @Points(3)
    void gradientCheck() {
        NDArray x = Check.randn(231, 4, 5);
        NDArray r = Check.randn(232, 4, 5);
        NDArray g = gamma(), b = beta();
        BatchNormLayer mine = new BatchNormLayer(g, b);
        mine.forward(x, true);
        NDArray dx = mine.backward(r);
        BatchNormalization probe = new BatchNormalization(g, b);   // the reference forward for the numerical gradient
        Check.close("dx vs numerical gradient", LayerChecks.numericalInputGradient(probe, x, r), dx, 1e-4, 1e-7);
        Check.close("dgamma vs numerical gradient", LayerChecks.numericalParamGradient(probe, x, r, g), mine.grads().get("gamma"), 1e-5, 1e-7);
        Check.close("dbeta vs numerical gradient", LayerChecks.numericalParamGradient(probe, x, r, b), mine.grads().get("beta"), 1e-5, 1e-7);
    }
}
