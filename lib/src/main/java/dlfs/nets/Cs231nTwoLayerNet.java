package dlfs.nets;

import dlfs.functions.Activations;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.monitor.Divergence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two-layer network of cs231n lecture 4 (seed 004), trained on random data with the
 * lecture's own loop, gradients written out by hand:
 * <pre>
 *   N, D_in, H, D_out = 64, 1000, 100, 10
 *   x, y = randn(N, D_in), randn(N, D_out);  w_1, w_2 = randn(D_in, H), randn(H, D_out)
 *   h = 1 / (1 + exp(−x·w_1));  y_pred = h·w_2;  loss = Σ (y_pred − y)²
 *   grad_y_pred = 2(y_pred − y);  grad_w2 = hᵀ·grad_y_pred;  grad_h = grad_y_pred·w_2ᵀ
 *   grad_w1 = xᵀ·(grad_h * h * (1 − h));  w_1 −= 1e-4·grad_w1;  w_2 −= 1e-4·grad_w2
 * </pre>
 * It is a regression onto random targets (L2 loss), not a classifier, so it keeps its own loop
 * ({@link #step}, {@link #train}) rather than the Trainer's.
 */
public final class Cs231nTwoLayerNet {
    public static final int N = 64, D_IN = 1000, H = 100, D_OUT = 10;
    public static final double LEARNING_RATE = 1e-4;

    private final NDArray x, y, w1, w2;
    private final double lr;

    /** The lecture's sizes and learning rate, every array drawn from rng as randn. */
    public Cs231nTwoLayerNet(Rng rng) {
        this(N, D_IN, H, D_OUT, LEARNING_RATE, rng);
    }

    public Cs231nTwoLayerNet(int n, int dIn, int h, int dOut, double lr, Rng rng) {
        this.x = rng.randn(n, dIn);
        this.y = rng.randn(n, dOut);
        this.w1 = rng.randn(dIn, h);
        this.w2 = rng.randn(h, dOut);
        this.lr = lr;
    }

    /** loss = Σ (y_pred − y)² at the current weights. */
    public double loss() {
        NDArray yPred = Activations.sigmoid(x.matmul(w1)).matmul(w2);
        return yPred.sub(y).square().sum();
    }

    /** grad_w1 and grad_w2 at the current weights, by the lecture's formulas. */
    public Map<String, NDArray> gradient() {
        NDArray h = Activations.sigmoid(x.matmul(w1));
        NDArray yPred = h.matmul(w2);
        NDArray gradYPred = yPred.sub(y).muli(2.0);
        NDArray gradW2 = h.tdot(gradYPred);
        NDArray gradH = gradYPred.dott(w2);
        NDArray gradW1 = x.tdot(gradH.muli(h).muli(h.rsub(1)));
        Map<String, NDArray> g = new LinkedHashMap<>();
        g.put("w_1", gradW1);
        g.put("w_2", gradW2);
        return g;
    }

    /** One iteration of the lecture's loop; returns the loss before the update. */
    public double step() {
        double loss = loss();
        Map<String, NDArray> g = gradient();
        w1.axpyi(-lr, g.get("w_1"));
        w2.axpyi(-lr, g.get("w_2"));
        return loss;
    }

    /**
     * {@code for t in range(iterations)}: the loss of every iteration; stops with a clear error
     * when the loss or the weights blow up ({@link Divergence}; its cross-entropy ceiling check is
     * off, this is an L2 loss).
     */
    public double[] train(int iterations) {
        double[] losses = new double[iterations];
        Divergence divergence = new Divergence("lr " + lr, lr, params(), false);
        for (int t = 0; t < iterations; t++) {
            losses[t] = step();
            divergence.check(t, losses[t], 0, params(), "iteration " + t, null);
        }
        return losses;
    }

    /** w_1 and w_2, the live weights. */
    public Map<String, NDArray> params() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("w_1", w1);
        m.put("w_2", w2);
        return m;
    }

    public NDArray x() {
        return x;
    }

    public NDArray y() {
        return y;
    }
}
