package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Adam (ch6, "Adam"; Kingma and Ba 2015): Momentum's moving average of the gradient (m, rate β₁)
 * combined with RMSProp's moving average of its square (v, rate β₂), with bias correction of both
 * averages, which start at 0. At step t:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g⊙g
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   W ← W − α · m̂ / (√v̂ + ε)
 * </pre>
 * As in the book, the two corrections are folded into one step size
 * {@code α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ)} (ε = 1e-7 then sits outside the correction, a negligible
 * difference). Defaults: α = 0.001, β₁ = 0.9, β₂ = 0.999.
 */
public final class Adam implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final Slots m = new Slots();
    private final Slots v = new Slots();
    private int t;

    public Adam() {
        this(0.001);
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999);
    }

    public Adam(double lr, double beta1, double beta2) {
        this.lr = Hyper.rate("Adam", lr);
        this.beta1 = Hyper.coefficient("Adam", "beta1", beta1);
        this.beta2 = Hyper.coefficient("Adam", "beta2", beta2);
    }

    /** Number of updates so far (t in the bias correction). */
    public int steps() {
        return t;
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            double[] w = e.getValue().data();
            double[] g = grads.get(e.getKey()).data();
            double[] mm = m.of(e.getKey(), e.getValue());
            double[] vv = v.of(e.getKey(), e.getValue());
            for (int i = 0; i < w.length; i++) {
                mm[i] += (1 - beta1) * (g[i] - mm[i]);
                vv[i] += (1 - beta2) * (g[i] * g[i] - vv[i]);
                w[i] -= lrT * mm[i] / (Math.sqrt(vv[i]) + AdaGrad.EPS);
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }
}
