package dlfs.exercises.ch4;

import dlfs.nd.NDArray;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Exercise ch4 — numerical differentiation and gradient descent ("数值微分", "梯度法").
 * <pre>
 *   central difference:  df/dx ≈ (f(x + h) − f(x − h)) / 2h,   h = 1e-4
 *   gradient:            ∂f/∂x_i by the central difference on each element x_i in turn
 *   gradient descent:    x ← x − η · ∇f(x), repeated stepNum times
 * </pre>
 * {@code numericalGradient} works on an array of any shape (a vector, a weight matrix (D, M), ...)
 * and returns the gradient with the same shape. Change one element at a time in place, evaluate
 * f, and put the element back: when it returns, x must hold exactly its old values. Examples:
 * numericalDiff(0.01x² + 0.1x, 5) ≈ 0.2; the gradient of x0² + x1² at (3, 4) is (6, 8); gradient
 * descent on x0² + x1² from (−3, 4) with η = 0.1 for 100 steps ends within 1e-8 of (0, 0).
 */
public final class Gradients {
    public static final double H = 1e-4;

    private Gradients() {
    }

    public static double numericalDiff(DoubleUnaryOperator f, double x) {
        throw new UnsupportedOperationException("ch4 Gradients.numericalDiff: see this class's Javadoc and the book's sections 4.3.1 (导数), 4.4 (梯度) and 4.4.1 (梯度法)"
                + "; %hint ch4.Gradients gives hints");
    }

    public static NDArray numericalGradient(ToDoubleFunction<NDArray> f, NDArray x) {
        throw new UnsupportedOperationException("ch4 Gradients.numericalGradient: see this class's Javadoc and the book's sections 4.3.1 (导数), 4.4 (梯度) and 4.4.1 (梯度法)"
                + "; %hint ch4.Gradients gives hints");
    }

    /** Runs gradient descent from a copy of initX (leave initX unchanged) and returns the final x. */
    public static NDArray gradientDescent(ToDoubleFunction<NDArray> f, NDArray initX, double lr, int stepNum) {
        throw new UnsupportedOperationException("ch4 Gradients.gradientDescent: see this class's Javadoc and the book's sections 4.3.1 (导数), 4.4 (梯度) and 4.4.1 (梯度法)"
                + "; %hint ch4.Gradients gives hints");
    }
}
