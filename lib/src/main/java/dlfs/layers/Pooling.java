package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.Parallel;
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
 * unfolds with im2col and takes a row-wise max; this class finds each window's maximum in place,
 * remembers its flat index, and reads the output through those indices (in the input's dtype,
 * float64 or float32, as is dx). Padding positions (P &gt; 0) never win the max
 * (the book pads with 0, which can win where all inputs are negative; PyTorch pads with −∞ as here).
 * A large batch's planes are split over the cores ({@link Parallel}): no window crosses a plane.
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
        int planes = s[0] * s[1], h = s[2], w = s[3], oh = outShape[2], ow = outShape[3];
        int size = planes * oh * ow;
        if (argMax == null || argMax.length != size) argMax = new int[size]; // every entry is written below
        xShape = s;
        NDArray out = NDArray.zeros(x.dtype(), outShape);
        float[] in32 = x.isFloat32() ? x.floatData() : null, out32 = in32 != null ? out.floatData() : null;
        double[] in64 = in32 == null ? x.data() : null, out64 = in32 == null ? out.data() : null;
        long work = (long) planes * h * w; // planes split over the cores: no window crosses one
        if (ph == 2 && pw == 2 && pad == 0) { // the book's window, never clipped
            Parallel.forRange(planes, work, (p0, p1) -> {
                if (in32 != null) pool2x2(in32, out32, p0, p1, h, w, oh, ow);
                else pool2x2(in64, out64, p0, p1, h, w, oh, ow);
            });
            return out;
        }
        // each window clipped to the image once (padding never wins): its first pixel, its rows and columns
        int[] first = new int[oh * ow], rows = new int[oh * ow], cols = new int[oh * ow];
        for (int i = 0, k = 0; i < oh; i++) {
            int y0 = Math.max(0, i * stride - pad), y1 = Math.min(h, i * stride - pad + ph);
            for (int j = 0; j < ow; j++, k++) {
                int x0 = Math.max(0, j * stride - pad), x1 = Math.min(w, j * stride - pad + pw);
                first[k] = y0 * w + x0;
                rows[k] = y1 - y0;
                cols[k] = x1 - x0;
            }
        }
        int[] arg = argMax;
        Parallel.forRange(planes, work, (p0, p1) -> {
            for (int plane = p0, o = p0 * first.length; plane < p1; plane++)
                for (int k = 0; k < first.length; k++, o++) {
                    int at = plane * h * w + first[k];
                    if (in32 != null) out32[o] = in32[arg[o] = argMax(in32, at, rows[k], cols[k], w)];
                    else out64[o] = in64[arg[o] = argMax(in64, at, rows[k], cols[k], w)];
                }
        });
        return out;
    }

    /**
     * The 2×2 windows a b / c d at the stride: each window's maximum ({@code Math.max}, which
     * passes a NaN on), then the first of a, b, c, d equal to it (−0 equals +0, as in
     * {@link #argMax}'s scan), picked without a branch per value (after a ReLU, half the values are
     * 0 and the winner's place is a coin toss). A window holding a NaN goes to {@link #argMax}.
     * The same indices as {@link #argMax}, in a third of its time.
     */
    private void pool2x2(double[] in, double[] out, int p0, int p1, int h, int w, int oh, int ow) {
        for (int plane = p0, o = p0 * oh * ow; plane < p1; plane++)
            for (int i = 0; i < oh; i++)
                for (int j = 0, row = plane * h * w + i * stride * w; j < ow; j++, o++) {
                    int first = row + j * stride;
                    double a = in[first], b = in[first + 1], c = in[first + w], d = in[first + w + 1];
                    double m = Math.max(Math.max(a, b), Math.max(c, d));
                    int off = c == m ? w : w + 1;
                    off = b == m ? 1 : off;
                    off = a == m ? 0 : off;
                    if (m != m) off = argMax(in, first, 2, 2, w) - first;
                    out[o] = in[argMax[o] = first + off];
                }
    }

    private void pool2x2(float[] in, float[] out, int p0, int p1, int h, int w, int oh, int ow) {
        for (int plane = p0, o = p0 * oh * ow; plane < p1; plane++)
            for (int i = 0; i < oh; i++)
                for (int j = 0, row = plane * h * w + i * stride * w; j < ow; j++, o++) {
                    int first = row + j * stride;
                    float a = in[first], b = in[first + 1], c = in[first + w], d = in[first + w + 1];
                    float m = Math.max(Math.max(a, b), Math.max(c, d));
                    int off = c == m ? w : w + 1;
                    off = b == m ? 1 : off;
                    off = a == m ? 0 : off;
                    if (m != m) off = argMax(in, first, 2, 2, w) - first;
                    out[o] = in[argMax[o] = first + off];
                }
    }

    /**
     * The flat index of the largest value of a window ({@code rows} rows of {@code cols} values
     * from {@code first}, row stride w): the first of equal maxima, and the first NaN if there is
     * one, so a NaN is not hidden ({@code v > best || isNaN(v) && !isNaN(best)}, scanning in order).
     * Decided on integer keys that order as the values do ({@link #key(double)}) and chosen with
     * masks: no branch per value, where the winner's place is a coin toss (the inputs come out of
     * a ReLU, half of them 0). Once per dtype: Java has no generics over {@code double[]} and
     * {@code float[]}.
     */
    private static int argMax(double[] in, int first, int rows, int cols, int w) {
        int at = first;
        long best = key(in[first]);
        for (int row = first; row < first + rows * w; row += w)
            for (int q = row; q < row + cols; q++) {
                long k = key(in[q]), take = below(best, k); // all ones to take q
                at += (q - at) & (int) take;
                best += (k - best) & take;
            }
        return at;
    }

    private static int argMax(float[] in, int first, int rows, int cols, int w) {
        int at = first, best = key(in[first]);
        for (int row = first; row < first + rows * w; row += w)
            for (int q = row; q < row + cols; q++) {
                int k = key(in[q]), take = below(best, k);
                at += (q - at) & take;
                best += (k - best) & take;
            }
        return at;
    }

    /** All ones when a &lt; b, else 0: the sign of a − b with its overflow corrected. */
    private static long below(long a, long b) {
        long d = a - b;
        return (d ^ ((a ^ b) & (d ^ a))) >> 63;
    }

    private static int below(int a, int b) {
        return (int) (((long) a - b) >> 63);
    }

    /**
     * A long that orders as the double does for comparing windows: the sign-magnitude bits turned
     * two's complement, −0 the same as +0, and every NaN (of either sign) above +∞.
     */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v), abs = bits & Long.MAX_VALUE;
        long k = (bits ^ (bits >> 63) & Long.MAX_VALUE) & (-abs >> 63); // ±0 -> 0
        long nan = (0x7ff0000000000000L - abs) >> 63;                  // all ones for a NaN
        return k & ~nan | Long.MAX_VALUE & nan;
    }

    /** {@link #key(double)} of a float, as an int. */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v), abs = bits & Integer.MAX_VALUE;
        int k = (bits ^ (bits >> 31) & Integer.MAX_VALUE) & (-abs >> 31);
        int nan = (0x7f800000 - abs) >> 31;
        return k & ~nan | Integer.MAX_VALUE & nan;
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (argMax == null) throw new IllegalStateException("Pooling.backward called before forward");
        if (!java.util.Arrays.equals(dout.shape(), outShape))
            throw new ShapeException("Pooling.backward: dout " + dout.shapeString() + " does not match the forward output " + ShapeException.fmt(outShape));
        NDArray dx = NDArray.zeros(dout.dtype(), xShape);
        int planes = xShape[0] * xShape[1], per = outShape[2] * outShape[3]; // a plane's windows point into that plane only
        Parallel.forRange(planes, (long) planes * xShape[2] * xShape[3], (p0, p1) -> {
            if (dout.isFloat32()) scatter(dout.floatData(), dx.floatData(), p0 * per, p1 * per);
            else scatter(dout.data(), dx.data(), p0 * per, p1 * per);
        });
        return dx;
    }

    /** dx[argMax[o]] += dout[o] for o in [from, to): += as overlapping windows (stride &lt; size) can share a maximum. */
    private void scatter(double[] dout, double[] dx, int from, int to) {
        for (int o = from; o < to; o++) dx[argMax[o]] += dout[o];
    }

    private void scatter(float[] dout, float[] dx, int from, int to) {
        for (int o = from; o < to; o++) dx[argMax[o]] += dout[o];
    }

    @Override
    public String toString() {
        return "Pooling(" + ph + "x" + pw + ", stride=" + stride + ", pad=" + pad + ")";
    }
}
