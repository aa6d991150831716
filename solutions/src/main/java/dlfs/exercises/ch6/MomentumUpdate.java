package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.HashMap;
import java.util.Map;

/** Solution of exercise ch6 — Momentum: v ← αv − η∇, W ← W + v. */
public final class MomentumUpdate implements Optimizer {
    private final double lr, momentum;
    private final Map<String, NDArray> v = new HashMap<>();

    public MomentumUpdate(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    public MomentumUpdate(double lr) {
        this(lr, 0.9);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray vel = v.computeIfAbsent(e.getKey(), k -> NDArray.zerosLike(e.getValue()));
            vel.muli(momentum).axpyi(-lr, grads.get(e.getKey()));
            e.getValue().addi(vel);
        }
    }
}
