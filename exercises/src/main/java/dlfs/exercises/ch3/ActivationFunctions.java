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
