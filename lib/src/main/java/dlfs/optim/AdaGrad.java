package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * AdaGrad (ch6, "AdaGrad"): a learning rate per element that decays with the sum of that
 * element's squared gradients,
 * <pre>
 *   h ← h + ∂L/∂W ⊙ ∂L/∂W
 *   W ← W − η · ∂L/∂W / (√h + 1e-7)
 * </pre>
 * The small 1e-7 keeps the first step finite where h is still 0 (the seed's "加微小值1e-7").
 */
public final class AdaGrad implements Optimizer {
    static final double EPS = 1e-7;
    private final double lr;
    private final Slots h = new Slots();

    public AdaGrad(double lr) {
        this.lr = Hyper.rate("AdaGrad", lr);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            double[] w = e.getValue().data();
            double[] g = grads.get(e.getKey()).data();
            double[] hh = h.of(e.getKey(), e.getValue());
            for (int i = 0; i < w.length; i++) {
                hh[i] += g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(hh[i]) + EPS);
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return "AdaGrad(lr=" + lr + ")";
    }
}
