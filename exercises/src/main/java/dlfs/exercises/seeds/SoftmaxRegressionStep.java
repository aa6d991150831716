package dlfs.exercises.seeds;

import dlfs.nd.NDArray;

/**
 * Exercise seed 003 — one mini-batch step of softmax regression ("softmax回归的一步"), written by hand
 * ("神经网络基本概念": forward_pass, compute_loss_and_gradients, update_parameters).
 *
 * <p>The seed keeps the weights as (classes, inputs), {@code W = np.random.rand(num_classes, input_size) * 0.01},
 * and the bias as a column, {@code b = np.zeros((num_classes, 1))}; keep that layout. With x (N, D),
 * W (K, D), b (K, 1) and class labels t (N) in 0..K−1:
 * <pre>
 *   z    = x·Wᵀ + bᵀ                              (N, K)   forward_pass
 *   P    = softmax(z) row by row, clipped to [1e-10, 1]
 *   Y    = one-hot rows of t                      (N, K)   np.eye(num_classes)[labels]
 *   loss = −Σ Y·log(P) / N
 *   dW   = (P − Y)ᵀ·x / N                         (K, D)   gradW = dL_dz.T · inputs / N
 *   db   = Σ over the rows of (P − Y), / N        (K, 1)   gradB
 *   W ← W − lr·dW,  b ← b − lr·db                 in place (update_parameters)
 * </pre>
 * Return the loss <em>before</em> the update. Bad input must be refused before anything changes:
 * x that is not (N, D) for W's D throws a {@code dlfs.nd.ShapeException} naming x's and W's shapes
 * (as {@code (8, 6)} and {@code (4, 5)}); a label outside 0..K−1 throws an
 * {@code IllegalArgumentException} naming the label ({@code dlfs.functions.Labels.oneHot} does that
 * check). You may use {@code dlfs.functions.Activations.softmax} and NDArray's {@code dott} (a·bᵀ),
 * {@code tdot} (aᵀ·b), {@code sum(axis)} and {@code axpyi}.
 *
 * <p><b>中文：</b>练习 seed 003 —— 手写 softmax 回归的一个 mini-batch 步骤（“神经网络基本概念”：
 * forward_pass、compute_loss_and_gradients、update_parameters）。seed 把权重保存为 (类别数, 输入数)，
 * {@code W = np.random.rand(num_classes, input_size) * 0.01}，偏置保存为一列，
 * {@code b = np.zeros((num_classes, 1))}；请保持这种布局。x 为 (N, D)，
 * W 为 (K, D)，b 为 (K, 1)，类别标签 t 为 (N)，取值在 0..K−1 之间；步骤见上文。
 *
 * <p>返回更新<em>之前</em>的损失。错误的输入必须在任何改动之前就拒绝：
 * x 不是与 W 的 D 相符的 (N, D) 时，抛出 {@code dlfs.nd.ShapeException}，
 * 消息中写出 x 和 W 的形状（如 {@code (8, 6)} 和 {@code (4, 5)}）；
 * 标签超出 0..K−1 时，抛出 {@code IllegalArgumentException}，消息中写出该标签（{@code dlfs.functions.Labels.oneHot}
 * 会做这个检查）。可以使用 {@code dlfs.functions.Activations.softmax} 以及 NDArray 的 {@code dott}（a·bᵀ）、
 * {@code tdot}（aᵀ·b）、{@code sum(axis)} 和 {@code axpyi}。
 */
public final class SoftmaxRegressionStep {
    private SoftmaxRegressionStep() {
    }

    public static double step(NDArray W, NDArray b, NDArray x, NDArray t, double lr) {
        throw new UnsupportedOperationException("seed 003 SoftmaxRegressionStep.step: see this class's Javadoc and seed 003's notes (softmax regression by hand)"
                + "; %hint seeds.SoftmaxRegressionStep gives hints");
    }
}
