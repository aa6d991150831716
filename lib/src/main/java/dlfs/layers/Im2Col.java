package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

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
 * for a float32 input, which gives a float32 matrix), with the padding handled by bounds checks
 * instead of a padded copy of the input.
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
        return im2col(x, fh, fw, stride, pad, (double[]) null);
    }

    /**
     * As {@link #im2col(NDArray, int, int, int, int)}, writing into {@code reuse} when it is an
     * array of exactly the right length (a layer's buffer from the previous batch), else into a
     * new one. Every element is written, so stale values cannot leak through.
     */
    public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad, double[] reuse) {
        int[] s = check4d("im2col", x);
        if (x.isFloat32()) return im2col(x, fh, fw, stride, pad, (float[]) null);
        int n = s[0], c = s[1], h = s[2], w = s[3];
        int oh = outSize("im2col height", h, fh, stride, pad);
        int ow = outSize("im2col width", w, fw, stride, pad);
        int cols = c * fh * fw;
        int size = n * oh * ow * cols;
        double[] col = reuse != null && reuse.length == size ? reuse : new double[size];
        double[] img = x.data();
        int r = 0;
        for (int in = 0; in < n; in++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, r++) {
                    int dst = r * cols;
                    for (int ic = 0; ic < c; ic++) {
                        int plane = (in * c + ic) * h;
                        for (int fy = 0; fy < fh; fy++) {
                            int y = i * stride + fy - pad;
                            if (y < 0 || y >= h) {
                                for (int fx = 0; fx < fw; fx++) col[dst++] = 0; // the padding
                                continue;
                            }
                            int rowBase = (plane + y) * w;
                            int x0 = j * stride - pad;
                            if (x0 >= 0 && x0 + fw <= w) {
                                System.arraycopy(img, rowBase + x0, col, dst, fw);
                                dst += fw;
                            } else {
                                for (int fx = 0; fx < fw; fx++, dst++) {
                                    int xx = x0 + fx;
                                    col[dst] = xx >= 0 && xx < w ? img[rowBase + xx] : 0;
                                }
                            }
                        }
                    }
                }
            }
        }
        return NDArray.of(col, n * oh * ow, cols);
    }

    /** As {@link #im2col(NDArray, int, int, int, int, double[])} for a float32 input: a float32 matrix, into {@code reuse} when it fits. */
    public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad, float[] reuse) {
        int[] s = check4d("im2col", x);
        if (!x.isFloat32()) return im2col(x, fh, fw, stride, pad, (double[]) null);
        int n = s[0], c = s[1], h = s[2], w = s[3];
        int oh = outSize("im2col height", h, fh, stride, pad);
        int ow = outSize("im2col width", w, fw, stride, pad);
        int cols = c * fh * fw;
        int size = n * oh * ow * cols;
        float[] col = reuse != null && reuse.length == size ? reuse : new float[size];
        float[] img = x.floatData();
        int r = 0;
        for (int in = 0; in < n; in++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, r++) {
                    int dst = r * cols;
                    for (int ic = 0; ic < c; ic++) {
                        int plane = (in * c + ic) * h;
                        for (int fy = 0; fy < fh; fy++) {
                            int y = i * stride + fy - pad;
                            if (y < 0 || y >= h) {
                                for (int fx = 0; fx < fw; fx++) col[dst++] = 0;
                                continue;
                            }
                            int rowBase = (plane + y) * w;
                            int x0 = j * stride - pad;
                            if (x0 >= 0 && x0 + fw <= w) {
                                System.arraycopy(img, rowBase + x0, col, dst, fw);
                                dst += fw;
                            } else {
                                for (int fx = 0; fx < fw; fx++, dst++) {
                                    int xx = x0 + fx;
                                    col[dst] = xx >= 0 && xx < w ? img[rowBase + xx] : 0;
                                }
                            }
                        }
                    }
                }
            }
        }
        return NDArray.of(col, n * oh * ow, cols);
    }

    /**
     * The inverse direction, used by backward: folds the (N·OH·OW, C·FH·FW) gradient matrix back
     * into an image-shaped gradient (N, C, H, W).
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
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        int oh = outSize("col2im height", h, fh, stride, pad);
        int ow = outSize("col2im width", w, fw, stride, pad);
        int cols = c * fh * fw;
        if (col.ndim() != 2 || col.shape(0) != n * oh * ow || col.shape(1) != cols)
            throw new ShapeException("col2im: columns " + col.shapeString() + " do not match input " + ShapeException.fmt(inputShape)
                    + " with filter " + fh + "x" + fw + ", stride " + stride + ", pad " + pad + " (expected "
                    + ShapeException.fmt(n * oh * ow, cols) + ")");
        if (col.isFloat32()) return col2imF(col.floatData(), n, c, h, w, oh, ow, fh, fw, stride, pad);
        double[] img = new double[n * c * h * w];
        double[] src = col.data();
        int r = 0;
        for (int in = 0; in < n; in++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, r++) {
                    int at = r * cols;
                    for (int ic = 0; ic < c; ic++) {
                        int plane = (in * c + ic) * h;
                        for (int fy = 0; fy < fh; fy++) {
                            int y = i * stride + fy - pad;
                            if (y < 0 || y >= h) {
                                at += fw;
                                continue;
                            }
                            int rowBase = (plane + y) * w;
                            int x0 = j * stride - pad;
                            for (int fx = 0; fx < fw; fx++, at++) {
                                int xx = x0 + fx;
                                if (xx >= 0 && xx < w) img[rowBase + xx] += src[at];
                            }
                        }
                    }
                }
            }
        }
        return NDArray.of(img, n, c, h, w);
    }

    /** {@link #col2im} on float32 columns: a float32 image gradient. */
    private static NDArray col2imF(float[] src, int n, int c, int h, int w, int oh, int ow, int fh, int fw, int stride, int pad) {
        int cols = c * fh * fw;
        float[] img = new float[n * c * h * w];
        int r = 0;
        for (int in = 0; in < n; in++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, r++) {
                    int at = r * cols;
                    for (int ic = 0; ic < c; ic++) {
                        int plane = (in * c + ic) * h;
                        for (int fy = 0; fy < fh; fy++) {
                            int y = i * stride + fy - pad;
                            if (y < 0 || y >= h) {
                                at += fw;
                                continue;
                            }
                            int rowBase = (plane + y) * w;
                            int x0 = j * stride - pad;
                            for (int fx = 0; fx < fw; fx++, at++) {
                                int xx = x0 + fx;
                                if (xx >= 0 && xx < w) img[rowBase + xx] += src[at];
                            }
                        }
                    }
                }
            }
        }
        return NDArray.of(img, n, c, h, w);
    }
}
