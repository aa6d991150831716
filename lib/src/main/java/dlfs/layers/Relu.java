package dlfs.layers;

import dlfs.nd.NDArray;

/**
 * ReLU layer of ch5 (5.5.1): {@code y = x (x > 0), 0 (x ≤ 0)}; {@code ∂y/∂x = 1 (x > 0), 0 (x ≤ 0)},
 * so backward lets dout through where the input was positive and stops it elsewhere. As the book:
 * <pre>
 *   self.mask = (x &lt;= 0)            mask = x.le(0)
 *   out = x.copy(); out[self.mask] = 0   x.maskedFill(mask, 0)
 *   dout[self.mask] = 0; dx = dout     dout.maskedFill(mask, 0)
 * </pre>
 * ({@link NDArray#maskedFill} is the copy and the fill in one pass; dout is copied rather than
 * changed in place: the caller may still need it).
 */
public final class Relu implements Layer {
    private NDArray mask; // 1 where x <= 0

    @Override
    public NDArray forward(NDArray x) {
        mask = x.le(0);
        return x.maskedFill(mask, 0);
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (mask == null) throw new IllegalStateException("Relu: backward before forward");
        if (dout.size() != mask.size())
            throw new dlfs.nd.ShapeException("Relu: backward got dout " + dout.shapeString() + " but forward saw "
                    + mask.shapeString());
        return dout.maskedFill(mask.reshape(dout.shape()), 0);
    }
}
