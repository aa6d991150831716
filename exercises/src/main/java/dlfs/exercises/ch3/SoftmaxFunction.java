package dlfs.exercises.ch3;

import dlfs.nd.NDArray;

/**
 * Exercise ch3 — the softmax output layer ("softmax函数"), overflow-safe.
 * <pre>
 *   y_k = exp(a_k − C) / Σ_i exp(a_i − C),   C = max_i a_i
 * </pre>
 * Subtracting C leaves the result unchanged but keeps exp from overflowing:
 * softmax([1010, 1000, 990]) = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], where the
 * naive form gives NaN.
 *
 * <p>Shapes: a 1-D array (K) gives (K); a batch (N, K) is taken row by row (each row has its
 * own C) and gives (N, K) whose rows each sum to 1. A one-row batch (1, K) stays (1, K).
 * Leave {@code a} unchanged.
 *
 * <p><b>中文：</b>练习 ch3 —— 输出层的 softmax 函数，要防止溢出（3.5.2 实现softmax函数时的注意事项），
 * 公式见上文。减去 C 不会改变结果，却能防止 exp 溢出：softmax([1010, 1000, 990]) = [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]，
 * 而直接按定义计算会得到 NaN。
 *
 * <p>形状：一维数组 (K) 得到 (K)；批 (N, K) 逐行计算（每一行有自己的 C），
 * 得到 (N, K)，每一行之和都为 1。只有一行的批 (1, K) 仍然是 (1, K)。
 * 不要修改 {@code a}。
 */
public final class SoftmaxFunction {
    private SoftmaxFunction() {
    }

    public static NDArray softmax(NDArray a) {
        throw new UnsupportedOperationException("ch3 SoftmaxFunction.softmax: see this class's Javadoc and the book's sections 3.5.1 (恒等函数和softmax函数) and 3.5.2 (实现softmax函数时的注意事项)"
                + "; %hint ch3.SoftmaxFunction gives hints");
    }
}
