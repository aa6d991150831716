package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/**
 * Exercise ch5 — the Sigmoid layer ("Sigmoid层").
 * <pre>
 *   forward:  y = 1 / (1 + exp(−x))
 *   backward: ∂L/∂x = dout · y · (1 − y)      (only the output y is needed)
 * </pre>
 * forward remembers its output y for backward. Any shape: (N, D) in gives (N, D) out. Do not
 * change x or dout in place.
 *
 * <p><b>中文：</b>练习 ch5 —— Sigmoid 层，公式见上文（反向传播只需要输出 y）。
 * forward 为 backward 记住输出 y。任意形状都可以：输入 (N, D) 则输出 (N, D)。
 * 不要原地修改 x 或 dout。
 */
public final class SigmoidLayer implements Layer {
    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch5 SigmoidLayer.forward: see this class's Javadoc and the book's section 5.5.2 (Sigmoid层)"
                + "; %hint ch5.SigmoidLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch5 SigmoidLayer.backward: see this class's Javadoc and the book's section 5.5.2 (Sigmoid层)"
                + "; %hint ch5.SigmoidLayer gives hints");
    }
}
