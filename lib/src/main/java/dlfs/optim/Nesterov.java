package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Nesterov's accelerated gradient (ch6, the book's {@code Nesterov} in {@code common/optimizer.py}):
 * Momentum that looks ahead, taking the gradient where the velocity is about to carry the weights.
 * Written, as in the book, in the form that only needs the gradient at the current weights
 * (Bengio et al. 2012):
 * <pre>
 *   v ← α·v − η·∂L/∂W
 *   W ← W + α²·v − (1 + α)·η·∂L/∂W
 * </pre>
 */
public final class Nesterov implements Optimizer {
    private final double lr;
    private final double momentum;
    private final Slots v = new Slots();

    public Nesterov(double lr) {
        this(lr, 0.9);
    }

    public Nesterov(double lr, double momentum) {
        this.lr = Hyper.rate("Nesterov", lr);
        this.momentum = Hyper.coefficient("Nesterov", "momentum", momentum);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            double[] w = e.getValue().data();
            double[] g = grads.get(e.getKey()).data();
            double[] vel = v.of(e.getKey(), e.getValue());
            for (int i = 0; i < w.length; i++) {
                vel[i] = momentum * vel[i] - lr * g[i];
                w[i] += momentum * momentum * vel[i] - (1 + momentum) * lr * g[i];
            }
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return "Nesterov(lr=" + lr + ", momentum=" + momentum + ")";
    }
}
