package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.train.GradientCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** BatchNormalization against the book's numpy code on the same numbers; Dropout; gradient checks. */
class TrickLayersTest {
    private static NDArray x() {
        return NDArray.arange(20).mul(0.37).map(Math::sin).mul(3).add(1).reshape(5, 4);
    }

    @Test
    void batchNormMatchesBook() {
        BatchNormalization bn = new BatchNormalization(NDArray.of(1.0, 0.5, 2.0, -1.0), NDArray.of(0.0, 0.1, -0.2, 0.3));
        NDArray out = bn.forward(x(), true);
        assertEquals(-0.06816911327374786, out.get(2, 1), 1e-12);
        assertEquals(-0.4753049174592035, out.get(4, 3), 1e-12);
        NDArray dx = bn.backward(NDArray.arange(20).mul(0.5).map(Math::cos).reshape(5, 4));
        assertEquals(-0.4315201519114722, dx.get(1, 2), 1e-10);
        assertEquals(0.0969325515738405, dx.get(3, 0), 1e-10);
        assertEquals(-2.3104264355645254, bn.grads().get("gamma").get(2), 1e-12);
        assertEquals(0.24021886995585906, bn.grads().get("beta").get(1), 1e-12);
        // running stats after one batch: 0.9*0 + 0.1*batch
        assertEquals(0.0914855573122308, bn.runningMean().get(0), 1e-12);
        assertEquals(0.45866502197970516, bn.runningVar().get(3), 1e-12);
    }

    @Test
    void batchNormTrainNormalisesAndInferenceUsesRunningStats() {
        Rng rng = new Rng(3);
        BatchNormalization bn = BatchNormalization.of(3);
        NDArray x = rng.normal(5.0, 2.0, 400, 3);
        NDArray y = bn.forward(x, true);
        assertArrayEquals(new double[]{0, 0, 0}, y.mean(0).toArray(), 1e-12);
        assertArrayEquals(new double[]{1, 1, 1}, y.var(0, false).toArray(), 1e-5);
        for (int i = 0; i < 100; i++) bn.forward(rng.normal(5.0, 2.0, 400, 3), true);
        // inference on one row: uses running mean ~5 and var ~4, not the (single-row) batch
        NDArray one = bn.forward(NDArray.of(new double[]{7, 5, 3}, 1, 3), false);
        assertArrayEquals(new double[]{1, 0, -1}, one.toArray(), 0.08);
        assertThrows(ShapeException.class, () -> bn.forward(NDArray.zeros(10, 4), true));
    }

    @Test
    void dropoutTrainAndInference() {
        Dropout d = new Dropout(0.3, new Rng(1));
        NDArray x = NDArray.ones(200, 50);
        NDArray y = d.forward(x, true);
        double kept = y.mean();
        assertEquals(0.7, kept, 0.02);
        assertEquals(y, d.mask());
        NDArray dx = d.backward(NDArray.full(2.0, 200, 50));
        assertEquals(y.mul(2.0), dx);
        assertEquals(NDArray.full(0.7, 200, 50), d.forward(x, false));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
    }

    @Test
    void gradientChecks() {
        Rng rng = new Rng(11);
        BatchNormalization bn = new BatchNormalization(rng.normal(1, 0.3, 6), rng.randn(6));
        double e = GradientCheck.worst(GradientCheck.check(bn, rng.normal(2.0, 1.0, 8, 6), rng.randn(8, 6)));
        assertTrue(e < 1e-7, "BatchNormalization gradient error " + e);

        BatchNormalization bn4 = BatchNormalization.of(2 * 3 * 3);
        e = GradientCheck.worst(GradientCheck.check(bn4, rng.randn(4, 2, 3, 3), rng.randn(4, 2, 3, 3)));
        assertTrue(e < 1e-7, "BatchNormalization (4-D) gradient error " + e);

        NDArray mask = new Rng(5).rand(8, 6).gt(0.4);
        Dropout drop = new Dropout(0.4).fixMask(mask);
        e = GradientCheck.worst(GradientCheck.check(drop, rng.randn(8, 6), rng.randn(8, 6)));
        assertTrue(e < 1e-7, "Dropout (fixed mask) gradient error " + e);
    }
}
