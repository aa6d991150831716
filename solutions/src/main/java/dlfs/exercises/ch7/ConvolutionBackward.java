package dlfs.exercises.ch7;

import dlfs.layers.Im2Col;
import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Arrays;
import java.util.Map;

/** Solution of exercise ch7 — convolution forward and backward by im2col/col2im. */
public final class ConvolutionBackward implements Layer {
    private final NDArray W, b;
    private final int stride, pad;
    private int[] xShape;
    private NDArray col;
    private int oh, ow;
    private NDArray dW, db;

    public ConvolutionBackward(NDArray W, NDArray b, int stride, int pad) {
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
    }

    @Override
    public NDArray forward(NDArray x) {
        int fn = W.shape(0), fh = W.shape(2), fw = W.shape(3);
        if (x.ndim() != 4 || x.shape(1) != W.shape(1))
            throw new IllegalArgumentException("convolution: x " + x.shapeString() + " does not fit W " + W.shapeString());
        int n = x.shape(0);
        oh = (x.shape(2) + 2 * pad - fh) / stride + 1;
        ow = (x.shape(3) + 2 * pad - fw) / stride + 1;
        col = Im2Col.im2col(x, fh, fw, stride, pad);
        xShape = x.shape();
        NDArray out = col.dott(W.reshape(fn, -1)).add(b);
        return out.reshape(n, oh, ow, fn).transpose(0, 3, 1, 2);
    }

    @Override
    public NDArray backward(NDArray dout) {
        int fn = W.shape(0);
        int[] expected = {xShape[0], fn, oh, ow};
        if (!Arrays.equals(dout.shape(), expected))
            throw new IllegalArgumentException("convolution backward: dout " + dout.shapeString() + " is not the forward output's shape " + Arrays.toString(expected));
        NDArray d = dout.transpose(0, 2, 3, 1).reshape(-1, fn);
        db = d.sum(0);
        dW = d.tdot(col).reshape(W.shape());
        NDArray dcol = d.matmul(W.reshape(fn, -1));
        return Im2Col.col2im(dcol, xShape, W.shape(2), W.shape(3), stride, pad);
    }

    @Override
    public Map<String, NDArray> params() {
        return Map.of("W", W, "b", b);
    }

    @Override
    public Map<String, NDArray> grads() {
        return Map.of("W", dW, "b", db);
    }
}
