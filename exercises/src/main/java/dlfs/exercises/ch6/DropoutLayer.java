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
 * In training, draw a fresh mask on every forward from the layer's {@link Rng} (uniform numbers
 * in [0, 1): keep a neuron where its number is greater than ratio, drop it elsewhere), and
 * remember it for backward. How you draw it is up to you; the tests check that about a
 * fraction ratio is dropped, that kept values pass unchanged and that backward uses the same
 * mask. Any shape: (N, D) in, (N, D) out. {@link #forward(NDArray)} is the
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
        throw new UnsupportedOperationException("ch6 DropoutLayer.forward: see this class's Javadoc and the book's section 6.4.3 (Dropout)"
                + "; %hint ch6.DropoutLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch6 DropoutLayer.backward: see this class's Javadoc and the book's section 6.4.3 (Dropout)"
                + "; %hint ch6.DropoutLayer gives hints");
    }
}
