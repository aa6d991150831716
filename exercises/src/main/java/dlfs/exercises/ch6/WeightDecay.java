package dlfs.exercises.ch6;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise ch6 — weight decay ("权值衰减", 6.4.2): the L2 penalty on the weights, against overfitting.
 * <pre>
 *   loss     = data loss + ½λ Σ_W ‖W‖²        ‖W‖² = Σ_ij W_ij²   (over the weight matrices W1, W2, …)
 *   ∂/∂W:      dW ← dW + λ·W                   (the ½ is there so the derivative is just λW)
 * </pre>
 * λ ≥ 0 sets the strength of the penalty. The parameters come by the book's names: a weight is a
 * parameter whose name starts with "W" ("W1", "W2", …); biases ("b1", …) and Batch Normalization's
 * "gamma"/"beta" are not decayed, as in the book's {@code MultiLayerNet}. {@link #penalty} returns
 * ½λ Σ‖W‖² (the term added to the loss); {@link #addToGradients} adds λ·W to the gradient of every
 * weight in grads (changing those gradient arrays in place) and leaves every other gradient, and
 * every parameter, as it was. params and grads map the same names to arrays of the same shape.
 *
 * <p><b>中文：</b>练习 ch6 —— 权值衰减（6.4.2）：对权重施加 L2 范数的惩罚，
 * 以抑制过拟合，公式见上文（½ 是为了让导数正好是 λW）。λ ≥ 0 决定惩罚的强度。
 * 参数沿用书中的名字：名字以 "W" 开头的参数（"W1"、"W2"……）是权重；
 * 偏置（"b1"……）以及 Batch Normalization 的 "gamma"/"beta" 不做衰减，
 * 与书中的 {@code MultiLayerNet} 相同。{@link #penalty} 返回 ½λ Σ‖W‖²（加到损失上的项）；
 * {@link #addToGradients} 把 λ·W 加到 grads 中每个权重的梯度上（原地修改这些梯度数组），
 * 其他梯度和所有参数都保持原样。params 和 grads 以相同的名字对应形状相同的数组。
 */
public final class WeightDecay {
    private final double lambda;

    public WeightDecay(double lambda) {
        this.lambda = lambda;
    }

    public double penalty(Map<String, NDArray> params) {
        throw new UnsupportedOperationException("ch6 WeightDecay.penalty: see this class's Javadoc and the book's section 6.4.2 (权值衰减)"
                + "; %hint ch6.WeightDecay gives hints");
    }

    public void addToGradients(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 WeightDecay.addToGradients: see this class's Javadoc and the book's section 6.4.2 (权值衰减)"
                + "; %hint ch6.WeightDecay gives hints");
    }
}
