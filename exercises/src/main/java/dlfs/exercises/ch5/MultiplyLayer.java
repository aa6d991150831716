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
