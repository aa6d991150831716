package dlfs.monitor;

import dlfs.data.LoadOptions;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNet;
import dlfs.nets.TwoLayerNet;
import dlfs.optim.Adam;
import dlfs.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import dlfs.train.Trainer;

/**
 * The training loop's divergence check on a small real problem: TwoLayerNet (784-50-10) on 1,000
 * of the shipped digits. Learning rates of 1e4, 1e5 and 1e50 used to "succeed" at 10% accuracy
 * (the overflow-safe loss saturates near −log(1e-7) ≈ 16.1, or 14.5 for a net predicting one
 * class) with weights of 1e11 and more; now each stops, saying where, with what and what to try.
 */
class DivergenceTest {
    private static final Dataset DIGITS = Datasets.digits(LoadOptions.normalized()).head(1000, 200);

    private static Trainer trainer(double lr) {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(1));
        return new Trainer(net, new SGD(lr)).data(DIGITS.xTrain(), DIGITS.tTrain(), DIGITS.xTest(), DIGITS.tTest())
                .iterations(300).batchSize(100).seed(1).verbose(false);
    }

    @Test
    void hugeLearningRatesStopWithAMessageThatSaysWhereWhyAndWhatToTry() {
        for (double lr : new double[]{1e4, 1e5, 1e50}) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer(lr).train(), "lr " + lr);
            String m = e.getMessage();
            assertTrue(m.matches("(?s).*(the weights exploded|weight \\S+ became|the loss became|stuck at the cross-entropy's ceiling).*"
                    + "at iteration \\d+ \\(epoch \\d+ of \\d+\\) with SGD\\(lr=.*"), m);
            assertTrue(m.contains("Try a learning rate 10× smaller, e.g. " + (lr == 1e4 ? "1000" : lr == 1e5 ? "10000" : "1e49")), m);
            assertTrue(e.iteration() < 50, "lr " + lr + " should stop early, stopped at " + e.iteration() + ": " + m);
            assertEquals(e.iteration(), e.history().iterations(), "the history holds the iterations before the one that stopped");
        }
    }

    @Test
    void aNormalLearningRateTrainsToTheEnd() {
        History h = trainer(0.1).train();
        assertEquals(300, h.iterations());
        assertTrue(h.finalTestAcc() > 0.8, "test accuracy " + h.finalTestAcc());
    }

    @Test
    void theDecayTermIsNotTakenForASaturatedLoss() {
        // the ch6 overfitting setup with λ = 0.1: the loss starts near 70, almost all of it ½λΣ‖W‖²
        MultiLayerNet net = new MultiLayerNet(784, new int[]{100, 100, 100, 100, 100, 100}, 10, "relu", "relu", 0.1, new Rng(0));
        History h = new Trainer(net, new SGD(0.01)).data(DIGITS.xTrain().slice(0, 300), DIGITS.tTrain().slice(0, 300))
                .iterations(60).batchSize(100).seed(0).verbose(false).train();
        assertTrue(h.loss()[0] > Divergence.CEILING, "loss starts at " + h.loss()[0]);
        assertEquals(60, h.iterations());
    }

    @Test
    void adamWithTheBookRateTrains() {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(1));
        History h = new Trainer(net, new Adam(0.001)).data(DIGITS.xTrain(), DIGITS.tTrain()).iterations(100).batchSize(100).seed(1)
                .verbose(false).train();
        assertEquals(100, h.iterations());
    }

    @Test
    void eachConditionOnItsOwn() {
        Map<String, NDArray> params = new LinkedHashMap<>();
        params.put("W1", NDArray.of(0.5, -0.2));
        // (3) a loss at the ceiling for PATIENCE iterations in a row, with weights that did not explode
        Divergence d = new Divergence(new SGD(3), params);
        for (int i = 0; i < Divergence.PATIENCE - 1; i++) d.check(i, 14.5, 0, params, "iteration " + i, null);
        d.check(99, 2.3, 0, params, "iteration 99", null);  // one normal loss resets the count
        for (int i = 0; i < Divergence.PATIENCE - 1; i++) d.check(i, 14.5, 0, params, "iteration " + i, null);
        TrainingDivergedException stuck = assertThrows(TrainingDivergedException.class, () -> d.check(7, 14.5, 0, params, "iteration 7", null));
        assertTrue(stuck.getMessage().startsWith("the loss is stuck at the cross-entropy's ceiling: 14.5") && stuck.getMessage()
                .contains("at iteration 7 with SGD(lr=3.0) (learning rate 3). Training diverged. Try a learning rate 10× smaller, e.g. 0.3"),
                stuck.getMessage());
        // the same losses made of weight decay do not count
        Divergence decay = new Divergence(new SGD(3), params);
        for (int i = 0; i < 3 * Divergence.PATIENCE; i++) decay.check(i, 14.5, 13, params, "iteration " + i, null);
        // (2) weights beyond 1000× their start (or 1000)
        assertEquals(1000, d.limit());
        params.get("W1").data()[1] = 2000;
        TrainingDivergedException big = assertThrows(TrainingDivergedException.class, () -> d.check(3, 1.0, 0, params, "iteration 3", null));
        assertTrue(big.getMessage().startsWith("the weights exploded: max |w| = 2.00e+03 in W1"), big.getMessage());
        params.get("W1").data()[0] = Double.NaN;
        TrainingDivergedException nan = assertThrows(TrainingDivergedException.class, () -> d.check(4, 1.0, 0, params, "iteration 4", null));
        assertTrue(nan.getMessage().startsWith("weight W1 became NaN at iteration 4"), nan.getMessage());
        // (1) a loss that is not finite
        TrainingDivergedException inf = assertThrows(TrainingDivergedException.class,
                () -> d.check(5, Double.POSITIVE_INFINITY, 0, params, "iteration 5", null));
        assertTrue(inf.getMessage().startsWith("the loss became Inf at iteration 5"), inf.getMessage());
        assertEquals(5, inf.iteration());
        // the ceiling check is off for losses that are not a cross-entropy
        Map<String, NDArray> small = Map.of("w", NDArray.of(1.0));
        Divergence l2 = new Divergence("lr 0.001", 0.001, small, false);
        for (int i = 0; i < 3 * Divergence.PATIENCE; i++) l2.check(i, 1e6, 0, small, "iteration " + i, null);
    }
}
