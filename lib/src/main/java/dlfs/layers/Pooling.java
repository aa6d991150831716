package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/**
 * Max pooling layer (ch7, "池化层"): each output is the largest value of its PH×PW window, per
 * channel, with stride S (usually equal to the window, as the seed notes):
 * <pre>
 *   out[n, c, i, j] = max_{u &lt; PH, v &lt; PW} x[n, c, i·S + u, j·S + v]
 *   OH = (H + 2P − PH)/S + 1
 * </pre>
 * It has no parameters and keeps the number of channels. Backward routes each gradient to the
 * position that was the maximum (the book's {@code arg_max}) and gives 0 elsewhere. The book
 * unfolds with im2col and takes a row-wise max; this class does the same in one direct pass
 * and remembers the flat index of each maximum. Padding positions (P &gt; 0) never win the max
 * (the book pads with 0, which can win where all inputs are negative; PyTorch pads with −∞ as here).
 */
public final class Pooling implements Layer {
    private final int ph, pw, stride, pad;
    private int[] xShape;
    private int[] argMax;
    private int[] outShape;

    public Pooling(int poolH, int poolW, int stride, int pad) {
        if (poolH < 1 || poolW < 1) throw new IllegalArgumentException("Pooling: window must be at least 1x1, got " + poolH + "x" + poolW);
        if (stride < 1) throw new IllegalArgumentException("Pooling: stride must be >= 1, got " + stride);
        if (pad < 0 || pad >= Math.min(poolH, poolW))
            throw new IllegalArgumentException("Pooling: pad must be in [0, window size), got " + pad);
        this.ph = poolH;
        this.pw = poolW;
        this.stride = stride;
        this.pad = pad;
    }

    public Pooling(int poolH, int poolW, int stride) {
        this(poolH, poolW, stride, 0);
    }

    /** The usual square window with stride equal to its size (2 gives the book's 2×2, stride 2). */
    public Pooling(int size) {
        this(size, size, size, 0);
    }

    public int[] outputShape(int... s) {
        if (s.length != 4) throw new ShapeException("Pooling: input must be 4-D (N, C, H, W), got " + ShapeException.fmt(s));
        return new int[]{s[0], s[1], Im2Col.outSize("Pooling height", s[2], ph, stride, pad),
                Im2Col.outSize("Pooling width", s[3], pw, stride, pad)};
    }

    @Override
    public NDArray forward(NDArray x) {
        int[] s = x.shape();
        outShape = outputShape(s);
        int n = s[0], c = s[1], h = s[2], w = s[3], oh = outShape[2], ow = outShape[3];
        int size = n * c * oh * ow;
        if (argMax == null || argMax.length != size) argMax = new int[size]; // every entry is written below
        xShape = s;
        if (x.isFloat32()) {
            float[] in = x.floatData(), out = new float[size];
            if (pad == 0) forwardNoPad(in, out, n * c, h, w, oh, ow);
            else { // rare: the padded windows through float64
                double[] o64 = new double[size];
                forwardPadded(x.astype(dlfs.nd.Dtype.FLOAT64).data(), o64, n * c, h, w, oh, ow);
                for (int i = 0; i < size; i++) out[i] = (float) o64[i];
            }
            return NDArray.of(out, outShape);
        }
        double[] in = x.data();
        double[] out = new double[size];
        if (pad == 0) forwardNoPad(in, out, n * c, h, w, oh, ow);
        else forwardPadded(in, out, n * c, h, w, oh, ow);
        return NDArray.of(out, outShape);
    }

    /** The common case: every window lies inside the image, so no bounds checks. */
    private void forwardNoPad(double[] in, double[] out, int planes, int h, int w, int oh, int ow) {
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < oh; i++) {
                int top = base + i * stride * w;
                for (int j = 0; j < ow; j++, o++) {
                    int at = top + j * stride;
                    double best = in[at];
                    for (int u = 0; u < ph; u++) {
                        int row = top + u * w + j * stride;
                        for (int v = 0; v < pw; v++) {
                            double val = in[row + v];
                            if (val > best || (val != val && best == best)) { // a NaN wins, so it is not hidden
                                best = val;
                                at = row + v;
                            }
                        }
                    }
                    out[o] = best;
                    argMax[o] = at;
                }
            }
        }
    }

    /** {@link #forwardNoPad} on float32 values. */
    private void forwardNoPad(float[] in, float[] out, int planes, int h, int w, int oh, int ow) {
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < oh; i++) {
                int top = base + i * stride * w;
                for (int j = 0; j < ow; j++, o++) {
                    int at = top + j * stride;
                    float best = in[at];
                    for (int u = 0; u < ph; u++) {
                        int row = top + u * w + j * stride;
                        for (int v = 0; v < pw; v++) {
                            float val = in[row + v];
                            if (val > best || (val != val && best == best)) {
                                best = val;
                                at = row + v;
                            }
                        }
                    }
                    out[o] = best;
                    argMax[o] = at;
                }
            }
        }
    }

    private void forwardPadded(double[] in, double[] out, int planes, int h, int w, int oh, int ow) {
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, o++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int u = 0; u < ph; u++) {
                        int y = i * stride + u - pad;
                        if (y < 0 || y >= h) continue;
                        for (int v = 0; v < pw; v++) {
                            int xx = j * stride + v - pad;
                            if (xx < 0 || xx >= w) continue;
                            int idx = base + y * w + xx;
                            double val = in[idx];
                            if (at < 0 || val > best || (val != val && best == best)) {
                                best = val;
                                at = idx;
                            }
                        }
                    }
                    out[o] = best;
                    argMax[o] = at;
                }
            }
        }
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (argMax == null) throw new IllegalStateException("Pooling.backward called before forward");
        if (!java.util.Arrays.equals(dout.shape(), outShape))
            throw new ShapeException("Pooling.backward: dout " + dout.shapeString() + " does not match the forward output " + ShapeException.fmt(outShape));
        if (dout.isFloat32()) {
            float[] dx = new float[xShape[0] * xShape[1] * xShape[2] * xShape[3]], d = dout.floatData();
            for (int o = 0; o < d.length; o++) dx[argMax[o]] += d[o];
            return NDArray.of(dx, xShape);
        }
        double[] dx = new double[xShape[0] * xShape[1] * xShape[2] * xShape[3]];
        double[] d = dout.data();
        for (int o = 0; o < d.length; o++) dx[argMax[o]] += d[o];  // += : overlapping windows (stride < size) can share a maximum
        return NDArray.of(dx, xShape);
    }

    @Override
    public String toString() {
        return "Pooling(" + ph + "x" + pw + ", stride=" + stride + ", pad=" + pad + ")";
    }
}
