package dlfs.optim;

/**
 * Adam (ch6 6.1.6 "Adam"; Kingma and Ba 2015): Momentum's moving average of the gradient (m,
 * rate β₁) combined with RMSProp's moving average of its square (v, rate β₂), with bias correction
 * of both averages, which start at 0. At step t:
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g⊙g
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   W ← W − α · m̂ / (√v̂ + ε)
 * </pre>
 * As the book's {@code common/optimizer.py}, the two corrections are folded into one step size
 * {@code α_t = α·√(1 − β₂ᵗ)/(1 − β₁ᵗ)} (ε = 1e-7 then sits outside the correction, a negligible
 * difference), and the averages are written {@code m += (1 − β₁)(g − m)}. Defaults: α = 0.001,
 * β₁ = 0.9, β₂ = 0.999.
 */
public final class Adam extends UpdateRule {
    private final double beta1;
    private final double beta2;
    private int t;
    private double lrT;

    public Adam() {
        this(0.001);
    }

    public Adam(double lr) {
        this(lr, 0.9, 0.999);
    }

    public Adam(double lr, double beta1, double beta2) {
        super("Adam", lr);
        this.beta1 = coefficient("beta1", beta1);
        this.beta2 = coefficient("beta2", beta2);
    }

    /** Number of updates so far (t in the bias correction). */
    public int steps() {
        return t;
    }

    /** The book's {@code self.iter += 1} and {@code lr_t}, once per update. */
    @Override
    protected void beforeUpdate() {
        t++;
        lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    }

    @Override
    protected void rule(double[] w, double[] g, Slots slots) {
        double[] m = slots.get("m"), v = slots.get("v");
        for (int i = 0; i < w.length; i++) {
            m[i] += (1 - beta1) * (g[i] - m[i]);
            v[i] += (1 - beta2) * (g[i] * g[i] - v[i]);
            w[i] -= lrT * m[i] / (Math.sqrt(v[i]) + AdaGrad.EPS);
        }
    }

    @Override
    protected String hyperparameters() {
        return ", beta1=" + beta1 + ", beta2=" + beta2;
    }
}
