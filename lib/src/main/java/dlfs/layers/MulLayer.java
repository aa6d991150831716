package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Arrays;

/**
 * Multiplication node of ch5's computational graph (5.4.1 "乘法层的实现"): forward
 * {@code out = x·y}; backward swaps the inputs, {@code ∂L/∂x = dout·y}, {@code ∂L/∂y = dout·x},
 * so it keeps x and y from the forward pass. Works on plain numbers (the apple example) or on
 * same-shape arrays.
 * <pre>
 *   double price = mulTax.forward(applePrice, tax);     // price = mul_tax_layer.forward(apple_price, tax)
 *   var d = mulTax.backward(1.0);                      // dapple_price, dtax = mul_tax_layer.backward(dprice)
 *   d.dx();  d.dy();                                   // 1.1, 200
 * </pre>
 */
public final class MulLayer {
    private double x, y;
    private NDArray xa, ya;

    public double forward(double x, double y) {
        this.x = x;
        this.y = y;
        return x * y;
    }

    /** dx, dy = dout·y, dout·x (the inputs of the last forward, swapped). */
    public InputGrads<Double> backward(double dout) {
        double dx = dout * y;
        double dy = dout * x;
        return new InputGrads<>(dx, dy);
    }

    public NDArray forward(NDArray x, NDArray y) {
        if (!Arrays.equals(x.shape(), y.shape()))
            throw new ShapeException("MulLayer: x " + x.shapeString() + " and y " + y.shapeString() + " must have the same shape");
        this.xa = x;
        this.ya = y;
        return x.mul(y);
    }

    /** dx, dy = dout·y, dout·x for the arrays of the last array forward. */
    public InputGrads<NDArray> backward(NDArray dout) {
        if (xa == null) throw new IllegalStateException("MulLayer: backward(NDArray) needs a forward(NDArray, NDArray) first");
        return new InputGrads<>(dout.mul(ya), dout.mul(xa));
    }
}
