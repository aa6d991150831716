package dlfs.optim;

/**
 * AdaGrad (ch6 6.1.5 "AdaGrad"), equations (6.5) and (6.6): a learning rate per element that
 * decays with the sum of that element's squared gradients,
 * <pre>
 *   h ← h + ∂L/∂W ⊙ ∂L/∂W
 *   W ← W − η · ∂L/∂W / (√h + 1e-7)
 * </pre>
 * The small 1e-7 keeps the first step finite where h is still 0 (the seed's "加微小值1e-7").
 */
public final class AdaGrad extends UpdateRule {
    /** The book's 1e-7 against division by zero (AdaGrad, RMSProp and Adam). */
    static final double EPS = 1e-7;

    public AdaGrad(double lr) {
        super("AdaGrad", lr);
    }

    @Override
    protected void rule(double[] w, double[] g, Slots slots) {
        double[] h = slots.get("h");
        for (int i = 0; i < w.length; i++) {
            h[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(h[i]) + EPS);
        }
    }
}
