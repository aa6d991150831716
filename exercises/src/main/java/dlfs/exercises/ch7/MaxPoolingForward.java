package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/**
 * Exercise ch7 — the forward pass of max pooling ("池化层的实现").
 * <pre>
 *   x (N, C, H, W), window PH×PW, stride S, padding P  →  y (N, C, OH, OW)
 *   OH = (H + 2P − PH)/S + 1,   OW = (W + 2P − PW)/S + 1
 *   y[n, c, i, j] = max over u &lt; PH, v &lt; PW of x[n, c, i·S + u − P, j·S + v − P]
 * </pre>
 * Each channel is pooled on its own (the channel count does not change). Positions that fall in
 * the padding are not candidates for the maximum (as if padded with −∞). Typical use: a 2×2
 * window with stride 2 halves H and W. You may use the library's {@code Im2Col} and a row-wise
 * max, as the book does, or loop directly.
 *
 * <p><b>中文：</b>练习 ch7 —— Max 池化的正向传播（7.4.4 池化层的实现），
 * 公式见上文。每个通道单独池化（通道数不变）。落在填充区域的位置不参与最大值的比较（相当于用
 * −∞ 填充）。典型用法：2×2 的窗口、步幅 2，使 H 和 W 各减半。可以像书中那样使用库中的 {@code Im2Col}
 * 再按行取最大值，也可以直接写循环。
 */
public final class MaxPoolingForward {
    private final int poolH, poolW, stride, pad;

    public MaxPoolingForward(int poolH, int poolW, int stride, int pad) {
        this.poolH = poolH;
        this.poolW = poolW;
        this.stride = stride;
        this.pad = pad;
    }

    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch7 MaxPoolingForward.forward: see this class's Javadoc and the book's section 7.4.4 (池化层的实现)"
                + "; %hint ch7.MaxPoolingForward gives hints");
    }
}
