package dlfs.exercises.ch4;

import dlfs.nd.NDArray;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/** Solution of exercise ch4 — central difference, numerical gradient over any shape, gradient descent. */
public final class Gradients {
    public static final double H = 1e-4;

    private Gradients() {
    }

    public static double numericalDiff(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    public static NDArray numericalGradient(ToDoubleFunction<NDArray> f, NDArray x) {
        double[] d = x.data();
        double[] g = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double tmp = d[i];
            d[i] = tmp + H;
            double fxh1 = f.applyAsDouble(x);
            d[i] = tmp - H;
            double fxh2 = f.applyAsDouble(x);
            g[i] = (fxh1 - fxh2) / (2 * H);
            d[i] = tmp;
        }
        return NDArray.of(g, x.shape());
    }

    public static NDArray gradientDescent(ToDoubleFunction<NDArray> f, NDArray initX, double lr, int stepNum) {
        NDArray x = initX.copy();
        for (int i = 0; i < stepNum; i++) x.axpyi(-lr, numericalGradient(f, x));
        return x;
    }
}
