package dlfs.exercises.ch6;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/**
 * Exercise ch6 — Dropout ("Dropout"), in the book's form (not "inverted" dropout).
 * <pre>
 *   training:  mask = (U(0, 1) &gt; ratio),  y = x ⊙ mask        backward: dx = dout ⊙ mask
 *   inference: y = x · (1 − ratio)
 * </pre>
 * In training, draw a fresh mask on every forward from the layer's {@link Rng} (uniform numbers
 * in [0, 1): keep a neuron where its number is greater than ratio, drop it elsewhere), and
 * remember it for backward. How you draw it is up to you; the tests check that about a
 * fraction ratio is dropped, that kept values pass unchanged and that backward uses the same
 * mask. Any shape: (N, D) in, (N, D) out. {@link #forward(NDArray)} is the
 * training mode.
 *
 * <p><b>中文：</b>练习 ch6 —— Dropout，采用书中的形式（不是 “inverted”
 * dropout），公式见上文：训练时 y = x ⊙ mask，推理时 y = x · (1 − ratio)。
 * 训练时，每次 forward 都要用该层的 {@link Rng} 重新生成 mask（[0, 1) 上均匀分布的随机数：
 * 随机数大于 ratio 的神经元保留，其余的删除），并为 backward 记住它。
 * 怎样生成由你决定；测试检查的是被删除的比例约为 ratio、保留的值原样通过，
 * 以及 backward 使用同一个 mask。任意形状都可以：输入 (N, D)，输出 (N, D)。
 * {@link #forward(NDArray)} 是训练模式。
 */
public final class DropoutLayer implements Layer {
    private final double ratio;
    private final Rng rng;

    public DropoutLayer(double ratio, Rng rng) {
        this.ratio = ratio;
        this.rng = rng;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    @Override
    public NDArray forward(NDArray x, boolean train) {
        throw new UnsupportedOperationException("ch6 DropoutLayer.forward: see this class's Javadoc and the book's section 6.4.3 (Dropout)"
                + "; %hint ch6.DropoutLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch6 DropoutLayer.backward: see this class's Javadoc and the book's section 6.4.3 (Dropout)"
                + "; %hint ch6.DropoutLayer gives hints");
    }
}
