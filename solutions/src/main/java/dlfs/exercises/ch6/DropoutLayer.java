package dlfs.exercises.ch6;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/** Solution of exercise ch6 — Dropout: y = x ⊙ mask in training, x·(1 − ratio) in inference. */
public final class DropoutLayer implements Layer {
    private final double ratio;
    private final Rng rng;
    private NDArray mask;

    public DropoutLayer(double ratio, Rng rng) {
        this.ratio = ratio;
        this.rng = rng;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    @Override
    public NDArray forward(NDArray x, boolean train) {
        if (!train) return x.mul(1 - ratio);
        mask = rng.rand(x.shape()).gt(ratio);
        return x.mul(mask);
    }

    @Override
    public NDArray backward(NDArray dout) {
        return dout.mul(mask);
    }
}
