package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.HashMap;
import java.util.Map;

/** Solution of exercise ch6 — Adam with the book's folded bias correction. */
public final class AdamUpdate implements Optimizer {
    private final double lr, beta1, beta2;
    private final Map<String, NDArray> m = new HashMap<>(), v = new HashMap<>();
    private int t;

    public AdamUpdate(double lr, double beta1, double beta2) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    public AdamUpdate(double lr) {
        this(lr, 0.9, 0.999);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = grads.get(e.getKey());
            NDArray mm = m.computeIfAbsent(e.getKey(), k -> NDArray.zerosLike(e.getValue()));
            NDArray vv = v.computeIfAbsent(e.getKey(), k -> NDArray.zerosLike(e.getValue()));
            mm.axpyi(1 - beta1, g.sub(mm));
            vv.axpyi(1 - beta2, g.square().sub(vv));
            e.getValue().axpyi(-lrT, mm.div(vv.sqrt().add(1e-7)));
        }
    }
}
