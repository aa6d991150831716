package dlfs.exercises.ch5;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/**
 * Exercise ch5 — the ReLU layer ("ReLU层").
 * <pre>
 *   forward:  y = x if x &gt; 0, else 0
 *   backward: ∂L/∂x = dout where x &gt; 0, else 0
 * </pre>
 * forward remembers where x ≤ 0 (the mask) and backward stops the gradient there. Any shape:
 * (N, D) in gives (N, D) out, and backward's dout and result have that shape too. Do not change
 * x or dout in place: return new arrays.
 */
public final class ReluLayer implements Layer {
    @Override
    public NDArray forward(NDArray x) {
        throw new UnsupportedOperationException("ch5 ReluLayer.forward: see this class's Javadoc and the book's section 5.5.1 (ReLU层)"
                + "; %hint ch5.ReluLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch5 ReluLayer.backward: see this class's Javadoc and the book's section 5.5.1 (ReLU层)"
                + "; %hint ch5.ReluLayer gives hints");
    }
}
