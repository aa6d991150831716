package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Arrays;

/**
 * Addition node of ch5's computational graph (5.4.2 "加法层的实现"): forward {@code out = x + y};
 * backward passes the upstream gradient on unchanged to both inputs
 * ({@code ∂L/∂x = ∂L/∂y = dout·1}), so it needs nothing from the forward pass.
 * <pre>
 *   double all = add.forward(applePrice, orangePrice);
 *   var d = add.backward(1.1);                         // dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
 *   d.dx();  d.dy();                                   // 1.1, 1.1
 * </pre>
 */
public final class AddLayer {
    public double forward(double x, double y) {
        return x + y;
    }

    /** dx, dy = dout·1, dout·1. */
    public InputGrads<Double> backward(double dout) {
        return new InputGrads<>(dout * 1, dout * 1);
    }

    public NDArray forward(NDArray x, NDArray y) {
        if (!Arrays.equals(x.shape(), y.shape()))
            throw new ShapeException("AddLayer: x " + x.shapeString() + " and y " + y.shapeString() + " must have the same shape");
        return x.add(y);
    }

    /** dx, dy = dout, dout (two copies, so that changing one leaves the other alone). */
    public InputGrads<NDArray> backward(NDArray dout) {
        return new InputGrads<>(dout.copy(), dout.copy());
    }
}
