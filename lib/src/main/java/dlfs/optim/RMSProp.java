package dlfs.optim;

/**
 * RMSProp (ch6 6.1.5, the seed's note under AdaGrad; the book's {@code RMSprop} in
 * {@code common/optimizer.py}): AdaGrad that gradually forgets old gradients by an exponential
 * moving average, so the learning rate does not decay to 0,
 * <pre>
 *   h ← ρ·h + (1 − ρ)·∂L/∂W ⊙ ∂L/∂W
 *   W ← W − η · ∂L/∂W / (√h + 1e-7)
 * </pre>
 * with decay rate ρ (the book's default 0.99).
 */
public final class RMSProp extends UpdateRule {
    private final double decay;

    public RMSProp(double lr) {
        this(lr, 0.99);
    }

    public RMSProp(double lr, double decay) {
        super("RMSProp", lr);
        this.decay = coefficient("decay rate", decay);
    }

    @Override
    protected void rule(double[] w, double[] g, Slots slots) {
        double[] h = slots.get("h");
        for (int i = 0; i < w.length; i++) {
            h[i] = decay * h[i] + (1 - decay) * g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(h[i]) + AdaGrad.EPS);
        }
    }

    @Override
    protected String hyperparameters() {
        return ", decay=" + decay;
    }
}
