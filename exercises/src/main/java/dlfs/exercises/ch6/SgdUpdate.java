package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — stochastic gradient descent ("SGD"), the book's first optimizer class.
 * <pre>
 *   W ← W − η·∂L/∂W
 * </pre>
 * η is the learning rate (0.01 by default, as the book's {@code SGD(lr=0.01)}). Apply it to every
 * parameter: params and grads map the same names ("W1", "b1", ...) to arrays of the same shape.
 * Update the parameter arrays in place (they are the network's live arrays) and leave grads as they are.
 */
public final class SgdUpdate implements Optimizer {
    private final double lr;

    public SgdUpdate(double lr) {
        this.lr = lr;
    }

    public SgdUpdate() {
        this(0.01);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 SgdUpdate.update: see this class's Javadoc and the book's section 6.1.2 (SGD)"
                + "; %hint ch6.SgdUpdate gives hints");
    }
}
