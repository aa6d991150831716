package dlfs.exercises.ch5;

/**
 * Exercise ch5 — the addition node of a computational graph ("加法层").
 * <pre>
 *   forward:  out = x + y
 *   backward: ∂L/∂x = dout · 1,   ∂L/∂y = dout · 1     (the gradient passes through unchanged)
 * </pre>
 * backward returns {dx, dy}. Together with multiplication nodes it computes the book's
 * apples-and-oranges graph: 2 apples at 100 and 3 oranges at 150 with tax 1.1 cost 715, and the
 * gradients are ∂/∂apple-count 110, ∂/∂apple 2.2, ∂/∂orange 3.3, ∂/∂orange-count 165, ∂/∂tax 650.
 *
 * <p><b>中文：</b>练习 ch5 —— 计算图的加法节点（加法层），公式见上文：
 * 反向传播时，上游传来的导数原封不动地传给两个输入。backward 返回 {dx, dy}。
 * 与乘法节点一起，可以计算书中购买苹果和橘子的计算图：2 个单价 100 的苹果和 3 个单价 150 的橘子，
 * 消费税 1.1，总金额为 715；各个导数为：∂/∂苹果个数 110，∂/∂苹果单价 2.2，
 * ∂/∂橘子单价 3.3，∂/∂橘子个数 165，∂/∂消费税 650。
 */
public final class AdditionLayer {
    public double forward(double x, double y) {
        throw new UnsupportedOperationException("ch5 AdditionLayer.forward: see this class's Javadoc and the book's sections 5.3.1 (加法节点的反向传播) and 5.4.2 (加法层的实现)"
                + "; %hint ch5.AdditionLayer gives hints");
    }

    /** {dx, dy}. */
    public double[] backward(double dout) {
        throw new UnsupportedOperationException("ch5 AdditionLayer.backward: see this class's Javadoc and the book's sections 5.3.1 (加法节点的反向传播) and 5.4.2 (加法层的实现)"
                + "; %hint ch5.AdditionLayer gives hints");
    }
}
