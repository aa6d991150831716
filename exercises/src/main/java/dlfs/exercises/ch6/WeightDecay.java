package dlfs.exercises.ch6;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise ch6 — weight decay ("权值衰减", 6.4.2): the L2 penalty on the weights, against overfitting.
 * <pre>
 *   loss     = data loss + ½λ Σ_W ‖W‖²        ‖W‖² = Σ_ij W_ij²   (over the weight matrices W1, W2, …)
 *   ∂/∂W:      dW ← dW + λ·W                   (the ½ is there so the derivative is just λW)
 * </pre>
 * λ ≥ 0 sets the strength of the penalty. The parameters come by the book's names: a weight is a
 * parameter whose name starts with "W" ("W1", "W2", …); biases ("b1", …) and Batch Normalization's
 * "gamma"/"beta" are not decayed, as in the book's {@code MultiLayerNet}. {@link #penalty} returns
 * ½λ Σ‖W‖² (the term added to the loss); {@link #addToGradients} adds λ·W to the gradient of every
 * weight in grads (changing those gradient arrays in place) and leaves every other gradient, and
 * every parameter, as it was. params and grads map the same names to arrays of the same shape.
 */
public final class WeightDecay {
    private final double lambda;

    public WeightDecay(double lambda) {
        this.lambda = lambda;
    }

    public double penalty(Map<String, NDArray> params) {
        throw new UnsupportedOperationException("ch6 WeightDecay.penalty: see this class's Javadoc and the book's section 6.4.2 (权值衰减)"
                + "; %hint ch6.WeightDecay gives hints");
    }

    public void addToGradients(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 WeightDecay.addToGradients: see this class's Javadoc and the book's section 6.4.2 (权值衰减)"
                + "; %hint ch6.WeightDecay gives hints");
    }
}
