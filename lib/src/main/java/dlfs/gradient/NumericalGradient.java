package dlfs.gradient;

import dlfs.Course;
import dlfs.nd.NDArray;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Numerical differentiation of ch4 ("数值微分"), by the central difference
 * {@code df/dx ≈ (f(x + h) − f(x − h)) / 2h} with h = 1e-4: small enough to approximate the
 * limit, large enough not to vanish in rounding (h = 1e-50 would give 0).
 */
public final class NumericalGradient {
    /** The book's h = 1e-4. */
    public static final double H = 1e-4;

    private NumericalGradient() {
    }

    /** {@code (f(x+h) − f(x−h)) / 2h}: numerical_diff(0.01x² + 0.1x, 5) = 0.1999999999990898. */
    public static double numericalDiff(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    /**
     * The gradient of f at x, an array of any shape: each element in turn is moved by ±h in place,
     * f is evaluated, and the element is restored. The gradient of x0² + x1² at (3, 4) is (6, 8).
     */
    public static NDArray numericalGradient(ToDoubleFunction<NDArray> f, NDArray x) {
        return numericalGradient(() -> f.applyAsDouble(x), x);
    }

    /**
     * The gradient of a loss with respect to a live parameter array: {@code loss} must read
     * {@code param} (as the book's {@code lambda W: net.loss(x, t)} reads net.W).
     */
    public static NDArray numericalGradient(DoubleSupplier loss, NDArray param) {
        double[] d = param.data();
        double[] g = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            Course.stopIfInterrupted();
            double tmp = d[i];
            d[i] = tmp + H;
            double fxh1 = loss.getAsDouble();
            d[i] = tmp - H;
            double fxh2 = loss.getAsDouble();
            g[i] = (fxh1 - fxh2) / (2 * H);
            d[i] = tmp;
        }
        return NDArray.of(g, param.shape());
    }

    /**
     * ∂loss/∂param for every parameter of any {@link Differentiable} (every {@code dlfs.nets.Net}), by perturbing each live parameter
     * element and recomputing {@code net.loss(x, t)} (ch4's {@code TwoLayerNet.numerical_gradient}).
     */
    public static Map<String, NDArray> of(Differentiable net, NDArray x, NDArray t) {
        return of(() -> net.loss(x, t), net.params());
    }

    /**
     * ∂loss/∂array for each of the named live arrays that {@code loss} reads, by the same names and
     * in the same order: {@link #numericalGradient(DoubleSupplier, NDArray)} of each.
     */
    public static Map<String, NDArray> of(DoubleSupplier loss, Map<String, NDArray> arrays) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) grads.put(e.getKey(), numericalGradient(loss, e.getValue()));
        return grads;
    }
}
