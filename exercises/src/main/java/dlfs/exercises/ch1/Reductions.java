package dlfs.exercises.ch1;

import dlfs.nd.NDArray;

/**
 * Exercise ch1 — reductions along an axis ("沿轴归约"), as NumPy's {@code np.sum(x, axis, keepdims)},
 * {@code np.mean}, {@code np.max} and {@code np.argmax(x, axis)} (the book uses them from ch3 on,
 * e.g. {@code np.argmax(y, axis=1)} in 3.6.3 (批处理) and the bias gradient {@code np.sum(dout, axis=0)} in 5.6.2).
 * <pre>
 *   x of shape (d₀, …, d_{k−1}), axis a (0 ≤ a &lt; k; a negative axis counts from the end: −1 is the last)
 *   sum(x, a)[i₀, …, i_{a−1}, i_{a+1}, …]  = Σ over j &lt; d_a of x[i₀, …, i_{a−1}, j, i_{a+1}, …]
 *   mean = sum / d_a,   max = the largest of those d_a values,
 *   argmax = the j of the largest (the first such j on ties, as NumPy), as a double
 *   result shape: x's shape without axis a;  keepdims = true keeps it with size 1 instead
 *   x = [[1, 2, 3], [4, 5, 6]]:  sum(x, 0) = [5, 7, 9]   sum(x, 1) = [6, 15]   sum(x, 1, keepdims) = [[6], [15]] (2, 1)
 *                                max(x, 1) = [3, 6]      argmax(x, 0) = [1, 1, 1]
 * </pre>
 * It works for arrays of any number of dimensions (a 1-D array reduces to a 0-D one). x is left
 * as it is. An axis outside [−k, k) is an IllegalArgumentException. Write the loops yourself:
 * NDArray's own reductions ({@code sum}, {@code mean}, {@code max}, {@code min}, {@code argmax},
 * {@code var}) are what this exercise replaces.
 *
 * <p><b>中文：</b>练习 ch1 —— 沿某个轴的归约，对应 NumPy 的 {@code np.sum(x, axis, keepdims)}、
 * {@code np.mean}、{@code np.max} 和 {@code np.argmax(x, axis)}（书中从第 3 章起就会用到，
 * 例如 3.6.3 批处理中的 {@code np.argmax(y, axis=1)}，以及 5.6.2 中偏置的梯度 {@code np.sum(dout, axis=0)}）。
 * 公式和例子见上文：沿轴 a 求和、求平均值、求最大值；argmax 给出最大值所在的 j（有多个相同的最大值时取第一个，
 * 与 NumPy 相同），以 double 表示；负的轴从末尾数起（−1 是最后一个轴）。
 * 结果的形状是 x 的形状去掉轴 a；keepdims = true 时保留该轴，大小为 1。
 *
 * <p>对任意维数的数组都适用（一维数组归约为零维数组）。x 保持不变。
 * 轴超出 [−k, k) 时抛出 IllegalArgumentException。循环要自己写：本练习要替代的正是 NDArray 自带的归约（{@code sum}、
 * {@code mean}、{@code max}、{@code min}、{@code argmax}、{@code var}）。
 */
public final class Reductions {
    private Reductions() {
    }

    public static NDArray sum(NDArray x, int axis, boolean keepdims) {
        throw new UnsupportedOperationException("ch1 Reductions.sum: see this class's Javadoc and the book's sections 1.5 (NumPy) and 3.6.3 (批处理)"
                + "; %hint ch1.Reductions gives hints");
    }

    public static NDArray mean(NDArray x, int axis, boolean keepdims) {
        throw new UnsupportedOperationException("ch1 Reductions.mean: see this class's Javadoc and the book's sections 1.5 (NumPy) and 3.6.3 (批处理)"
                + "; %hint ch1.Reductions gives hints");
    }

    public static NDArray max(NDArray x, int axis, boolean keepdims) {
        throw new UnsupportedOperationException("ch1 Reductions.max: see this class's Javadoc and the book's sections 1.5 (NumPy) and 3.6.3 (批处理)"
                + "; %hint ch1.Reductions gives hints");
    }

    public static NDArray argmax(NDArray x, int axis) {
        throw new UnsupportedOperationException("ch1 Reductions.argmax: see this class's Javadoc and the book's sections 1.5 (NumPy) and 3.6.3 (批处理)"
                + "; %hint ch1.Reductions gives hints");
    }
}
