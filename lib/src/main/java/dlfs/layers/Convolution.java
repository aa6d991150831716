package dlfs.layers;

import dlfs.nd.Dtype;
import dlfs.nd.Gemm;
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
 * The layer makes each of those products transposed, on {@code colᵀ} ({@link Im2Col#im2colT}):
 * {@code W.reshape(FN, −1) · colᵀ} is the output as (FN, N·OH·OW), one contiguous run per filter
 * and image, so neither direction needs a pass that transposes the activations; the values are
 * the book's (the sums in another order: the last bits may differ).
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
    /** The transposed im2col matrix of the last input, (C·FH·FW, N·OH·OW) ({@link Im2Col#im2colT}). */
    private NDArray colT;
    private int oh, ow;
    /** W in the dtype of the last input (W itself when they match): a float32 batch meets float32 filters. */
    private NDArray Wc;
    // per-layer work buffers in the dtype of the batch, reused from batch to batch (same size); never handed out
    private NDArray prodBuf, dout2Buf, dcolBuf;

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
        colT = Im2Col.im2colT(x, W.shape(2), W.shape(3), stride, pad, colT); // reuses the last batch's buffer
        Wc = W.astype(x.dtype());
        int cols = n * oh * ow, k = W.size() / fn, hw = oh * ow;
        NDArray p = prodBuf = buffer(prodBuf, x.dtype(), fn, cols);
        Gemm.gemm(false, false, fn, cols, k, Wc, colT, p); // W.reshape(FN, -1) · colᵀ: (FN, N·OH·OW), the book's product transposed
        xShape = x.shape();
        // + b, and (FN, N, OH, OW) -> (N, FN, OH, OW): one contiguous run of OH·OW per filter and image (b added in double)
        double[] bias = b.astype(Dtype.FLOAT64).data();
        NDArray y = NDArray.zeros(x.dtype(), n, fn, oh, ow);
        float[] p32 = p.isFloat32() ? p.floatData() : null, y32 = p32 != null ? y.floatData() : null;
        double[] p64 = p32 == null ? p.data() : null, y64 = p32 == null ? y.data() : null;
        for (int f = 0; f < fn; f++) {
            double bf = bias[f];
            for (int in = 0; in < n; in++) {
                int src = f * cols + in * hw, dst = (in * fn + f) * hw;
                if (p32 != null) for (int pix = 0; pix < hw; pix++) y32[dst + pix] = (float) (p32[src + pix] + bf);
                else for (int pix = 0; pix < hw; pix++) y64[dst + pix] = p64[src + pix] + bf;
            }
        }
        return y;
    }

    @Override
    public NDArray backward(NDArray dout) {
        NDArray doutT = paramGradients(dout);
        int cols = doutT.shape(1), fn = W.shape(0), k = W.size() / fn;
        NDArray dcolT = dcolBuf = buffer(dcolBuf, doutT.dtype(), k, cols);
        Gemm.gemm(true, false, k, cols, fn, Wc, doutT, dcolT); // W.reshape(FN, -1)ᵀ · doutᵀ: the book's dcol, transposed
        return Im2Col.col2imT(dcolT, xShape, W.shape(2), W.shape(3), stride, pad);
    }

    /**
     * Only dW and db, without ∂L/∂x: for a first layer, whose input is the data and needs no
     * gradient (it saves a matrix product and col2im, about an eighth of SimpleConvNet's step).
     */
    @Override
    public void backwardParams(NDArray dout) {
        paramGradients(dout);
    }

    /** Sets dW and db (in the parameters' dtype) from dout; returns doutᵀ, the (FN, N·OH·OW) matrix, in the dtype of the forward. */
    private NDArray paramGradients(NDArray dout) {
        if (colT == null) throw new IllegalStateException("Convolution.backward called before forward");
        int n = xShape[0], fn = W.shape(0), hw = oh * ow, cols = n * hw, k = W.size() / fn;
        if (dout.ndim() != 4 || dout.shape(0) != n || dout.shape(1) != fn || dout.shape(2) != oh || dout.shape(3) != ow)
            throw new ShapeException("Convolution.backward: dout " + dout.shapeString() + " does not match the forward output "
                    + ShapeException.fmt(n, fn, oh, ow));
        dout = dout.astype(colT.dtype());
        // (N, FN, OH, OW) -> (FN, N·OH·OW) in runs of OH·OW, summing db (in double) on the way
        NDArray doutT = dout2Buf = buffer(dout2Buf, dout.dtype(), fn, cols); // every element is written below
        float[] d32 = dout.isFloat32() ? dout.floatData() : null, o32 = d32 != null ? doutT.floatData() : null;
        double[] d64 = d32 == null ? dout.data() : null, o64 = d32 == null ? doutT.data() : null;
        double[] dbv = new double[fn];
        for (int in = 0; in < n; in++) {
            for (int f = 0; f < fn; f++) {
                int src = (in * fn + f) * hw, dst = f * cols + in * hw;
                double s = 0;
                if (d32 != null) for (int pix = 0; pix < hw; pix++) s += o32[dst + pix] = d32[src + pix];
                else for (int pix = 0; pix < hw; pix++) s += o64[dst + pix] = d64[src + pix];
                dbv[f] += s;
            }
        }
        db = NDArray.of(dbv, fn).astype(b.dtype());
        NDArray dw = NDArray.zeros(dout.dtype(), fn, k);
        Gemm.gemm(false, true, fn, k, cols, doutT, colT, dw); // doutᵀ · col: (FN, C·FH·FW)
        dW = dw.reshape(W.shape()).astype(W.dtype());
        return doutT;
    }

    /** {@code old} when it has this dtype and size (as the given shape), else a new array. */
    private static NDArray buffer(NDArray old, Dtype dtype, int... shape) {
        return old != null && old.dtype() == dtype && old.size() == shape[0] * shape[1] ? old.reshape(shape) : NDArray.zeros(dtype, shape);
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
