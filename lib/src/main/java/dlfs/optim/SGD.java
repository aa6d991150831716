package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Stochastic gradient descent (ch4 and ch6): {@code W ← W − η·∂L/∂W}.
 */
public final class SGD implements Optimizer {
    private final double lr;

    public SGD(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("SGD: learning rate must be a positive number, got " + lr);
        this.lr = lr;
    }

    public double lr() {
        return lr;
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        for (Map.Entry<String, NDArray> e : params.entrySet()) e.getValue().axpyi(-lr, grads.get(e.getKey()));
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public String toString() {
        return "SGD(lr=" + lr + ")";
    }
}
