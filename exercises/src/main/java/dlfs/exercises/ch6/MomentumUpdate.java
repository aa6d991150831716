package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — the Momentum update ("Momentum").
 * <pre>
 *   v ← α·v − η·∂L/∂W
 *   W ← W + v
 * </pre>
 * η is the learning rate, α the momentum (0.9 by default). Keep one velocity v per parameter
 * name, zeros of the parameter's shape at the first update, and carry it over between calls.
 * Update the parameter arrays in place (they are the network's live arrays); params and grads
 * map the same names ("W1", "b1", ...) to arrays of the same shape.
 */
public final class MomentumUpdate implements Optimizer {
    private final double lr, momentum;

    public MomentumUpdate(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    public MomentumUpdate(double lr) {
        this(lr, 0.9);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 MomentumUpdate.update: see this class's Javadoc and the book's section 6.1.4 (Momentum)"
                + "; %hint ch6.MomentumUpdate gives hints");
    }
}
