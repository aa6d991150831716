package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/** Solution of exercise ch6 — SGD: W ← W − η∇, in place. */
public final class SgdUpdate implements Optimizer {
    private final double lr;

    public SgdUpdate(double lr) {
        this.lr = lr;
    }

    public SgdUpdate() {
        this(0.01);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            double[] w = e.getValue().data(), g = grads.get(e.getKey()).data();
            for (int i = 0; i < w.length; i++) w[i] -= lr * g[i];
        }
    }
}
