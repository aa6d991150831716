package dlfs.optim;

/**
 * Momentum SGD (ch6 6.1.4 "Momentum"), equations (6.3) and (6.4): a velocity {@code v} that
 * remembers past gradients,
 * <pre>
 *   v ← α·v − η·∂L/∂W
 *   W ← W + v
 * </pre>
 * with momentum α (the book's default 0.9) and learning rate η. The velocity of each parameter
 * starts at zero on the first update, as the book's {@code self.v[key] = np.zeros_like(val)}.
 */
public final class Momentum extends UpdateRule {
    private final double momentum;

    public Momentum(double lr) {
        this(lr, 0.9);
    }

    public Momentum(double lr, double momentum) {
        super("Momentum", lr);
        this.momentum = coefficient("momentum", momentum);
    }

    /** α. */
    public double momentum() {
        return momentum;
    }

    @Override
    protected void rule(double[] w, double[] g, Slots slots) {
        double[] v = slots.get("v");
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] += v[i];
        }
    }

    @Override
    protected String hyperparameters() {
        return ", momentum=" + momentum;
    }
}
