package dlfs.exercises;

import dlfs.gradient.NumericalGradient;
import dlfs.layers.Layer;
import dlfs.nd.NDArray;

/**
 * Gradient checks for a student's layer: backward(R) must be the numerical gradient of
 * L = Σ forward(x) ⊙ R (a fixed random R makes every output matter).
 */
public final class LayerChecks {
    private LayerChecks() {
    }

    /** ∂L/∂x by central differences, for L = Σ layer.forward(x) ⊙ r. */
    public static NDArray numericalInputGradient(Layer layer, NDArray x, NDArray r) {
        NDArray xx = x.copy();
        return NumericalGradient.numericalGradient(() -> layer.forward(xx).mul(r).sum(), xx);
    }

    /** ∂L/∂param by central differences, for L = Σ layer.forward(x) ⊙ r, param a live array of the layer. */
    public static NDArray numericalParamGradient(Layer layer, NDArray x, NDArray r, NDArray param) {
        return NumericalGradient.numericalGradient(() -> layer.forward(x).mul(r).sum(), param);
    }
}
