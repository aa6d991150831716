package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/** Solution of exercise ch5 — ReLU layer with its mask. */
public final class ReluLayer implements Layer {
    private NDArray mask;  // 1 where x <= 0

    @Override
    public NDArray forward(NDArray x) {
        mask = x.le(0);
        return x.maximum(0);
    }

    @Override
    public NDArray backward(NDArray dout) {
        return NDArray.where(mask, 0, 1).mul(dout);
    }
}
