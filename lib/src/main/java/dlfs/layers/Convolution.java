package dlfs.layers;

import dlfs.nd.Dtype;
import dlfs.nd.Gemm;
import dlfs.nd.NDArray;
import dlfs.nd.Parallel;
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
 * and image, so neither direction needs a pass that transposes the activations. It does so block
 * by block, about {@value #BLOCK_COLUMNS} output positions (seven 24×24 images) at a time, the
 * block's columns unfolded again in backward rather than kept: the columns and the products of
 * a block stay in cache instead of making batch-sized trips to memory. A large batch's blocks are
 * split over the cores ({@link Parallel}), each core with buffers of its own, its part of dW and db
 * summed after the others' in a fixed order. The values are the book's (the sums in another
 * order: the last bits may differ, and may differ between machines with different numbers of cores).
 * Output sizes that are not whole numbers are an error (see {@link Im2Col#outSize}).
 *
 * <p>A float32 input is convolved in float32 (float32 columns, {@code sgemm}, float32 output),
 * with W and b rounded to float32, as PyTorch's float32 layers hold them; dW and db come out in
 * the parameters' own dtype, so float64 parameters (and the optimizer's float64 state) can
 * train on float32 activations.
 */
public final class Convolution implements Layer {
    private final NDArray W;
    private final NDArray b;
    private final int stride;
    private final int pad;
    private NDArray dW, db;
    // cached by forward for backward
    /** The last input: backward unfolds it again, block by block, where the book keeps its whole col. */
    private NDArray x;
    private int oh, ow;
    /** W in the dtype of the last input (W itself when they match): a float32 batch meets float32 filters. */
    private NDArray Wc;
    /** Each core's block buffers (one set per part of {@link Parallel#forParts}), reused from batch to batch; never handed out. */
    private Buffers[] buffers = new Buffers[0];

    /**
     * One core's buffers in the batch's dtype, sized for a whole block (a last, shorter block uses
     * their first values), and its partial sums of dW and db over its blocks.
     */
    private static final class Buffers {
        NDArray col, prod, doutT, dcol, dw;
        double[] dwv, dbv;
    }

    /**
     * About this many output positions (columns of colᵀ) per block of images: a block's columns
     * and its product, (C·FH·FW + FN) × 4096 values, stay in cache between the pass that writes
     * them and the pass that reads them, where batch-sized matrices would go out to memory and back.
     */
    static final int BLOCK_COLUMNS = 4096;

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
        int n = out[0], fn = out[1], fh = W.shape(2), fw = W.shape(3), k = W.size() / fn;
        oh = out[2];
        ow = out[3];
        this.x = x;
        Wc = W.astype(x.dtype());
        int hw = oh * ow, block = block(n), blocks = (n + block - 1) / block;
        Dtype dt = x.dtype();
        NDArray bias = b.astype(dt); // b as W: rounded to float32 for a float32 batch
        NDArray y = NDArray.zeros(dt, n, fn, oh, ow);
        int parts = Parallel.parts(blocks, (long) fn * k * n * hw); // blocks split over the cores, each with its own buffers
        Buffers[] bufs = buffers(parts);
        Parallel.forParts(parts, blocks, (part, b0, b1) -> {
            Buffers w = bufs[part];
            NDArray col = w.col = buffer(w.col, dt, k * block * hw), p = w.prod = buffer(w.prod, dt, fn * block * hw);
            for (int first = b0 * block; first < Math.min(n, b1 * block); first += block) {
                int count = Math.min(block, n - first), cols = count * hw;
                Im2Col.im2colT(x, fh, fw, stride, pad, first, count, col);
                Gemm.gemm(false, false, fn, cols, k, Wc, col, p); // W.reshape(FN, -1) · colᵀ: (FN, count·OH·OW), the book's product transposed
                // + b, and (FN, count, OH, OW) -> (count, FN, OH, OW): one contiguous run of OH·OW per filter and image
                for (int f = 0; f < fn; f++)
                    for (int in = 0; in < count; in++) {
                        int src = f * cols + in * hw, dst = ((first + in) * fn + f) * hw;
                        if (p.isFloat32()) {
                            float[] p32 = p.floatData(), y32 = y.floatData();
                            float bf = bias.floatData()[f];
                            for (int pix = 0; pix < hw; pix++) y32[dst + pix] = p32[src + pix] + bf;
                        } else {
                            double[] p64 = p.data(), y64 = y.data();
                            double bf = bias.data()[f];
                            for (int pix = 0; pix < hw; pix++) y64[dst + pix] = p64[src + pix] + bf;
                        }
                    }
            }
        });
        return y;
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (x == null) throw new IllegalStateException("Convolution.backward called before forward");
        NDArray dx = NDArray.zeros(x.dtype(), x.shape());
        gradients(dout, dx);
        return dx;
    }

    /**
     * Only dW and db, without ∂L/∂x: for a first layer, whose input is the data and needs no
     * gradient (it saves a matrix product and col2im, about an eighth of SimpleConvNet's step).
     */
    @Override
    public void backwardParams(NDArray dout) {
        gradients(dout, null);
    }

    /**
     * Sets dW and db (in the parameters' dtype) from dout and, when {@code dx} is given, adds
     * ∂L/∂x into it; block by block, as forward: each block's doutᵀ (FN, count·OH·OW), its columns
     * unfolded again, dW += doutᵀ · col and dx += col2im(Wᵀ · doutᵀ).
     */
    private void gradients(NDArray dout, NDArray dx) {
        if (x == null) throw new IllegalStateException("Convolution.backward called before forward");
        int n = x.shape(0), fn = W.shape(0), fh = W.shape(2), fw = W.shape(3), hw = oh * ow, k = W.size() / fn;
        if (dout.ndim() != 4 || dout.shape(0) != n || dout.shape(1) != fn || dout.shape(2) != oh || dout.shape(3) != ow)
            throw new ShapeException("Convolution.backward: dout " + dout.shapeString() + " does not match the forward output "
                    + ShapeException.fmt(n, fn, oh, ow));
        Dtype dt = x.dtype();
        NDArray d = dout.astype(dt);
        int block = block(n), blocks = (n + block - 1) / block;
        int parts = Parallel.parts(blocks, (long) fn * k * n * hw * (dx == null ? 1 : 2));
        Buffers[] bufs = buffers(parts);
        Parallel.forParts(parts, blocks, (part, b0, b1) -> {
            Buffers w = bufs[part];
            NDArray doutT = w.doutT = buffer(w.doutT, dt, fn * block * hw), col = w.col = buffer(w.col, dt, k * block * hw);
            NDArray dw = w.dw = buffer(w.dw, dt, fn * k), dcol = dx == null ? null : (w.dcol = buffer(w.dcol, dt, k * block * hw));
            double[] dbv = w.dbv = new double[fn], dwv = w.dwv = new double[fn * k];
            for (int first = b0 * block; first < Math.min(n, b1 * block); first += block) {
                int count = Math.min(block, n - first), cols = count * hw;
                // (count, FN, OH, OW) -> (FN, count·OH·OW) in runs of OH·OW, and db: each run's sum, added up in double
                for (int in = 0; in < count; in++)
                    for (int f = 0; f < fn; f++) {
                        int src = ((first + in) * fn + f) * hw, dst = f * cols + in * hw;
                        System.arraycopy(Im2Col.storage(d), src, Im2Col.storage(doutT), dst, hw);
                        dbv[f] += sum(Im2Col.storage(doutT), dst, hw);
                    }
                Im2Col.im2colT(x, fh, fw, stride, pad, first, count, col); // the block's columns again
                Gemm.gemm(false, true, fn, k, cols, doutT, col, dw); // doutᵀ · col: (FN, C·FH·FW), this block's part of dW
                if (dw.isFloat32()) for (int i = 0; i < dwv.length; i++) dwv[i] += dw.floatData()[i];
                else for (int i = 0; i < dwv.length; i++) dwv[i] += dw.data()[i];
                if (dx != null) {
                    Gemm.gemm(true, false, k, cols, fn, Wc, doutT, dcol); // W.reshape(FN, -1)ᵀ · doutᵀ: the book's dcol, transposed
                    Im2Col.col2imT(dcol, fh, fw, stride, pad, first, count, dx); // this block's images of dx only
                }
            }
        });
        // the parts' sums, added in part order (the same order every time)
        double[] dbv = new double[fn], dwv = new double[fn * k];
        for (int part = 0; part < parts; part++) {
            for (int i = 0; i < fn; i++) dbv[i] += bufs[part].dbv[i];
            for (int i = 0; i < fn * k; i++) dwv[i] += bufs[part].dwv[i];
        }
        db = NDArray.of(dbv, fn).astype(b.dtype());
        dW = NDArray.of(dwv, W.shape()).astype(W.dtype());
    }

    /**
     * a[from] + … + a[from + len − 1], in eight interleaved partial sums (one chain would wait on
     * each add): in float for a float[] (as PyTorch sums a float32 bias gradient), else in double.
     */
    private static double sum(Object a, int from, int len) {
        int i = from, end = from + len;
        if (a instanceof float[] f) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (; i + 7 < end; i += 8) {
                s0 += f[i];
                s1 += f[i + 1];
                s2 += f[i + 2];
                s3 += f[i + 3];
                s4 += f[i + 4];
                s5 += f[i + 5];
                s6 += f[i + 6];
                s7 += f[i + 7];
            }
            for (; i < end; i++) s0 += f[i];
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
        double[] d = (double[]) a;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (; i + 7 < end; i += 8) {
            s0 += d[i];
            s1 += d[i + 1];
            s2 += d[i + 2];
            s3 += d[i + 3];
            s4 += d[i + 4];
            s5 += d[i + 5];
            s6 += d[i + 6];
            s7 += d[i + 7];
        }
        for (; i < end; i++) s0 += d[i];
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The first {@code parts} buffer sets (made on first use). */
    private Buffers[] buffers(int parts) {
        if (buffers.length < parts) {
            Buffers[] more = java.util.Arrays.copyOf(buffers, parts);
            for (int i = buffers.length; i < parts; i++) more[i] = new Buffers();
            buffers = more;
        }
        return buffers;
    }

    /** Images per block: {@link #BLOCK_COLUMNS} output positions, at least one image, at most the batch. */
    private int block(int n) {
        return Math.max(1, Math.min(n, BLOCK_COLUMNS / (oh * ow)));
    }

    /** {@code old} when it has this dtype and size, else a new one-dimensional array of that size. */
    private static NDArray buffer(NDArray old, Dtype dtype, int size) {
        return old != null && old.dtype() == dtype && old.size() == size ? old : NDArray.zeros(dtype, size);
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
