package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.HashMap;
import java.util.Map;

/** Solution of exercise ch6 — AdaGrad: h += g⊙g, W −= η g / (√h + 1e-7). */
public final class AdaGradUpdate implements Optimizer {
    private final double lr;
    private final Map<String, double[]> h = new HashMap<>();

    public AdaGradUpdate(double lr) {
        this.lr = lr;
    }

    public AdaGradUpdate() {
        this(0.01);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            double[] w = e.getValue().data(), g = grads.get(e.getKey()).data();
            double[] hh = h.computeIfAbsent(e.getKey(), k -> new double[w.length]);
            for (int i = 0; i < w.length; i++) {
                hh[i] += g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(hh[i]) + 1e-7);
            }
        }
    }
}
