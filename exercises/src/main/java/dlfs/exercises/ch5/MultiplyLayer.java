package dlfs.exercises.ch5;

/**
 * Exercise ch5 — the multiplication node of a computational graph ("乘法层").
 * <pre>
 *   forward:  out = x · y
 *   backward: ∂L/∂x = dout · y,   ∂L/∂y = dout · x     (the inputs swap places)
 * </pre>
 * forward must remember x and y for backward. backward returns {dx, dy}. The book's apple
 * example: 2 apples at 100 with tax 1.1 cost 220; backward(1) gives ∂price/∂apple = 2.2,
 * ∂price/∂count = 110, ∂price/∂tax = 200.
 *
 * <p><b>中文：</b>练习 ch5 —— 计算图的乘法节点（乘法层），公式见上文：
 * 反向传播时，上游的导数乘以另一个输入（两个输入“翻转”）。forward 必须为 backward 记住 x 和
 * y。backward 返回 {dx, dy}。书中购买苹果的例子：2 个单价 100 的苹果，
 * 消费税 1.1，总金额为 220；backward(1) 得到 ∂price/∂apple = 2.2，
 * ∂price/∂count = 110，∂price/∂tax = 200。
 */
public final class MultiplyLayer {
    public double forward(double x, double y) {
        throw new UnsupportedOperationException("ch5 MultiplyLayer.forward: see this class's Javadoc and the book's sections 5.3.2 (乘法节点的反向传播) and 5.4.1 (乘法层的实现)"
                + "; %hint ch5.MultiplyLayer gives hints");
    }

    /** {dx, dy}. */
    public double[] backward(double dout) {
        throw new UnsupportedOperationException("ch5 MultiplyLayer.backward: see this class's Javadoc and the book's sections 5.3.2 (乘法节点的反向传播) and 5.4.1 (乘法层的实现)"
                + "; %hint ch5.MultiplyLayer gives hints");
    }
}
