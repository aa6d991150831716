package dlfs.gradient;

import dlfs.Course;
import dlfs.nd.NDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Gradient descent of ch4 ("梯度法"): {@code x ← x − η·∂f/∂x}, repeated stepNum times with the
 * numerical gradient. The learning rate η matters: on f = x0² + x1² from (−3, 4), η = 0.1 for
 * 100 steps ends near (0, 0); η = 10 diverges to a huge value; η = 1e-10 barely moves.
 */
public final class GradientDescent {
    private GradientDescent() {
    }

    /** The points visited (the start first, then one per step) and the final point. */
    public record Result(NDArray x, List<double[]> path) {
    }

    /** Runs gradient descent from a copy of initX (initX itself is left unchanged). */
    public static Result run(ToDoubleFunction<NDArray> f, NDArray initX, double lr, int stepNum) {
        if (!Double.isFinite(lr)) throw new IllegalArgumentException("gradientDescent: learning rate must be finite, got " + lr);
        if (stepNum < 0) throw new IllegalArgumentException("gradientDescent: stepNum must be >= 0, got " + stepNum);
        NDArray x = initX.copy();
        List<double[]> path = new ArrayList<>(stepNum + 1);
        path.add(x.toArray());
        for (int i = 0; i < stepNum; i++) {
            Course.stopIfInterrupted();
            NDArray grad = NumericalGradient.numericalGradient(f, x);
            x.axpyi(-lr, grad);
            path.add(x.toArray());
        }
        return new Result(x, path);
    }

    /** The book's {@code gradient_descent(f, init_x, lr, step_num)}: only the final point. */
    public static NDArray gradientDescent(ToDoubleFunction<NDArray> f, NDArray initX, double lr, int stepNum) {
        return run(f, initX, lr, stepNum).x();
    }
}
