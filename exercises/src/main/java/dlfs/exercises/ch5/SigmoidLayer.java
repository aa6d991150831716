package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/**
 * Exercise ch5 — the Sigmoid layer ("Sigmoid层").
 * <pre>
 *   forward:  y = 1 / (1 + exp(−x))
 *   backward: ∂L/∂x = dout · y · (1 − y)      (only the output y is needed)
 * </pre>
 * forward remembers its output y for backward. Any shape: (N, D) in gives (N, D) out. Do not
 * change x or dout in place.
 */
public final class SigmoidLayer implements Layer {
    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch5 SigmoidLayer.forward: see this class's Javadoc and the book's section 5.5.2 (Sigmoid层)"
                + "; %hint ch5.SigmoidLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch5 SigmoidLayer.backward: see this class's Javadoc and the book's section 5.5.2 (Sigmoid层)"
                + "; %hint ch5.SigmoidLayer gives hints");
    }
}
