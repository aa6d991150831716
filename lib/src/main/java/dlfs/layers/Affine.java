package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Arrays;
import java.util.Map;

/**
 * Affine (fully connected) layer of ch5 ("Affine层"): {@code y = x·W + b}, the bias broadcast to
 * every row of the batch. Backward:
 * <pre>
 *   ∂L/∂x = ∂L/∂y · Wᵀ        ∂L/∂W = xᵀ · ∂L/∂y        ∂L/∂b = Σ_batch ∂L/∂y
 * </pre>
 * (the bias gradient is summed over the batch because b was added to every row). An input of
 * more than two dimensions, e.g. (N, C, H, W) from a convolution, is flattened to (N, C·H·W), as
 * the book does, and backward restores that shape. W and b are the live arrays the net and the
 * optimizer share; dW and db are replaced on each backward.
 */
public final class Affine implements Layer {
    private final NDArray W, b;
    private NDArray x;
    private int[] xShape;
    private NDArray dW, db;
    /** W in the dtype of the last input (W itself when they match): a float32 batch meets float32 weights. */
    private NDArray Wc;

    public Affine(NDArray W, NDArray b) {
        if (W.ndim() != 2) throw new ShapeException("Affine: W must be 2-D (inputs, outputs), got " + W.shapeString());
        if (b.size() != W.shape(1))
            throw new ShapeException("Affine: b " + b.shapeString() + " must have one value per output of W " + W.shapeString()
                    + " (" + W.shape(1) + ")");
        this.W = W;
        this.b = b;
    }

    @Override
    public NDArray forward(NDArray x) {
        xShape = x.shape();
        NDArray x2 = x.ndim() == 2 ? x : x.ndim() == 1 ? x.reshape(1, x.size()) : x.reshape(x.shape(0), -1);
        if (x2.shape(1) != W.shape(0))
            throw new ShapeException("Affine: input " + x.shapeString() + " has " + x2.shape(1) + " values per sample but W "
                    + W.shapeString() + " expects " + W.shape(0));
        this.x = x2;
        Wc = W.astype(x2.dtype());
        return x2.matmul(Wc).addi(b.reshape(1, b.size()));
    }

    @Override
    public NDArray backward(NDArray dout) {
        backwardParams(dout);
        NDArray dx = dout.dott(Wc);   // dout · Wᵀ
        return Arrays.equals(dx.shape(), xShape) ? dx : dx.reshape(xShape);
    }

    /**
     * Only ∂L/∂W = xᵀ·dout and ∂L/∂b = Σ dout, without ∂L/∂x: for a first layer, whose input is
     * the data and needs no gradient (saves one of the three matmuls of the layer).
     */
    @Override
    public void backwardParams(NDArray dout) {
        if (x == null) throw new IllegalStateException("Affine: backward before forward");
        if (dout.ndim() != 2 || dout.shape(0) != x.shape(0) || dout.shape(1) != W.shape(1))
            throw new ShapeException("Affine: backward got dout " + dout.shapeString() + " but the output was ("
                    + x.shape(0) + ", " + W.shape(1) + ")");
        dW = x.tdot(dout).astype(W.dtype());           // xᵀ · dout, in the parameter's dtype (what the optimizer updates)
        db = dout.sum(0).reshape(b.shape()).astype(b.dtype());
    }

    public NDArray W() {
        return W;
    }

    public NDArray b() {
        return b;
    }

    /** ∂L/∂W from the last backward. */
    public NDArray dW() {
        return dW;
    }

    /** ∂L/∂b from the last backward. */
    public NDArray db() {
        return db;
    }

    @Override
    public Map<String, NDArray> params() {
        return Layer.pair("W", W, "b", b);
    }

    @Override
    public Map<String, NDArray> grads() {
        return Layer.pair("W", dW, "b", db);
    }

    /** W (the weight matrix) decays under weight decay; b does not. */
    @Override
    public boolean decays(String name) {
        return name.equals("W");
    }
}
