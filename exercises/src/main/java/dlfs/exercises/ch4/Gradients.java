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
 *
 * <p><b>中文：</b>练习 ch4 —— 数值微分和梯度法（梯度下降法），公式见上文：
 * 中心差分，h = 1e-4；梯度是对每个元素 x_i 依次用中心差分求出的偏导数；
 * 梯度下降法 x ← x − η · ∇f(x) 重复 stepNum 次（η 是学习率）。
 *
 * <p>{@code numericalGradient} 适用于任意形状的数组（向量、权重矩阵 (D, M) 等），
 * 返回形状相同的梯度。一次只原地改变一个元素，计算 f，再把这个元素恢复原值：
 * 返回时 x 必须与原来的值完全相同。例子：numericalDiff(0.01x² + 0.1x, 5) ≈ 0.2；
 * x0² + x1² 在 (3, 4) 处的梯度是 (6, 8)；对 x0² + x1² 从 (−3, 4) 出发、
 * 以 η = 0.1 进行 100 步梯度下降，结果与 (0, 0) 的差在 1e-8 以内。
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
