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
