package dlfs.optim;

/**
 * Nesterov's accelerated gradient (ch6 6.1.4, the book's {@code Nesterov} in
 * {@code common/optimizer.py}): Momentum that looks ahead, taking the gradient where the velocity
 * is about to carry the weights. Written, as in the book, in the form that only needs the gradient
 * at the current weights (Bengio et al. 2012):
 * <pre>
 *   v ← α·v − η·∂L/∂W
 *   W ← W + α²·v − (1 + α)·η·∂L/∂W
 * </pre>
 */
public final class Nesterov extends UpdateRule {
    private final double momentum;

    public Nesterov(double lr) {
        this(lr, 0.9);
    }

    public Nesterov(double lr, double momentum) {
        super("Nesterov", lr);
        this.momentum = coefficient("momentum", momentum);
    }

    @Override
    protected void rule(double[] w, double[] g, Slots slots) {
        double[] v = slots.get("v");
        for (int i = 0; i < w.length; i++) {
            v[i] = momentum * v[i] - lr * g[i];
            w[i] += momentum * momentum * v[i] - (1 + momentum) * lr * g[i];
        }
    }

    @Override
    protected String hyperparameters() {
        return ", momentum=" + momentum;
    }
}
