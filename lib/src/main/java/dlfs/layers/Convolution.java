package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Map;

/**
 * Convolution layer (ch7, "卷积层实现"): FN filters W (FN, C, FH, FW) and biases b (FN) slide over
 * the input x (N, C, H, W) with stride S and zero padding P, giving (N, FN, OH, OW) with
 * <pre>
 *   out[n, f, i, j] = Σ_c Σ_u Σ_v W[f, c, u, v] · x_pad[n, c, i·S + u, j·S + v] + b[f]
 *   OH = (H + 2P − FH)/S + 1,   OW = (W + 2P − FW)/S + 1
 * </pre>
 * computed as the book does, as one matrix product {@code col · W.reshape(FN, −1)ᵀ + b} over the
 * {@link Im2Col#im2col im2col} matrix. Backward, with dout reshaped to (N·OH·OW, FN):
 * <pre>
 *   db = Σ_rows dout      dW = doutᵀ · col      dcol = dout · W.reshape(FN, −1)      dx = col2im(dcol)
 * </pre>
 * Output sizes that are not whole numbers are an error (see {@link Im2Col#outSize}).
 *
 * <p>A float32 input is convolved in float32 (float32 columns, {@code sgemm}, float32 output),
 * with W rounded to float32 for the product; dW and db come out in the parameters' own dtype, so
 * float64 parameters (and the optimizer's float64 state) can train on float32 activations.
 */
public final class Convolution implements Layer {
    private final NDArray W;
    private final NDArray b;
    private final int stride;
    private final int pad;
    private NDArray dW, db;
    // cached by forward for backward
    private int[] xShape;
    private NDArray col;
    private int oh, ow;
    // per-layer work buffers, reused from batch to batch (same batch size: same length); never handed out
    private double[] prodBuf, dout2Buf, dcolBuf;
    // the same for float32 inputs, and W as float32 (cast once per forward: the filters are small)
    private float[] prodBufF, dout2BufF, dcolBufF;
    private NDArray wF;

    /** A layer that uses (and updates in place) the given W (FN, C, FH, FW) and b (FN). */
    public Convolution(NDArray W, NDArray b, int stride, int pad) {
        if (W.ndim() != 4)
            throw new ShapeException("Convolution: filters W must be 4-D (FN, C, FH, FW), got " + W.shapeString());
        if (b.ndim() != 1 || b.shape(0) != W.shape(0))
            throw new ShapeException("Convolution: bias b must have shape (" + W.shape(0) + ",) for W " + W.shapeString() + ", got " + b.shapeString());
        if (stride < 1) throw new IllegalArgumentException("Convolution: stride must be >= 1, got " + stride);
        if (pad < 0) throw new IllegalArgumentException("Convolution: pad must be >= 0, got " + pad);
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
    }

    public Convolution(NDArray W, NDArray b) {
        this(W, b, 1, 0);
    }

    public int stride() {
        return stride;
    }

    public int pad() {
        return pad;
    }

    /** The filters (FN, C, FH, FW), live: what a filter-grid plot shows. */
    public NDArray filters() {
        return W;
    }

    /** The output shape for an input of shape (N, C, H, W), checked. */
    public int[] outputShape(int... inShape) {
        int fn = W.shape(0), c = W.shape(1), fh = W.shape(2), fw = W.shape(3);
        if (inShape.length != 4)
            throw new ShapeException("Convolution: input must be 4-D (N, C, H, W), got " + ShapeException.fmt(inShape));
        if (inShape[1] != c)
            throw new ShapeException("Convolution: input " + ShapeException.fmt(inShape) + " has " + inShape[1]
                    + " channels but the filters W " + W.shapeString() + " expect " + c);
        return new int[]{inShape[0], fn, Im2Col.outSize("Convolution height", inShape[2], fh, stride, pad),
                Im2Col.outSize("Convolution width", inShape[3], fw, stride, pad)};
    }

