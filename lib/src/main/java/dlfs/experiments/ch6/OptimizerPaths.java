package dlfs.experiments.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.AdaGrad;
import dlfs.optim.Adam;
import dlfs.optim.Momentum;
import dlfs.optim.Optimizer;
import dlfs.optim.SGD;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimizer comparison of ch6 (the book's {@code optimizer_compare_naive.py}): minimise
 * <pre>  f(x, y) = x²/20 + y²,   ∂f/∂x = x/10,   ∂f/∂y = 2y  </pre>
 * from (−7, 2), a bowl that is 20 times flatter along x than along y, so the gradient does not
 * point at the minimum (0, 0) and SGD zig-zags. Each path is the sequence of points the optimizer
 * visits, as plain arrays; {@code Plots.optimizerPaths(OptimizerPaths.bookComparison(),
 * OptimizerPaths::f, ...)} draws them over the contours of f (the book's four panels).
 */
public final class OptimizerPaths {
    /** Start point of the book's figure. */
    public static final double X0 = -7.0, Y0 = 2.0;
    /** Number of updates in the book's figure. */
    public static final int STEPS = 30;

    private OptimizerPaths() {
    }

    /** f(x, y) = x²/20 + y². */
    public static double f(double x, double y) {
        return x * x / 20.0 + y * y;
    }

    /**
     * The points visited by {@code opt} from (x0, y0) in {@code steps} updates:
     * {@code path[k] = {x_k, y_k}}, steps + 1 points with the start point first (the layout of
     * {@code GradientDescent}'s path and of {@code dlfs.plot.Plots.optimizerPaths}).
     */
    public static double[][] path(Optimizer opt, double x0, double y0, int steps) {
        if (steps < 0) throw new IllegalArgumentException("path: steps must be >= 0, got " + steps);
        NDArray x = NDArray.of(x0), y = NDArray.of(y0);
        Map<String, NDArray> params = new LinkedHashMap<>();
        params.put("x", x);
        params.put("y", y);
        NDArray gx = NDArray.zeros(1), gy = NDArray.zeros(1);
        Map<String, NDArray> grads = Map.of("x", gx, "y", gy);
        double[][] path = new double[steps + 1][];
        for (int i = 0; i <= steps; i++) {
            path[i] = new double[]{x.item(), y.item()};
            if (i == steps) break;
            gx.data()[0] = x.item() / 10.0;
            gy.data()[0] = 2.0 * y.item();
            opt.update(params, grads);
        }
        return path;
    }

    /** {@link #path(Optimizer, double, double, int)} from the book's (−7, 2) for 30 updates. */
    public static double[][] path(Optimizer opt) {
        return path(opt, X0, Y0, STEPS);
    }

    /**
     * The book's four panels: SGD (η = 0.95), Momentum (η = 0.1), AdaGrad (η = 1.5) and
     * Adam (η = 0.3), by name in that order.
     */
    public static Map<String, double[][]> bookComparison() {
        Map<String, double[][]> paths = new LinkedHashMap<>();
        paths.put("SGD", path(new SGD(0.95)));
        paths.put("Momentum", path(new Momentum(0.1)));
        paths.put("AdaGrad", path(new AdaGrad(1.5)));
        paths.put("Adam", path(new Adam(0.3)));
        return paths;
    }
}
