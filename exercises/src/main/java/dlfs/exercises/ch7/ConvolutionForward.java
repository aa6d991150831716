package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/**
 * Exercise ch7 — the forward pass of the convolution layer ("卷积层的实现").
 * <pre>
 *   x (N, C, H, W), W (FN, C, FH, FW), b (FN)  →  y (N, FN, OH, OW)
 *   OH = (H + 2P − FH)/S + 1,   OW = (W + 2P − FW)/S + 1
 *   col = im2col(x)                  (N·OH·OW, C·FH·FW)
 *   out = col · Wcolᵀ + b            (N·OH·OW, FN), Wcol = W as an (FN, C·FH·FW) matrix
 *   y   = out read as (N, OH, OW, FN), axes ordered as (N, FN, OH, OW)
 * </pre>
 * Use the library's im2col, {@link dlfs.layers.Im2Col} (your own is graded in another exercise). An input whose channel count differs from W's C is an error: throw
 * IllegalArgumentException naming both shapes.
 *
 * <p><b>中文：</b>练习 ch7 —— 卷积层的正向传播（7.4.3 卷积层的实现），
 * 公式和形状见上文：用 im2col 展开输入，与展开为 (FN, C·FH·FW) 矩阵的滤波器做矩阵乘积并加上偏置，
 * 再把结果读作 (N, OH, OW, FN)，把轴的顺序换成 (N, FN, OH, OW)。请使用库中的 im2col，
 * 即 {@link dlfs.layers.Im2Col}（你自己写的版本在另一个练习中评分）。
 * 输入的通道数与 W 的 C 不同时是错误：抛出 IllegalArgumentException，
 * 消息中写出两个形状。
 */
public final class ConvolutionForward {
    private final NDArray W, b;
    private final int stride, pad;

    public ConvolutionForward(NDArray W, NDArray b, int stride, int pad) {
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
    }

    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch7 ConvolutionForward.forward: see this class's Javadoc and the book's section 7.4.3 (卷积层的实现)"
                + "; %hint ch7.ConvolutionForward gives hints");
    }
}
