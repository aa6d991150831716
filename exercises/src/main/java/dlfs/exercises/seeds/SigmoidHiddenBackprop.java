package dlfs.exercises.seeds;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise seed 000 — the gradients of the hand-written BP network ("BP神经网络", BP Backward).
 *
 * <p>The seed's net has two weight matrices and no biases: w1 (D, H) and w2 (H, K). For a batch
 * x (N, D) with labels t (N) or one-hot rows (N, K), in the seed's names:
 * <pre>
 *   h = x @ w1,  sig_h = sigmoid(h),  p = sig_h @ w2,  pre = softmax(p)
 *   loss = −Σ label·log(pre) / batch
 *   G2     = ∂loss/∂p = (pre − label) / batch          (N, K)   "G2 = G2/batch_size"
 *   Δw2    = sig_hᵀ @ G2                                (H, K)
 *   Δsig_h = G2 @ w2ᵀ                                   (N, H)
 *   Δh     = Δsig_h * sig_h * (1 − sig_h)               (N, H)   the sigmoid's derivative
 *   Δw1    = xᵀ @ Δh                                    (D, H)
 * </pre>
 * Return {"w1": Δw1, "w2": Δw2}, each with its parameter's shape, and leave the parameters
 * unchanged. Dividing by the batch is what keeps a big batch from blowing up into NaN, as the
 * seed warns; the tests check that a batch of one sample repeated gives that sample's gradient.
 * Write the steps above with NDArray operations ({@code matmul}, {@code tdot} = aᵀ·b,
 * {@code dott} = a·bᵀ, {@code mul}, {@code rsub}); {@code dlfs.functions.Activations} has sigmoid and
 * softmax, {@code dlfs.functions.Labels.oneHot} turns labels into rows.
 *
 * <p><b>中文：</b>练习 seed 000 —— 手写的 BP 神经网络的梯度（BP Backward）。
 * seed 中的网络有两个权重矩阵、没有偏置：w1 (D, H) 和 w2 (H, K)。对于批 x (N, D) 以及标签 t (N)
 * 或 one-hot 行 (N, K)，用 seed 中的名字写出的步骤见上文（Δh 一行用到 sigmoid 的导数）。
 * 返回 {"w1": Δw1, "w2": Δw2}，各自与参数的形状相同，参数保持不变。
 * 除以批的大小，正是 seed 所警告的、防止大批量时数值爆炸成 NaN 的办法；
 * 测试检查把一个样本重复多次组成的批得到的梯度等于该样本的梯度。用 NDArray 的运算写出上面的步骤（{@code matmul}、
 * {@code tdot} = aᵀ·b、{@code dott} = a·bᵀ、{@code mul}、{@code rsub}）；
 * {@code dlfs.functions.Activations} 里有 sigmoid 和 softmax，{@code dlfs.functions.Labels.oneHot}
 * 把标签转换成行。
 */
public final class SigmoidHiddenBackprop {
    private SigmoidHiddenBackprop() {
    }

    public static Map<String, NDArray> gradient(Map<String, NDArray> params, NDArray x, NDArray t) {
        throw new UnsupportedOperationException("seed 000 SigmoidHiddenBackprop.gradient: see this class's Javadoc and seed 000's notes (BP神经网络, BP Backward)"
                + "; %hint seeds.SigmoidHiddenBackprop gives hints");
    }
}
