package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — the Adam update ("Adam"), in the book's form. At step t = 1, 2, ... (count the
 * calls to update):
 * <pre>
 *   η_t = η · √(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   m ← m + (1 − β₁)·(g − m)
 *   v ← v + (1 − β₂)·(g² − v)
 *   W ← W − η_t · m / (√v + 1e-7)
 * </pre>
 * with g = ∂L/∂W, m and v kept per parameter name (zeros at the start). Defaults η = 0.001,
 * β₁ = 0.9, β₂ = 0.999. Update the parameter arrays in place.
 *
 * <p><b>中文：</b>练习 ch6 —— Adam 更新，采用书中的形式。在第 t = 1, 2, ... 步（对 update 的调用次数计数）
 * 按上面的公式更新，其中 g = ∂L/∂W，m 和 v 按参数名分别保存（开始时为零）。
 * 默认值 η = 0.001，β₁ = 0.9，β₂ = 0.999。原地更新参数数组。
 */
public final class AdamUpdate implements Optimizer {
    private final double lr, beta1, beta2;

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
        throw new UnsupportedOperationException("ch6 AdamUpdate.update: see this class's Javadoc and the book's section 6.1.6 (Adam)"
                + "; %hint ch6.AdamUpdate gives hints");
    }
}
