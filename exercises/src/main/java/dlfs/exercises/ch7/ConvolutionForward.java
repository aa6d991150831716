package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/**
 * Exercise ch7 — the forward pass of the convolution layer ("卷积层的实现").
 * <pre>
 *   x (N, C, H, W), W (FN, C, FH, FW), b (FN)  →  y (N, FN, OH, OW)
 *   OH = (H + 2P − FH)/S + 1,   OW = (W + 2P − FW)/S + 1
 *   col = im2col(x)                  (N·OH·OW, C·FH·FW)
 *   out = col · W.reshape(FN, −1)ᵀ + b   (N·OH·OW, FN)
 *   y   = out.reshape(N, OH, OW, FN).transpose(0, 3, 1, 2)
 * </pre>
 * Use the library's {@code dlfs.layers.Im2Col.im2col(x, FH, FW, S, P)} (your own is graded in
 * another exercise). An input whose channel count differs from W's C is an error: throw
 * IllegalArgumentException naming both shapes.
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
        throw new UnsupportedOperationException("ch7 ConvolutionForward.forward: col = Im2Col.im2col(x, FH, FW, stride, pad); "
                + "out = col.dott(W.reshape(FN, -1)).add(b); return out.reshape(N, OH, OW, FN).transpose(0, 3, 1, 2)");
    }
}
