package dlfs.exercises.seeds;

import dlfs.exercises.Check;
import dlfs.functions.Activations;
import dlfs.functions.Losses;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.gradient.NumericalGradient;
import dlfs.layers.SigmoidWithLoss;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.Init;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@Exercise(value = BinaryCrossEntropyOutput.class, title = "seed 002 sigmoid output with binary cross-entropy; fan-sum init",
        replaces = {"dlfs.layers.SigmoidWithLoss", "dlfs.functions.Losses", "dlfs.nets.*"})
class BinaryCrossEntropyOutputTest {
    @Test
    @Points(2)
    void forwardMatchesTheLibrary() {
        NDArray a = Check.randn(501, 6, 5).mul(2);
        NDArray t = Check.oneHot(Check.labels(502, 6, 5), 5);
        BinaryCrossEntropyOutput mine = new BinaryCrossEntropyOutput();
        Check.close("forward(a (6, 5), one-hot t)", new SigmoidWithLoss().forward(a, t), mine.forward(a, t), 1e-9);
        Check.close("output() = sigmoid(a)", Activations.sigmoid(a), mine.output());
        NDArray labels = Check.labels(503, 6, 5);
        Check.close("forward(a (6, 5), labels t (6,))", new SigmoidWithLoss().forward(a, labels),
                new BinaryCrossEntropyOutput().forward(a, labels), 1e-9);
    }

    @Test
    @Points(3)
    void backwardIsYMinusTOverN() {
        NDArray a = Check.randn(511, 7, 4);
        NDArray t = Check.labels(512, 7, 4);
        SigmoidWithLoss ref = new SigmoidWithLoss();
        ref.forward(a, t);
        BinaryCrossEntropyOutput mine = new BinaryCrossEntropyOutput();
        mine.forward(a, t);
        Check.close("backward(1), a (7, 4)", ref.backward(1), mine.backward(1));
        Check.close("backward(2.5), a (7, 4)", ref.backward(2.5), mine.backward(2.5));
    }

    @Test
    @Points(2)
    void theSigmoidDerivativeCancelsNumerically() {
        // the numerical gradient of the seed's loss through the sigmoid equals (y − t)/N
        NDArray a = Check.randn(521, 3, 4);
        NDArray t = Check.oneHot(Check.labels(522, 3, 4), 4);
        BinaryCrossEntropyOutput mine = new BinaryCrossEntropyOutput();
        mine.forward(a, t);
        NDArray num = NumericalGradient.numericalGradient(m -> Losses.binaryCrossEntropy(Activations.sigmoid(m), t), a.copy());
        // agrees to ~1e-7; the δ = 1e-7 inside the logs moves the exact derivative by about δ/y
        Check.close("backward(1) vs numerical gradient of the loss, a (3, 4)", num, mine.backward(1), 1e-5, 1e-7);
    }

    @Test
    @Points(1)
    void logOfZeroIsKeptAway() {
        // t = 1 where y = sigmoid(−1000) = 0, t = 0 where y = sigmoid(1000) = 1: log(0) without δ
        NDArray a = NDArray.of(new double[][]{{-1000, 1000}});
        NDArray t = NDArray.of(new double[][]{{1, 0}});
        BinaryCrossEntropyOutput mine = new BinaryCrossEntropyOutput();
        double loss = mine.forward(a, t);
        assertTrue(Double.isFinite(loss), "forward(a = [[-1000, 1000]], t = [[1, 0]]) must be finite (log(y + 1e-7)); got " + loss);
        Check.close("forward(a = [[-1000, 1000]], t = [[1, 0]]) = −2·log(1e-7)", new SigmoidWithLoss().forward(a, t), loss, 1e-9);
        Check.close("backward(1) there", NDArray.of(new double[][]{{-1, 1}}), mine.backward(1));
    }

    @Test
    @Points(2)
    void initialisationScales() {
        // seed 002's 784 → 1024 layer: σ = √(2/1808) ≈ 0.0333, against the library's draws (802,816 of them)
        double fanSum = BinaryCrossEntropyOutput.kaimingFanSumStd(784, 1024);
        Check.close("kaimingFanSumStd(784, 1024) = √(2/(784 + 1024))", Math.sqrt(2.0 / 1808), fanSum, 1e-12);
        NDArray w = Init.kaimingFanSum(784, 1024, new Rng(531));
        double sampleStd = Math.sqrt(w.square().mean() - w.mean() * w.mean());
        Check.close("kaimingFanSumStd(784, 1024) vs the std of Init.kaimingFanSum's weights", sampleStd, fanSum, 0.01 * fanSum);
        Check.close("heStd(784) = √(2/784)", Init.heStd(784), BinaryCrossEntropyOutput.heStd(784), 1e-12);
        Check.close("kaimingFanSumStd(1024, 10)", Math.sqrt(2.0 / 1034), BinaryCrossEntropyOutput.kaimingFanSumStd(1024, 10), 1e-12);
    }
}
