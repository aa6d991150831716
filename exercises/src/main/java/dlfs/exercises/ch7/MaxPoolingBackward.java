package dlfs.exercises.ch7;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/**
 * Exercise ch7 — the backward pass of max pooling ("池化层的实现", backward).
 * <pre>
 *   forward (as in {@link MaxPoolingForward}):  x (N, C, H, W), window PH×PW, stride S, padding P → y (N, C, OH, OW)
 *     y[n, c, i, j] = x[n, c, r, s], (r, s) = the position of the maximum of window (i, j)
 *   backward, dout (N, C, OH, OW) → dx (N, C, H, W), starting from zeros:
 *     dx[n, c, r, s] += dout[n, c, i, j]     for every window (i, j) and its maximum (r, s)
 * </pre>
 * The maximum is the only input that changed the output, so it alone gets the window's gradient;
 * every other input gets 0 (the book's {@code arg_max}). Where windows overlap (stride smaller than
 * the window), one input can be the maximum of several windows: their gradients add up. Positions
 * in the padding never win (as if padded with −∞). Tie rule: when several positions of a window
 * hold the same maximum, the first in row-major order (top row first, left to right) wins, as
 * NumPy's {@code argmax}; the tests use inputs without ties. forward remembers what backward
 * needs; a dout whose shape is not forward's output shape is an IllegalArgumentException. You may
 * use the library's {@code Im2Col} (im2col/col2im), as the book does, or loop directly.
 *
 * <p><b>中文：</b>练习 ch7 —— Max 池化的反向传播（7.4.4 池化层的实现，
 * backward），公式见上文。最大值是唯一影响了输出的输入，所以只有它得到该窗口的梯度，
 * 其他输入都得到 0（书中的 {@code arg_max}）。窗口重叠时（步幅小于窗口），
 * 一个输入可能是多个窗口的最大值：这些梯度要加起来。填充的位置永远不会成为最大值（相当于用 −∞
 * 填充）。平局规则：一个窗口中有多个位置同为最大值时，按行优先顺序（先上面的行，
 * 每行从左到右）第一个位置胜出，与 NumPy 的 {@code argmax} 相同；测试用的输入没有平局。
 * forward 记住 backward 需要的东西；dout 的形状不是 forward 的输出形状时，
 * 抛出 IllegalArgumentException。可以像书中那样使用库中的 {@code Im2Col}（im2col/col2im），
 * 也可以直接写循环。
 */
public final class MaxPoolingBackward implements Layer {
    private final int poolH, poolW, stride, pad;

    public MaxPoolingBackward(int poolH, int poolW, int stride, int pad) {
        this.poolH = poolH;
        this.poolW = poolW;
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch7 MaxPoolingBackward.forward: see this class's Javadoc and the book's section 7.4.4 (池化层的实现)"
                + "; %hint ch7.MaxPoolingBackward gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch7 MaxPoolingBackward.backward: see this class's Javadoc and the book's section 7.4.4 (池化层的实现)"
                + "; %hint ch7.MaxPoolingBackward gives hints");
    }
}
