package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Map;

/** Solution of exercise ch5 — Affine layer y = x·W + b with dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout. */
public final class AffineLayer implements Layer {
    private final NDArray W, b;
    private NDArray x2;
    private int[] xShape;
    private NDArray dW, db;

    public AffineLayer(NDArray W, NDArray b) {
        this.W = W;
        this.b = b;
    }

    @Override
    public NDArray forward(NDArray x) {
        xShape = x.shape();
        x2 = x.reshape(x.shape(0), -1);
        return x2.matmul(W).add(b);
    }

    @Override
    public NDArray backward(NDArray dout) {
        NDArray dx = dout.dott(W);
        dW = x2.tdot(dout);
        db = dout.sum(0);
        return dx.reshape(xShape);
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