    @Override
    public NDArray forward(NDArray x) {
        int[] out = outputShape(x.shape());
        int n = out[0], fn = out[1];
        oh = out[2];
        ow = out[3];
        int fh = W.shape(2), fw = W.shape(3);
        if (x.isFloat32()) return forwardF(x, n, fn, fh, fw);
        col = Im2Col.im2col(x, fh, fw, stride, pad, col == null || col.isFloat32() ? null : col.data()); // reuses the last batch's buffer
        int rows = n * oh * ow, k = W.size() / fn;
        prodBuf = buffer(prodBuf, rows * fn);
        double[] p = prodBuf;
        dlfs.nd.Gemm.gemm(false, true, rows, fn, k, col.data(), W.data(), p); // col · W.reshape(FN, -1)ᵀ: (N·OH·OW, FN)
        xShape = x.shape();
        // + b, and (N, OH, OW, FN) -> (N, FN, OH, OW) in the same pass
        double[] bias = b.data();
        double[] y = new double[p.length];
        int hw = oh * ow;
        for (int in = 0; in < n; in++) {
            int rowBase = in * hw;
            int outBase = in * fn * hw;
            for (int pix = 0; pix < hw; pix++) {
                int src = (rowBase + pix) * fn;
                for (int f = 0; f < fn; f++) y[outBase + f * hw + pix] = p[src + f] + bias[f];
            }
        }
        return NDArray.of(y, n, fn, oh, ow);
    }

    /** {@link #forward} for a float32 input: float32 columns, sgemm, float32 output (float32 W; b added in double). */
    private NDArray forwardF(NDArray x, int n, int fn, int fh, int fw) {
        col = Im2Col.im2col(x, fh, fw, stride, pad, col == null || !col.isFloat32() ? null : col.floatData());
        wF = W.astype(dlfs.nd.Dtype.FLOAT32);
        int rows = n * oh * ow, k = W.size() / fn;
        prodBufF = bufferF(prodBufF, rows * fn);
        float[] p = prodBufF;
        dlfs.nd.Gemm.sgemm(false, true, rows, fn, k, col.floatData(), wF.floatData(), p);
        xShape = x.shape();
        double[] bias = b.astype(dlfs.nd.Dtype.FLOAT64).data();
        float[] y = new float[p.length];
        int hw = oh * ow;
        for (int in = 0; in < n; in++) {
            int rowBase = in * hw;
            int outBase = in * fn * hw;
            for (int pix = 0; pix < hw; pix++) {
                int src = (rowBase + pix) * fn;
                for (int f = 0; f < fn; f++) y[outBase + f * hw + pix] = (float) (p[src + f] + bias[f]);
            }
        }
        return NDArray.of(y, n, fn, oh, ow);
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (col != null && col.isFloat32()) {
            NDArray dout2 = paramGradients(dout);
            int rows = dout2.shape(0), fn = W.shape(0), k = W.size() / fn;
            dcolBufF = bufferF(dcolBufF, rows * k);
            dlfs.nd.Gemm.sgemm(false, false, rows, k, fn, dout2.floatData(), wF.floatData(), dcolBufF);
            return Im2Col.col2im(NDArray.of(dcolBufF, rows, k), xShape, W.shape(2), W.shape(3), stride, pad);
        }
        NDArray dout2 = paramGradients(dout);
        int rows = dout2.shape(0), fn = W.shape(0), k = W.size() / fn;
        dcolBuf = buffer(dcolBuf, rows * k);
        dlfs.nd.Gemm.gemm(false, false, rows, k, fn, dout2.data(), W.data(), dcolBuf); // dout2 · W.reshape(FN, -1)
        return Im2Col.col2im(NDArray.of(dcolBuf, rows, k), xShape, W.shape(2), W.shape(3), stride, pad);
    }

