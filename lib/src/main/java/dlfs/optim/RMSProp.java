package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * RMSProp (ch6, the seed's note under AdaGrad): AdaGrad that gradually forgets old gradients by an
 * exponential moving average, so the learning rate does not decay to 0,
 * <pre>
 *   h ← ρ·h + (1 − ρ)·∂L/∂W ⊙ ∂L/∂W
 *   W ← W − η · ∂L/∂W / (√h + 1e-7)
 * </pre>
 * with decay rate ρ (the book's default 0.99).
 */
public final class RMSProp implements Optimizer {
    private final double lr;
    private final double decay;
    private final Slots h = new Slots();

    public RMSProp(double lr) {
        this(lr, 0.99);
    }

    public RMSProp(double lr, double decay) {
        this.lr = Hyper.rate("RMSProp", lr);
        this.decay = Hyper.coefficient("RMSProp", "decay rate", decay);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            double[] w = e.getValue().data();
            double[] g = grads.get(e.getKey()).data();
            double[] hh = h.of(e.getKey(), e.getValue());
            for (int i = 0; i < w.length; i++) {
                hh[i] = decay * hh[i] + (1 - decay) * g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(hh[i]) + AdaGrad.EPS);
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return "RMSProp(lr=" + lr + ", decay=" + decay + ")";
    }
}
