package dlfs.layers;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Arrays;

/**
 * Addition node of ch5's computational graph ("加法层"): forward {@code out = x + y}; backward
 * passes the upstream gradient on unchanged to both inputs ({@code ∂L/∂x = ∂L/∂y = dout·1}),
 * so it needs nothing from the forward pass.
 */
public final class AddLayer {
    public double forward(double x, double y) {
        return x + y;
    }

    /** {dx, dy} = {dout·1, dout·1}. */
    public double[] backward(double dout) {
        return new double[]{dout * 1, dout * 1};
    }

    public NDArray forward(NDArray x, NDArray y) {
        if (!Arrays.equals(x.shape(), y.shape()))
            throw new ShapeException("AddLayer: x " + x.shapeString() + " and y " + y.shapeString() + " must have the same shape");
        return x.add(y);
    }

    public NDArray[] backward(NDArray dout) {
        return new NDArray[]{dout.copy(), dout.copy()};
    }
}
