package dlfs.exercises.ch5;

import dlfs.layers.LossLayer;
import dlfs.nd.NDArray;

/**
 * Exercise ch5 — the Softmax-with-Loss layer ("Softmax-with-Loss层").
 * <pre>
 *   forward:  y = softmax(x) (row by row),  L = −(1/N) Σ_n log(y[n, t_n] + 1e-7)
 *   backward: ∂L/∂x = dout · (y − t) / N      (t one-hot)
 * </pre>
 * x is (N, K) scores; t is one-hot (N, K) or class labels (N). Returns the loss (a number);
 * backward returns (N, K). Use the library for softmax and cross-entropy
 * ({@code dlfs.functions.Activations.softmax}, {@code dlfs.functions.Losses.crossEntropyError});
 * the point of this exercise is the backward pass. {@link #output()} is y of the last forward.
 * Large scores (1000 and more) must give a finite loss and gradient.
 *
 * <p><b>中文：</b>练习 ch5 —— Softmax-with-Loss 层，公式见上文。x 是 (N, K) 的得分；
 * t 是 one-hot 的 (N, K) 或类别标签 (N)。forward 返回损失（一个数）；
 * backward 返回 (N, K)。softmax 和交叉熵误差请使用库中的实现（{@code dlfs.functions.Activations.softmax}、
 * {@code dlfs.functions.Losses.crossEntropyError}）：本练习的重点是反向传播。
 * {@link #output()} 是最近一次 forward 的 y。得分很大（1000 及以上）
 * 时，损失和梯度也必须是有限值。
 */
public final class SoftmaxLossLayer implements LossLayer {
    @Override
    public double forward(NDArray x, NDArray t) {
        throw new UnsupportedOperationException("ch5 SoftmaxLossLayer.forward: see this class's Javadoc and the book's section 5.6.3 (Softmax-with-Loss层)"
                + "; %hint ch5.SoftmaxLossLayer gives hints");
    }

    @Override
    public NDArray backward(double dout) {
        throw new UnsupportedOperationException("ch5 SoftmaxLossLayer.backward: see this class's Javadoc and the book's section 5.6.3 (Softmax-with-Loss层)"
                + "; %hint ch5.SoftmaxLossLayer gives hints");
    }

    @Override
    public NDArray output() {
        throw new UnsupportedOperationException("ch5 SoftmaxLossLayer.output: see this class's Javadoc and the book's section 5.6.3 (Softmax-with-Loss层)"
                + "; %hint ch5.SoftmaxLossLayer gives hints");
    }
}
