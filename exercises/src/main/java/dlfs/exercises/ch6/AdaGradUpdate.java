package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — the AdaGrad update ("AdaGrad"): a learning rate per element that shrinks with
 * the squared gradients seen so far.
 * <pre>
 *   h ← h + ∂L/∂W ⊙ ∂L/∂W
 *   W ← W − η · ∂L/∂W / (√h + 1e-7)
 * </pre>
 * ⊙ is the element-wise product, η the learning rate (0.01 by default); the square root and the
 * division are element by element, and 1e-7 keeps the step finite where h is still 0 (the seed's
 * "加微小值1e-7防止溢出"). Keep one h per parameter name, zeros of the parameter's shape at the
 * first update, and carry it over between calls. Update the parameter arrays in place (they are
 * the network's live arrays); params and grads map the same names ("W1", "b1", ...) to arrays of
 * the same shape.
 */
public final class AdaGradUpdate implements Optimizer {
    private final double lr;

    public AdaGradUpdate(double lr) {
        this.lr = lr;
    }

    public AdaGradUpdate() {
        this(0.01);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 AdaGradUpdate.update: see this class's Javadoc and the book's section 6.1.5 (AdaGrad)"
                + "; %hint ch6.AdaGradUpdate gives hints");
    }
}
