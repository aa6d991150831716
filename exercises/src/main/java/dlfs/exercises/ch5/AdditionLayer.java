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
