package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/**
 * Exercise ch5 — the ReLU layer ("ReLU层").
 * <pre>
 *   forward:  y = x if x &gt; 0, else 0
 *   backward: ∂L/∂x = dout where x &gt; 0, else 0
 * </pre>
 * forward remembers where x ≤ 0 (the mask) and backward stops the gradient there. Any shape:
 * (N, D) in gives (N, D) out, and backward's dout and result have that shape too. Do not change
 * x or dout in place: return new arrays.
 *
 * <p><b>中文：</b>练习 ch5 —— ReLU 层，公式见上文。forward 记住 x ≤ 0 的位置（mask），
 * backward 在这些位置让梯度停下来。任意形状都可以：输入 (N, D) 则输出 (N, D)，
 * backward 的 dout 和返回值也是这个形状。不要原地修改 x 或 dout：返回新的数组。
 */
public final class ReluLayer implements Layer {
    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch5 ReluLayer.forward: see this class's Javadoc and the book's section 5.5.1 (ReLU层)"
                + "; %hint ch5.ReluLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch5 ReluLayer.backward: see this class's Javadoc and the book's section 5.5.1 (ReLU层)"
                + "; %hint ch5.ReluLayer gives hints");
    }
}
