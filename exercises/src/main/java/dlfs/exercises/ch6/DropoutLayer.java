package dlfs.exercises.ch6;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/**
 * Exercise ch6 — Dropout ("Dropout"), in the book's form (not "inverted" dropout).
 * <pre>
 *   training:  mask = (U(0, 1) &gt; ratio),  y = x ⊙ mask        backward: dx = dout ⊙ mask
 *   inference: y = x · (1 − ratio)
 * </pre>
 * In training, draw the mask with exactly one call {@code rng.rand(x.shape())} per forward (1
 * where the draw is greater than ratio, 0 elsewhere), so that the same seed drops the same
 * neurons as the library. Any shape: (N, D) in, (N, D) out. {@link #forward(NDArray)} is the
 * training mode.
 */
public final class DropoutLayer implements Layer {
    private final double ratio;
    private final Rng rng;

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
        throw new UnsupportedOperationException("ch6 DropoutLayer.forward: train: mask = rng.rand(x.shape()).gt(ratio), "
                + "return x.mul(mask); inference: return x.mul(1 - ratio)");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch6 DropoutLayer.backward: dout.mul(mask)");
    }
}
