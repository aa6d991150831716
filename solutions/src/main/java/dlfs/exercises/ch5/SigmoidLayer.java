package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/** Solution of exercise ch5 — Sigmoid layer: y = σ(x), dx = dout·y·(1 − y). */
public final class SigmoidLayer implements Layer {
    private NDArray out;

    @Override
    public NDArray forward(NDArray x) {
        out = x.map(v -> 1 / (1 + Math.exp(-v)));
        return out;
    }

    @Override
    public NDArray backward(NDArray dout) {
        return dout.mul(out.rsub(1)).mul(out);
    }
}
