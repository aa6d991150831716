package dlfs.exercises.ch3;

import dlfs.nd.NDArray;

/**
 * Exercise ch3 — activation functions ("激活函数"), elementwise on an array of any shape.
 * <pre>
 *   step:    h(x) = 1 if x &gt; 0 else 0
 *   sigmoid: h(x) = 1 / (1 + exp(−x))
 *   ReLU:    h(x) = max(0, x)
 * </pre>
 * Each returns a new array of the same shape as x, (N, D) in (N, D) out, and leaves x unchanged.
 * sigmoid must stay finite for large |x|: sigmoid(−1000) = 0 and sigmoid(1000) = 1, not NaN.
 * Use the library's NDArray ({@code map}, {@code gt}, {@code maximum}, {@code exp}, ...).
 *
 * <p><b>中文：</b>练习 ch3 —— 激活函数：阶跃函数、sigmoid 函数和 ReLU 函数（公式见上文），
 * 对任意形状的数组逐元素计算。每个函数都返回一个与 x 形状相同的新数组，
 * 输入 (N, D) 则输出 (N, D)，x 保持不变。|x| 很大时 sigmoid 也必须是有限值：
 * sigmoid(−1000) = 0，sigmoid(1000) = 1，而不是 NaN。请使用库中的 NDArray（{@code map}、
 * {@code gt}、{@code maximum}、{@code exp} 等）。
 */
public final class ActivationFunctions {
    private ActivationFunctions() {
    }

    /** The step function: 1 where x &gt; 0, 0 elsewhere (0 at x = 0). */
    public static NDArray step(NDArray x) {
        throw new UnsupportedOperationException("ch3 ActivationFunctions.step: see this class's Javadoc and the book's sections 3.2.3 (阶跃函数的图形), 3.2.4 (sigmoid函数的实现) and 3.2.7 (ReLU函数)"
                + "; %hint ch3.ActivationFunctions gives hints");
    }

    /** The sigmoid 1 / (1 + exp(−x)), elementwise. */
    public static NDArray sigmoid(NDArray x) {
        throw new UnsupportedOperationException("ch3 ActivationFunctions.sigmoid: see this class's Javadoc and the book's sections 3.2.3 (阶跃函数的图形), 3.2.4 (sigmoid函数的实现) and 3.2.7 (ReLU函数)"
                + "; %hint ch3.ActivationFunctions gives hints");
    }

    /** ReLU max(0, x), elementwise. */
    public static NDArray relu(NDArray x) {
        throw new UnsupportedOperationException("ch3 ActivationFunctions.relu: see this class's Javadoc and the book's sections 3.2.3 (阶跃函数的图形), 3.2.4 (sigmoid函数的实现) and 3.2.7 (ReLU函数)"
                + "; %hint ch3.ActivationFunctions gives hints");
    }
}
