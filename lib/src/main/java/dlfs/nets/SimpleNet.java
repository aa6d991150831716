package dlfs.nets;

import dlfs.functions.Activations;
import dlfs.functions.Losses;
import dlfs.gradient.NumericalGradient;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ch4's simpleNet ("梯度法实现"): a single 2×3 weight matrix W, {@code predict(x) = x·W},
 * {@code loss = cross_entropy(softmax(x·W), t)}, and the gradient ∂L/∂W found numerically: the
 * first network whose gradient the book computes.
 */
public final class SimpleNet implements Net {
    private final NDArray W;

    /** W = N(0, 1) of shape (2, 3), as {@code np.random.randn(2, 3)}. */
    public SimpleNet(Rng rng) {
        this(rng.randn(2, 3));
    }

    /** A SimpleNet with given weights (e.g. the book's printed W), shape (inputs, classes). */
    public SimpleNet(NDArray W) {
        if (W.ndim() != 2) throw new ShapeException("SimpleNet: W must be 2-D, got " + W.shapeString());
        this.W = W;
    }

    @Override
    public NDArray predict(NDArray x) {
        return x.dot(W);
    }

    @Override
    public double loss(NDArray x, NDArray t) {
        NDArray z = predict(x);
        NDArray y = Activations.softmax(z);
        return Losses.crossEntropyError(y, t);
    }

    /** ∂L/∂W by numerical differentiation, as the book does for simpleNet. */
    @Override
    public Map<String, NDArray> gradient(NDArray x, NDArray t) {
        return NumericalGradient.of(this, x, t);
    }

    @Override
    public Map<String, NDArray> params() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("W", W);
        return m;
    }

    public NDArray W() {
        return W;
    }
}
