package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Momentum SGD (ch6, "Momentum"): a velocity {@code v} that remembers past gradients,
 * <pre>
 *   v ← α·v − η·∂L/∂W
 *   W ← W + v
 * </pre>
 * with momentum α (the book's default 0.9) and learning rate η. The velocity of each parameter
 * starts at zero on the first update, as the book's {@code Momentum.update}.
 */
public final class Momentum implements Optimizer {
    private final double lr;
    private final double momentum;
    private final Slots v = new Slots();

    public Momentum(double lr) {
        this(lr, 0.9);
    }

    public Momentum(double lr, double momentum) {
        this.lr = Hyper.rate("Momentum", lr);
        this.momentum = Hyper.coefficient("Momentum", "momentum", momentum);
    }

    public double lr() {
        return lr;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String key = e.getKey();
            double[] w = e.getValue().data();
            double[] g = grads.get(key).data();
            double[] vel = v.of(key, e.getValue());
            for (int i = 0; i < w.length; i++) {
                vel[i] = momentum * vel[i] - lr * g[i];
                w[i] += vel[i];
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + lr + ", momentum=" + momentum + ")";
    }
}