    /**
     * Only dW and db, without ∂L/∂x: for a first layer, whose input is the data and needs no
     * gradient (it saves a matrix product and col2im, about an eighth of SimpleConvNet's step).
     */
    @Override
    public void backwardParams(NDArray dout) {
        paramGradients(dout);
    }

    /** Sets dW and db from dout; returns dout as the (N·OH·OW, FN) matrix. */
    private NDArray paramGradients(NDArray dout) {
        if (col == null) throw new IllegalStateException("Convolution.backward called before forward");
        int n = xShape[0], fn = W.shape(0), hw = oh * ow;
        if (dout.ndim() != 4 || dout.shape(0) != n || dout.shape(1) != fn || dout.shape(2) != oh || dout.shape(3) != ow)
            throw new ShapeException("Convolution.backward: dout " + dout.shapeString() + " does not match the forward output "
                    + ShapeException.fmt(n, fn, oh, ow));
        if (col.isFloat32()) return paramGradientsF(dout.astype(dlfs.nd.Dtype.FLOAT32), n, fn, hw);
        dout = dout.astype(dlfs.nd.Dtype.FLOAT64);
        // (N, FN, OH, OW) -> (N·OH·OW, FN), summing db on the way
        double[] d = dout.data();
        double[] d2 = dout2Buf = buffer(dout2Buf, d.length); // every element is written below
        double[] dbv = new double[fn];
        for (int in = 0; in < n; in++) {
            for (int f = 0; f < fn; f++) {
                int src = (in * fn + f) * hw;
                double s = 0;
                for (int pix = 0; pix < hw; pix++) {
                    double v = d[src + pix];
                    d2[(in * hw + pix) * fn + f] = v;
                    s += v;
                }
                dbv[f] += s;
            }
        }
        NDArray dout2 = NDArray.of(d2, n * hw, fn);
        db = NDArray.of(dbv, fn).astype(b.dtype());
        dW = dout2.tdot(col).reshape(W.shape()).astype(W.dtype());      // doutᵀ · col: (FN, C·FH·FW)
        return dout2;
    }

    /** {@link #paramGradients} in float32 (db summed in double); dW and db in the parameters' dtype. */
    private NDArray paramGradientsF(NDArray dout, int n, int fn, int hw) {
        float[] d = dout.floatData();
        float[] d2 = dout2BufF = bufferF(dout2BufF, d.length);
        double[] dbv = new double[fn];
        for (int in = 0; in < n; in++) {
            for (int f = 0; f < fn; f++) {
                int src = (in * fn + f) * hw;
                double s = 0;
                for (int pix = 0; pix < hw; pix++) {
                    float v = d[src + pix];
                    d2[(in * hw + pix) * fn + f] = v;
                    s += v;
                }
                dbv[f] += s;
            }
        }
        NDArray dout2 = NDArray.of(d2, n * hw, fn);
        db = NDArray.of(dbv, fn).astype(b.dtype());
        dW = dout2.tdot(col).reshape(W.shape()).astype(W.dtype());
        return dout2;
    }

    private static float[] bufferF(float[] old, int size) {
        return old != null && old.length == size ? old : new float[size];
    }

    /** {@code old} when it has exactly {@code size} elements, else a new array. */
    private static double[] buffer(double[] old, int size) {
        return old != null && old.length == size ? old : new double[size];
    }

    @Override
    public Map<String, NDArray> params() {
        return Layer.pair("W", W, "b", b);
    }

    @Override
    public Map<String, NDArray> grads() {
        if (dW == null) return Map.of();
        return Layer.pair("W", dW, "b", db);
    }

    @Override
    public String toString() {
        return "Convolution(" + W.shape(0) + " filters " + W.shape(1) + "x" + W.shape(2) + "x" + W.shape(3)
                + ", stride=" + stride + ", pad=" + pad + ")";
    }

    /** W (the filters) decays under weight decay; b does not. */
    @Override
    public boolean decays(String name) {
        return name.equals("W");
    }
}
