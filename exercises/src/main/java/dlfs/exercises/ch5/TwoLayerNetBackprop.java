package dlfs.exercises.ch5;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise ch5 — the gradient of the two-layer network by backpropagation ("误差反向传播法的实现").
 *
 * <p>The network of the book: Affine1 → ReLU → Affine2 → Softmax-with-Loss, parameters W1 (D, H),
 * b1 (H), W2 (H, K), b2 (K); x is (N, D), t one-hot (N, K) or labels (N).
 * <pre>
 *   forward:   a1 = x·W1 + b1,  z1 = relu(a1),  a2 = z1·W2 + b2,  L = CE(softmax(a2), t)
 *   backward:  da2 = (softmax(a2) − t) / N
 *              dW2 = z1ᵀ·da2,  db2 = Σ_rows da2,  dz1 = da2·W2ᵀ
 *              da1 = dz1 where a1 &gt; 0, else 0
 *              dW1 = xᵀ·da1,   db1 = Σ_rows da1
 * </pre>
 * Return the gradients by the parameters' names "W1", "b1", "W2", "b2", each with its parameter's
 * shape, and leave the parameters unchanged. You may use the library's layers
 * ({@code dlfs.layers.Affine}, {@code Relu}, {@code SoftmaxWithLoss}) or write the formulas above
 * with NDArray operations. The tests compare with the numerical gradient (they agree to ~1e-7).
 *
 * <p><b>中文：</b>练习 ch5 —— 用误差反向传播法求两层神经网络的梯度（5.7.2 对应误差反向传播法的神经网络的实现）。
 * 网络与书中相同：Affine1 → ReLU → Affine2 → Softmax-with-Loss，参数为 W1 (D, H)、
 * b1 (H)、W2 (H, K)、b2 (K)；x 是 (N, D)，t 是 one-hot 的 (N, K) 或标签 (N)。
 * 正向传播和反向传播的公式见上文。
 *
 * <p>以参数名 "W1"、"b1"、"W2"、"b2" 返回梯度，每个梯度与对应参数的形状相同，
 * 参数本身保持不变。可以使用库中的层（{@code dlfs.layers.Affine}、
 * {@code Relu}、{@code SoftmaxWithLoss}），也可以用 NDArray 的运算写出上面的公式。
 * 测试会与数值微分求出的梯度比较（梯度确认，两者相差约 1e-7）。
 */
public final class TwoLayerNetBackprop {
    private TwoLayerNetBackprop() {
    }

    public static Map<String, NDArray> gradient(Map<String, NDArray> params, NDArray x, NDArray t) {
        throw new UnsupportedOperationException("ch5 TwoLayerNetBackprop.gradient: see this class's Javadoc and the book's section 5.7.2 (对应误差反向传播法的神经网络的实现)"
                + "; %hint ch5.TwoLayerNetBackprop gives hints");
    }
}
