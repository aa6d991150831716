package dlfs.exercises.seeds;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.nets.SoftmaxRegression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Exercise(value = SoftmaxRegressionStep.class, title = "seed 003 softmax regression: one mini-batch step by hand",
        replaces = {"dlfs.nets.*", "dlfs.optim.*"})
class SoftmaxRegressionStepTest {
    /** The seed's model on 6 inputs and 4 classes: W (4, 6) uniform in [0, 0.01), b (4, 1) zeros. */
    private static SoftmaxRegression model(long seed) {
        return new SoftmaxRegression(6, 4, new Rng(seed));
    }

    /** One step of yours on copies of ref's W and b against one step of the seed's loop (one batch of all rows). */
    private static void oneStepMatches(String what, SoftmaxRegression ref, NDArray x, NDArray t, double lr) {
        NDArray W = ref.W().copy(), b = ref.b().copy();
        double expectedLoss = ref.loss(x, t);
        ref.trainLikeSeed(x, t, lr, x.shape(0), 1, null);
        Check.close(what + ": the loss before the update", expectedLoss, SoftmaxRegressionStep.step(W, b, x, t, lr), 1e-9);
        Check.close(what + ": W " + ref.W().shapeString() + " after the step", ref.W(), W);
        Check.close(what + ": b " + ref.b().shapeString() + " after the step", ref.b(), b);
    }

    @Test
    @Points(4)
    void lossAndUpdateMatchTheLibrary() {
        SoftmaxRegression ref = model(301);
        ref.b().assign(Check.randn(302, 4, 1).mul(0.1));              // a non-zero bias, so bᵀ matters
        oneStepMatches("step(W, b, x (8, 6), t (8,), lr 0.5)", ref, Check.randn(303, 8, 6), Check.labels(304, 8, 4), 0.5);
    }

    @Test
    @Points(3)
    void theLossFallsStepByStepAsTheSeedsLoop() {
        SoftmaxRegression ref = model(311);
        NDArray W = ref.W().copy(), b = ref.b().copy();
        NDArray x = Check.randn(312, 20, 6);
        NDArray t = Check.labels(313, 20, 4);
        // the seed's loop with batch = all 20 rows: epoch e's loss is step e's loss
        double[] expected = ref.trainLikeSeed(x, t, SoftmaxRegression.LEARNING_RATE * 10, 20, 8, null);
        double previous = Double.POSITIVE_INFINITY;
        for (int s = 0; s < expected.length; s++) {
            double loss = SoftmaxRegressionStep.step(W, b, x, t, SoftmaxRegression.LEARNING_RATE * 10);
            Check.close("loss of step " + s, expected[s], loss, 1e-9);
            assertTrue(loss < previous, "the loss must fall on every step of gradient descent: step " + s + " gave " + loss
                    + " after " + previous);
            previous = loss;
        }
        Check.close("W after 8 steps", ref.W(), W);
    }

    @Test
    @Points(2)
    void badInputIsRefusedBeforeAnythingChanges() {
        SoftmaxRegression ref = model(321);
        NDArray W = ref.W().copy(), b = ref.b().copy();
        NDArray x = Check.randn(322, 8, 6);
        NDArray bad = NDArray.of(0, 1, 2, 3, 7, 0, 1, 2);              // label 7 with 4 classes
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxRegressionStep.step(W, b, x, bad, 0.1), "a label 7 with 4 classes must throw IllegalArgumentException");
        assertTrue(e.getMessage() != null && e.getMessage().contains("7"), "the error must name the label 7; it says: " + e.getMessage());

        NDArray narrow = Check.randn(323, 8, 5);
        ShapeException s = assertThrows(ShapeException.class,
                () -> SoftmaxRegressionStep.step(W, b, narrow, Check.labels(324, 8, 4), 0.1),
                "x (8, 5) with W (4, 6) must throw dlfs.nd.ShapeException");
        assertTrue(s.getMessage() != null && s.getMessage().contains("(8, 5)") && s.getMessage().contains("(4, 6)"),
                "the error must name x (8, 5) and W (4, 6); it says: " + s.getMessage());
        Check.unchanged("step with bad input (W)", ref.W(), W);
        Check.unchanged("step with bad input (b)", ref.b(), b);
    }

    @Test
    @Points(1)
    void oneSampleBatch() {
        oneStepMatches("step(W, b, x (1, 6), t = [2], lr 0.05)", model(331), Check.randn(332, 1, 6), NDArray.of(2.0), 0.05);
    }
}
