package dlfs.exercises.ch4;

import dlfs.exercises.Check;
import dlfs.functions.Activations;
import dlfs.functions.Losses;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Exercise(value = LossFunctions.class, title = "ch4 losses: mean squared error, cross-entropy (one-hot and labels)",
        replaces = "dlfs.functions.Losses")
class LossFunctionsTest {
    private static final NDArray T = NDArray.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    private static final NDArray Y_GOOD = NDArray.of(0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0);
    private static final NDArray Y_BAD = NDArray.of(0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0);

    private static NDArray probabilities(long seed, int n, int k) {
        return Activations.softmax(Check.randn(seed, n, k));
    }

    @Test
    @Points(2)
    void meanSquaredErrorOfTheBookExample() {
        Check.close("meanSquaredError(y, t), class 2 likely", 0.0975, LossFunctions.meanSquaredError(Y_GOOD, T), 1e-12);
        Check.close("meanSquaredError(y, t), class 7 likely", 0.5975, LossFunctions.meanSquaredError(Y_BAD, T), 1e-12);
    }

    @Test
    @Points(2)
    void meanSquaredErrorIsAveragedOverTheBatch() {
        NDArray y = probabilities(51, 8, 10);
        NDArray t = Check.oneHot(Check.labels(52, 8, 10), 10);
        Check.close("meanSquaredError(y, t), y (8, 10)", Losses.meanSquaredError(y, t), LossFunctions.meanSquaredError(y, t), 1e-12);
    }

    @Test
    @Points(2)
    void crossEntropyOfTheBookExample() {
        Check.close("crossEntropyError(y, t), class 2 likely", 0.510825457099338, LossFunctions.crossEntropyError(Y_GOOD, T), 1e-9);
        Check.close("crossEntropyError(y, t), class 7 likely", 2.302584092994546, LossFunctions.crossEntropyError(Y_BAD, T), 1e-9);
    }

    @Test
    @Points(3)
    void crossEntropyWithOneHotBatch() {
        NDArray y = probabilities(53, 16, 10);
        NDArray t = Check.oneHot(Check.labels(54, 16, 10), 10);
        Check.close("crossEntropyError(y, one-hot t), y (16, 10)", Losses.crossEntropyError(y, t), LossFunctions.crossEntropyError(y, t), 1e-9);
    }

    @Test
    @Points(3)
    void crossEntropyWithLabelsEqualsOneHot() {
        NDArray y = probabilities(55, 16, 10);
        NDArray l = Check.labels(56, 16, 10);
        Check.close("crossEntropyError(y, labels t), y (16, 10), t (16,)", Losses.crossEntropyError(y, l),
                LossFunctions.crossEntropyError(y, l), 1e-9);
    }

    @Test
    @Points(1)
    void crossEntropyOfOneSampleBatchWithALabel() {
        NDArray y = probabilities(57, 1, 10);
        NDArray l = NDArray.of(3.0);
        Check.close("crossEntropyError(y, t = [3]), y (1, 10)", -Math.log(y.get(0, 3) + 1e-7), LossFunctions.crossEntropyError(y, l), 1e-9);
    }

    @Test
    @Points(1)
    void crossEntropyRejectsMismatchedTargets() {
        NDArray y = probabilities(58, 4, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossFunctions.crossEntropyError(y, NDArray.zeros(3, 10)),
                "crossEntropyError(y (4, 10), t (3, 10)) must throw IllegalArgumentException, not return a number");
        assertTrue(e.getMessage() != null && e.getMessage().contains("(4, 10)") && e.getMessage().contains("(3, 10)"),
                "the error must name both shapes, (4, 10) and (3, 10); it says: " + e.getMessage());
    }
}
