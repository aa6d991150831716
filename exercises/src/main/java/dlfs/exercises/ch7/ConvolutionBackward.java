package dlfs.exercises.ch7;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise ch7 — the backward pass of the convolution layer ("卷积层的实现", backward), by im2col.
 * <pre>
 *   forward (as in {@link ConvolutionForward}):  x (N, C, H, W), W (FN, C, FH, FW), b (FN) → y (N, FN, OH, OW)
 *     col = im2col(x) (N·OH·OW, C·FH·FW),  Wcol = W as (FN, C·FH·FW),  y = (col · Wcolᵀ + b) read as (N, OH, OW, FN), axes to (N, FN, OH, OW)
 *   backward, dout (N, FN, OH, OW):
 *     D    = dout with its axes ordered (N, OH, OW, FN), as an (N·OH·OW, FN) matrix
 *     ∂L/∂b = Σ over the rows of D                            (FN)
 *     ∂L/∂W = Dᵀ · col, read as (FN, C, FH, FW)                (FN, C·FH·FW)
 *     dcol  = D · Wcol                                          (N·OH·OW, C·FH·FW)
 *     ∂L/∂x = col2im(dcol, x's shape, FH, FW, S, P)             (N, C, H, W)
 * </pre>
 * forward keeps what backward needs (x's shape and col); backward returns ∂L/∂x and stores ∂L/∂W
 * and ∂L/∂b, which {@link #grads()} returns by the names "W" and "b" (shapes of W and b). Use the
 * library's {@link dlfs.layers.Im2Col} ({@code im2col} and {@code col2im}; your own are graded in
 * other exercises). W and b are the live arrays you are given: do not copy or change them. A dout
 * whose shape is not forward's output shape is an IllegalArgumentException.
 *
 * <p><b>中文：</b>练习 ch7 —— 卷积层的反向传播（7.4.3 卷积层的实现，
 * backward），基于 im2col；正向传播和反向传播的公式及形状见上文。forward 保存 backward 需要的东西（x
 * 的形状和 col）；backward 返回 ∂L/∂x，并保存 ∂L/∂W 和 ∂L/∂b，由 {@link #grads()} 以名字 "W"
 * 和 "b" 返回（形状与 W、b 相同）。请使用库中的 {@link dlfs.layers.Im2Col}（{@code im2col} 和
 * {@code col2im}；你自己写的版本在其他练习中评分）。W 和 b 是传给你的、
 * 正在使用的数组：不要复制或修改。dout 的形状不是 forward 的输出形状时，
 * 抛出 IllegalArgumentException。
 */
public final class ConvolutionBackward implements Layer {
    private final NDArray W, b;
    private final int stride, pad;

    public ConvolutionBackward(NDArray W, NDArray b, int stride, int pad) {
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch7 ConvolutionBackward.forward: see this class's Javadoc and the book's section 7.4.3 (卷积层的实现)"
                + "; %hint ch7.ConvolutionBackward gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch7 ConvolutionBackward.backward: see this class's Javadoc and the book's section 7.4.3 (卷积层的实现)"
                + "; %hint ch7.ConvolutionBackward gives hints");
    }

    @Override
    public Map<String, NDArray> params() {
        return Map.of("W", W, "b", b);
    }

    @Override
    public Map<String, NDArray> grads() {
        throw new UnsupportedOperationException("ch7 ConvolutionBackward.grads: see this class's Javadoc and the book's section 7.4.3 (卷积层的实现)"
                + "; %hint ch7.ConvolutionBackward gives hints");
    }
}
