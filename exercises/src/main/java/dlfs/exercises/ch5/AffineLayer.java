package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise ch5 — the Affine (fully connected) layer ("Affine层").
 * <pre>
 *   forward:  y = x · W + b                         x (N, D), W (D, M), b (M)  →  y (N, M)
 *   backward: ∂L/∂x = dout · Wᵀ                     (N, M)·(M, D) → (N, D)
 *             ∂L/∂W = xᵀ · dout                     (D, N)·(N, M) → (D, M)
 *             ∂L/∂b = Σ over the batch of dout      (M)
 * </pre>
 * b is added to every row, so its gradient sums over the rows. An input of more dimensions, such
 * as (N, C, H, W), is first flattened to (N, C·H·W); backward then returns dx in the input's
 * original shape. A one-sample batch (1, D) is an ordinary batch. W and b are the live arrays you
 * are given (an optimizer updates them in place): do not copy them. {@link #grads()} returns the
 * gradients of the last backward by the names "W" and "b". Hint: {@code NDArray.tdot} computes
 * aᵀ·b and {@code dott} computes a·bᵀ without transposing.
 *
 * <p><b>中文：</b>练习 ch5 —— Affine 层（全连接层），正向传播、反向传播的公式和形状见上文。
 * b 会加到每一行上，所以它的梯度要对各行求和。维数更多的输入，例如 (N, C, H, W)，
 * 要先展平为 (N, C·H·W)；backward 返回的 dx 则恢复为输入原来的形状。
 * 只有一个样本的批 (1, D) 也是普通的批。W 和 b 是传给你的、正在使用的数组（优化器会原地更新它们）：
 * 不要复制。{@link #grads()} 以名字 "W" 和 "b" 返回最近一次 backward 的梯度。
 * 提示：{@code NDArray.tdot} 计算 aᵀ·b，{@code dott} 计算 a·bᵀ，都不需要先转置。
 */
public final class AffineLayer implements Layer {
    private final NDArray W, b;

    public AffineLayer(NDArray W, NDArray b) {
        this.W = W;
        this.b = b;
    }

    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch5 AffineLayer.forward: see this class's Javadoc and the book's sections 5.6.1 (Affine层) and 5.6.2 (批版本的Affine层)"
                + "; %hint ch5.AffineLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch5 AffineLayer.backward: see this class's Javadoc and the book's sections 5.6.1 (Affine层) and 5.6.2 (批版本的Affine层)"
                + "; %hint ch5.AffineLayer gives hints");
    }

    @Override
    public Map<String, NDArray> params() {
        return Map.of("W", W, "b", b);
    }

    @Override
    public Map<String, NDArray> grads() {
        throw new UnsupportedOperationException("ch5 AffineLayer.grads: see this class's Javadoc and the book's sections 5.6.1 (Affine层) and 5.6.2 (批版本的Affine层)"
                + "; %hint ch5.AffineLayer gives hints");
    }
}
