package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Arrays;

/**
 * im2col and col2im (ch7, "im2col函数"; the book's {@code common/util.py}): unfold every window a
 * filter visits into one row of a matrix, so that a whole convolution becomes one matrix product.
 *
 * <p>For input (N, C, H, W), a filter FH×FW, stride S and zero padding P the output is
 * <pre>
 *   OH = (H + 2P − FH)/S + 1        OW = (W + 2P − FW)/S + 1
 * </pre>
 * and {@code im2col} returns a matrix of shape (N·OH·OW, C·FH·FW): row {@code (n·OH + i)·OW + j}
 * holds the window whose top-left corner is at (i·S − P, j·S − P) in image n, its columns ordered
 * channel, then filter row, then filter column (the order of {@code W.reshape(FN, -1)}).
 * The seed insists that the divisions above must be exact: where (H + 2P − FH) is not a multiple
 * of S this class throws instead of silently rounding down as the book's code does.
 *
 * <p>Both directions are single passes over the storage ({@code double[]}, or {@code float[]}
 * for a float32 input, which gives a float32 matrix), without a padded copy of the input: where
 * each window's pixels come from is worked out once per call and shared by every image.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /**
     * One output side: {@code (in + 2·pad − filter)/stride + 1}, checked. {@code what} names the
     * caller and the axis in the error, e.g. {@code "Convolution height"}.
     */
    public static int outSize(String what, int in, int filter, int stride, int pad) {
        if (stride < 1) throw new IllegalArgumentException(what + ": stride must be >= 1, got " + stride);
        if (pad < 0) throw new IllegalArgumentException(what + ": pad must be >= 0, got " + pad);
        if (filter < 1) throw new IllegalArgumentException(what + ": filter size must be >= 1, got " + filter);
        int span = in + 2 * pad - filter;
        if (span < 0)
            throw new ShapeException(what + ": filter " + filter + " is larger than the padded input " + in + " + 2*" + pad + " = " + (in + 2 * pad));
        if (span % stride != 0)
            throw new ShapeException(what + ": (" + in + " + 2*" + pad + " - " + filter + ") = " + span
                    + " is not divisible by stride " + stride + "; the output size (" + span + ")/" + stride
                    + " + 1 would not be a whole number. Change the padding, filter size or stride.");
        return span / stride + 1;
    }

    static int[] check4d(String op, NDArray x) {
        if (x.ndim() != 4)
            throw new ShapeException(op + ": input must be 4-D (N, C, H, W), got " + x.shapeString());
        return x.shape();
    }

    /** Unfolds x (N, C, H, W) into the (N·OH·OW, C·FH·FW) matrix described above. */
    public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad) {
        return im2col(x, fh, fw, stride, pad, null);
    }

    /**
     * As {@link #im2col(NDArray, int, int, int, int)}, writing into the storage of {@code reuse}
     * when it has x's dtype and exactly the right size (a layer's matrix from the previous batch),
     * else into a new array. Every element is written, so stale values cannot leak through.
     */
    public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad, NDArray reuse) {
        Runs runs = Runs.of("im2col", check4d("im2col", x), fh, fw, stride, pad);
        int[] shape = {runs.n * runs.windows, runs.cols};
        NDArray col = reuse != null && reuse.dtype() == x.dtype() && reuse.size() == shape[0] * shape[1]
                ? reuse.reshape(shape) : NDArray.zeros(x.dtype(), shape);
        if (x.isFloat32()) runs.copy(x.floatData(), col.floatData());
        else runs.copy(x.data(), col.data());
        return col;
    }

    /**
     * The inverse direction, used by backward: folds the (N·OH·OW, C·FH·FW) gradient matrix back
     * into an image-shaped gradient (N, C, H, W), of the columns' dtype.
     *
     * <p>Why {@code +=} and not {@code =}: when the stride is smaller than the filter, neighbouring
     * windows overlap, so one input pixel appears in several rows of the column matrix. Its
     * gradient is the sum of the gradients of every copy (the chain rule adds up all the paths from
     * a variable to the loss, as at a branch node in ch5), so each copy's value is added, not
     * written over. Entries that fall in the padding belong to no input pixel and are dropped.
     */
    public static NDArray col2im(NDArray col, int[] inputShape, int fh, int fw, int stride, int pad) {
        if (inputShape.length != 4)
            throw new ShapeException("col2im: input shape must be 4-D (N, C, H, W), got " + ShapeException.fmt(inputShape));
        Runs runs = Runs.of("col2im", inputShape, fh, fw, stride, pad);
        if (col.ndim() != 2 || col.shape(0) != runs.n * runs.windows || col.shape(1) != runs.cols)
            throw new ShapeException("col2im: columns " + col.shapeString() + " do not match input " + ShapeException.fmt(inputShape)
                    + " with filter " + fh + "x" + fw + ", stride " + stride + ", pad " + pad + " (expected "
                    + ShapeException.fmt(runs.n * runs.windows, runs.cols) + ")");
        NDArray img = NDArray.zeros(col.dtype(), inputShape.clone());
        if (col.isFloat32()) runs.add(col.floatData(), img.floatData());
        else runs.add(col.data(), img.data());
        return img;
    }

    /**
     * The transpose of {@link #im2col}'s matrix for the images {@code first .. first + count − 1},
     * (C·FH·FW, count·OH·OW), built directly into {@code col} (x's dtype, at least that many
     * values, row-major): row {@code (c·FH + u)·FW + v} holds, for every output position (n, i, j)
     * in order, the input value {@code x_pad[n, c, i·S + u, j·S + v]}. A filter tap's values for
     * one output row are one run of the input row (contiguous at stride 1), so it is filled by runs
     * of OW; and {@code W.reshape(FN, −1) · colᵀ} comes out as (FN, count·OH·OW), one contiguous
     * run of OH·OW per filter and image: what {@link Convolution} uses, a block of images at a
     * time while the block is still in cache, with no transposing pass.
     */
    static void im2colT(NDArray x, int fh, int fw, int stride, int pad, int first, int count, NDArray col) {
        new Taps(check4d("im2col", x), fh, fw, stride, pad).runs(storage(x), storage(col), false, first, count);
    }

    /**
     * The inverse of {@link #im2colT}, as {@link #col2im} of {@link #im2col}: adds {@code col}
     * (count·OH·OW columns) into the images {@code first .. first + count − 1} of {@code img}, an
     * array of col's dtype; overlapping taps add up.
     */
    static void col2imT(NDArray col, int fh, int fw, int stride, int pad, int first, int count, NDArray img) {
        new Taps(check4d("col2im", img), fh, fw, stride, pad).runs(storage(img), storage(col), true, first, count);
    }

    /** The live storage of a, its double[] or float[]. */
    static Object storage(NDArray a) {
        return a.isFloat32() ? a.floatData() : a.data();
    }

    /** a[from..to) = 0, on a {@code double[]} or a {@code float[]}. */
    private static void zero(Object a, int from, int to) {
        if (a instanceof float[] f) Arrays.fill(f, from, to, 0f);
        else Arrays.fill((double[]) a, from, to, 0.0);
    }

    /** The filter taps of {@link #im2colT}: for each, the output columns j whose input column is inside the image. */
    private static final class Taps {
        final int n, c, h, w, fh, fw, stride, pad, oh, ow;

        Taps(int[] s, int fh, int fw, int stride, int pad) {
            n = s[0];
            c = s[1];
            h = s[2];
            w = s[3];
            this.fh = fh;
            this.fw = fw;
            this.stride = stride;
            this.pad = pad;
            oh = outSize("im2col height", h, fh, stride, pad);
            ow = outSize("im2col width", w, fw, stride, pad);
        }

        /** The first j with j·S + v − P ≥ 0. */
        int lo(int v) {
            return Math.min(ow, Math.max(0, (pad - v + stride - 1) / stride));
        }

        /** One past the last j with j·S + v − P &lt; W. */
        int hi(int v) {
            return Math.min(ow, Math.max(0, (w + pad - v + stride - 1) / stride));
        }

        /**
         * Every run of {@link #im2colT} for the images {@code first .. first + count − 1} (colᵀ
         * has count·OH·OW columns): for each filter tap (row r of colᵀ), image and output row,
         * the OW columns from {@code dst} in colᵀ and the input row they read from {@code src}
         * (+ j·S), of which columns lo..hi lie inside the image. {@code add} false fills colᵀ
         * (zeros where the tap falls in the padding), true adds colᵀ back into img (col2im).
         * {@code img} and {@code col} are both {@code double[]} or both {@code float[]}.
         */
        void runs(Object img, Object col, boolean add, int first, int count) {
            if (first < 0 || count < 0 || first + count > n)
                throw new IllegalArgumentException("im2col: images " + first + ".." + (first + count - 1) + " of a batch of " + n);
            int cols = count * oh * ow;
            for (int ic = 0, r = 0; ic < c; ic++)
                for (int u = 0; u < fh; u++)
                    for (int v = 0; v < fw; v++, r++) {
                        int lo = lo(v), hi = Math.max(lo, hi(v));
                        for (int in = first; in < first + count; in++)
                            for (int i = 0; i < oh; i++) {
                                int y = i * stride + u - pad, dst = r * cols + ((in - first) * oh + i) * ow;
                                boolean inside = y >= 0 && y < h;
                                int src = ((in * c + ic) * h + y) * w + v - pad; // + j·S
                                if (add) {
                                    if (inside) addRun(col, dst, img, src, stride, lo, hi);
                                } else if (!inside) zero(col, dst, dst + ow);
                                else {
                                    zero(col, dst, dst + lo);
                                    if (stride == 1) System.arraycopy(img, src + lo, col, dst + lo, hi - lo);
                                    else copyRun(img, src, stride, col, dst, lo, hi);
                                    zero(col, dst + hi, dst + ow);
                                }
                            }
                    }
        }

        /** col[dst + j] = img[src + j·S] for lo ≤ j &lt; hi (a stride above 1). */
        private static void copyRun(Object img, int src, int stride, Object col, int dst, int lo, int hi) {
            if (col instanceof float[] cf) {
                float[] x = (float[]) img;
                for (int j = lo; j < hi; j++) cf[dst + j] = x[src + j * stride];
            } else {
                double[] x = (double[]) img, cd = (double[]) col;
                for (int j = lo; j < hi; j++) cd[dst + j] = x[src + j * stride];
            }
        }

        /** img[src + j·S] += col[dst + j] for lo ≤ j &lt; hi. */
        private static void addRun(Object col, int dst, Object img, int src, int stride, int lo, int hi) {
            if (col instanceof float[] cf) {
                float[] x = (float[]) img;
                for (int j = lo; j < hi; j++) x[src + j * stride] += cf[dst + j];
            } else {
                double[] x = (double[]) img, cd = (double[]) col;
                for (int j = lo; j < hi; j++) x[src + j * stride] += cd[dst + j];
            }
        }
    }

    /**
     * Where each row of the column matrix comes from, worked out once for both directions and both
     * dtypes: a window's columns fall into runs of FW, one run per (channel, filter row), and run r
     * of an image reads {@code len[r]} pixels from offset {@code src[r]} of that image into its
     * columns {@code lead[r]} onwards; the {@code lead[r]} columns before and the rest after lie in
     * the padding. The runs of image n are those of image 0, shifted by n·C·H·W in the image and
     * by n·OH·OW·C·FH·FW in the columns. Only the copying loops below exist once per dtype (Java
     * has no generics over {@code double[]} and {@code float[]}).
     */
    private static final class Runs {
        final int n, windows, cols, fw, imageSize;
        final int[] src, lead, len;

        private Runs(int n, int windows, int cols, int fw, int imageSize, int count) {
            this.n = n;
            this.windows = windows;
            this.cols = cols;
            this.fw = fw;
            this.imageSize = imageSize;
            src = new int[count];
            lead = new int[count];
            len = new int[count];
        }

        static Runs of(String op, int[] s, int fh, int fw, int stride, int pad) {
            int n = s[0], c = s[1], h = s[2], w = s[3];
            int oh = outSize(op + " height", h, fh, stride, pad), ow = outSize(op + " width", w, fw, stride, pad);
            Runs runs = new Runs(n, oh * ow, c * fh * fw, fw, c * h * w, oh * ow * c * fh);
            int r = 0;
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                    for (int ic = 0; ic < c; ic++)
                        for (int fy = 0; fy < fh; fy++, r++) {
                            int y = i * stride + fy - pad, x0 = j * stride - pad;
                            int from = Math.max(0, -x0), to = Math.min(fw, w - x0); // the filter columns inside the image
                            boolean inside = y >= 0 && y < h && from < to;
                            runs.lead[r] = inside ? from : fw;
                            runs.len[r] = inside ? to - from : 0;
                            runs.src[r] = inside ? (ic * h + y) * w + x0 + from : 0;
                        }
            return runs;
        }

        /** im2col on float64: every column written, from the image or as padding (the float32 loop below is the same). */
        void copy(double[] img, double[] col) {
            for (int in = 0, at = 0, r = 0; in < n; in++, r = 0)
                for (int base = in * imageSize; r < src.length; r++, at += fw) {
                    if (len[r] == fw) System.arraycopy(img, base + src[r], col, at, fw); // most runs: no padding
                    else padded(img, base + src[r], col, at, lead[r], len[r], fw);
                }
        }

        void copy(float[] img, float[] col) {
            for (int in = 0, at = 0, r = 0; in < n; in++, r = 0)
                for (int base = in * imageSize; r < src.length; r++, at += fw) {
                    if (len[r] == fw) System.arraycopy(img, base + src[r], col, at, fw);
                    else padded(img, base + src[r], col, at, lead[r], len[r], fw);
                }
        }

        /** A run that overlaps the padding: lead zeros, len pixels, zeros to fw (either dtype). */
        private static void padded(Object img, int from, Object col, int at, int lead, int len, int fw) {
            zero(col, at, at + fw);
            System.arraycopy(img, from, col, at + lead, len);
        }

        /** col2im on float64: img[src + k] += col[lead + k] run by run (the float32 loop below is the same). */
        void add(double[] col, double[] img) {
            int[] src = this.src, lead = this.lead, len = this.len;
            for (int in = 0, at = 0, r = 0; in < n; in++, r = 0)
                for (int base = in * imageSize; r < src.length; r++, at += fw)
                    for (int a = at + lead[r], e = a + len[r], shift = base + src[r] - a; a < e; a++) img[shift + a] += col[a];
        }

        void add(float[] col, float[] img) {
            int[] src = this.src, lead = this.lead, len = this.len;
            for (int in = 0, at = 0, r = 0; in < n; in++, r = 0)
                for (int base = in * imageSize; r < src.length; r++, at += fw)
                    for (int a = at + lead[r], e = a + len[r], shift = base + src[r] - a; a < e; a++) img[shift + a] += col[a];
        }
    }
}
