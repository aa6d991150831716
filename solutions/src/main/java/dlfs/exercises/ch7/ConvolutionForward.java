package dlfs.exercises.ch7;

import dlfs.layers.Im2Col;
import dlfs.nd.NDArray;

/** Solution of exercise ch7 — convolution forward by im2col and one matrix product. */
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
        int fn = W.shape(0), c = W.shape(1), fh = W.shape(2), fw = W.shape(3);
        int n = x.shape(0), h = x.shape(2), w = x.shape(3);
        if (x.shape(1) != c)
            throw new IllegalArgumentException("convolution: x " + x.shapeString() + " has " + x.shape(1)
                    + " channels but W " + W.shapeString() + " expects " + c);
        int oh = (h + 2 * pad - fh) / stride + 1, ow = (w + 2 * pad - fw) / stride + 1;
        NDArray col = Im2Col.im2col(x, fh, fw, stride, pad);
        NDArray out = col.dott(W.reshape(fn, -1)).add(b);
        return out.reshape(n, oh, ow, fn).transpose(0, 3, 1, 2);
    }
}
