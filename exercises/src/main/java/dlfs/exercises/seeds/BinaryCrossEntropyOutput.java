package dlfs.exercises.seeds;

import dlfs.layers.LossLayer;
import dlfs.nd.NDArray;

/**
 * Exercise seed 002 — the output of the "hidden 1024 + momentum" net ("sigmoid输出与二元交叉熵"): ten independent sigmoids
 * with binary cross-entropy, not a softmax ({@code probability = (hidden_act @ hidden_to_output +
 * output_bias).sigmoid()}), and the seed's weight initialisation beside He's.
 * <pre>
 *   forward:  y = sigmoid(a)                                     a, y (N, K)
 *             L = −Σ_{n,k} [t·log(y + δ) + (1 − t)·log(1 − y + δ)] / N,   δ = 1e-7
 *             (summed over the K outputs, averaged over the batch, as dlfs.functions.Losses does)
 *   backward: ∂L/∂a = dout · (y − t) / N
 * </pre>
 * The backward is that simple because the sigmoid's derivative y(1 − y) cancels against the
 * loss's ∂L/∂y = (y − t) / (y(1 − y)) / N. t is one-hot (N, K) or class labels (N)
 * ({@code dlfs.functions.Labels.oneHot} turns labels into rows). The δ keeps log(0) away: a = −1000
 * with t = 1 gives y = 0 and must still give a finite loss. Write the loss yourself; you may use
 * {@code dlfs.functions.Activations.sigmoid}. {@link #output()} is y of the last forward.
 *
 * <p>Initialisation: seed 002 says "Kaiming init with fan_in + fan_out", σ = √(2/(fan_in + fan_out))
 * (which is really Glorot/Xavier's normal scale); He's init for ReLU in the book is σ = √(2/fan_in).
 *
 * <p><b>中文：</b>练习 seed 002 —— “hidden 1024 + momentum” 网络的输出层：
 * 十个相互独立的 sigmoid 配合二元交叉熵误差，而不是 softmax（seed 中的 {@code probability = (hidden_act @ hidden_to_output + output_bias).sigmoid()}），
 * 以及 seed 的权重初始值与 He 初始值的比较。公式见上文（对 K 个输出求和，
 * 对批求平均，与 dlfs.functions.Losses 的做法相同）。反向传播这么简单，
 * 是因为 sigmoid 的导数 y(1 − y) 与损失的 ∂L/∂y = (y − t) / (y(1 − y)) / N 相互抵消了。
 * t 是 one-hot 的 (N, K) 或类别标签 (N)（{@code dlfs.functions.Labels.oneHot} 把标签转换成行）。
 * δ 避免了 log(0)：a = −1000、t = 1 时 y = 0，损失仍然必须是有限值。
 * 损失要自己写；可以使用 {@code dlfs.functions.Activations.sigmoid}。
 * {@link #output()} 是最近一次 forward 的 y。
 *
 * <p>权重的初始值：seed 002 写的是 “Kaiming init with fan_in + fan_out”，
 * 即 σ = √(2/(fan_in + fan_out))（实际上是 Glorot/Xavier 的正态分布尺度）；
 * 书中用于 ReLU 的 He 初始值是 σ = √(2/fan_in)。
 */
public final class BinaryCrossEntropyOutput implements LossLayer {
    @Override
    public double forward(NDArray a, NDArray t) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.forward: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    @Override
    public NDArray backward(double dout) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.backward: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    @Override
    public NDArray output() {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.output: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    /** Seed 002's weight standard deviation √(2/(fanIn + fanOut)). */
    public static double kaimingFanSumStd(int fanIn, int fanOut) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.kaimingFanSumStd: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    /** He's weight standard deviation √(2/fanIn) (ch6). */
    public static double heStd(int fanIn) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.heStd: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }
}
