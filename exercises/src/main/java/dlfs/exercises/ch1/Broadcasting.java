package dlfs.exercises.ch1;

import dlfs.nd.NDArray;

/**
 * Exercise ch1 — NumPy's broadcasting ("广播"), written by hand: how two arrays of different
 * shapes combine element by element.
 * <pre>
 *   shapes a (a₁, …, a_m) and b (b₁, …, b_n): line them up on the right and pad the shorter one
 *   with 1s on the left; on every axis the two sizes must be equal or one of them 1, and the
 *   result takes the larger.
 *     (2, 3) and (3)        → (2, 3)          (4, 1) and (3)     → (4, 3)
 *     (2, 1, 3) and (4, 1)  → (2, 4, 3)       (5) and ()         → (5)
 *     (2, 3) and (4)        → error           (2, 3) and (3, 2)  → error
 *   add:  out[i₁, …, i_k] = a[…] + b[…], where each operand is read at the result's index on its
 *         own (right-aligned) axes, and at index 0 on an axis where its size is 1
 * </pre>
 * The book's example (1.5.5): A = [[1, 2], [3, 4]] and B = [10, 20] give A + B = [[11, 22], [13, 24]]:
 * B is used as if repeated for every row. {@link #broadcastShape} returns the result shape as a
 * new array; {@link #add} returns a new array of that shape and leaves a and b as they were. Shapes
 * that do not broadcast are an IllegalArgumentException whose message names both shapes as the
 * kit prints them, e.g. "(2, 3)" and "(4,)" ({@code dlfs.nd.ShapeException.fmt} writes a shape so).
 * Write add with your own index loops (read and write through {@code get}/{@code set} or
 * {@code data()}): NDArray's own broadcasting operations ({@code add}, {@code sub},
 * {@code mul}, {@code broadcastTo}, {@code broadcastShape}, …) are what this exercise replaces.
 *
 * <p><b>中文：</b>练习 ch1 —— 亲手实现 NumPy 的广播：两个形状不同的数组如何逐元素地组合在一起。
 * 规则和公式见上文：把两个形状右对齐，较短的一个在左边补 1；每个轴上两个大小必须相等或其中一个为
 * 1，结果取较大的那个；每个运算数按自己的（右对齐的）轴读取结果的下标，
 * 在大小为 1 的轴上读下标 0。
 *
 * <p>书中的例子（1.5.5 广播）：A = [[1, 2], [3, 4]]，B = [10, 20]，
 * A + B = [[11, 22], [13, 24]]：B 被当作对每一行都重复了一遍。{@link #broadcastShape} 以新数组的形式返回结果的形状；
 * {@link #add} 返回一个该形状的新数组，a 和 b 保持不变。无法广播的形状抛出 IllegalArgumentException，
 * 消息按本套件打印形状的方式写出两个形状，例如 "(2, 3)" 和 "(4,)"（{@code dlfs.nd.ShapeException.fmt}
 * 就是这样写形状的）。add 要用你自己的下标循环来写（通过 {@code get}/{@code set} 或 {@code data()}
 * 读写）：本练习要替代的正是 NDArray 自带的广播运算（{@code add}、
 * {@code sub}、{@code mul}、{@code broadcastTo}、{@code broadcastShape} 等）。
 */
public final class Broadcasting {
    private Broadcasting() {
    }

    public static int[] broadcastShape(int[] a, int[] b) {
        throw new UnsupportedOperationException("ch1 Broadcasting.broadcastShape: see this class's Javadoc and the book's section 1.5.5 (广播)"
                + "; %hint ch1.Broadcasting gives hints");
    }

    public static NDArray add(NDArray a, NDArray b) {
        throw new UnsupportedOperationException("ch1 Broadcasting.add: see this class's Javadoc and the book's section 1.5.5 (广播)"
                + "; %hint ch1.Broadcasting gives hints");
    }
}
