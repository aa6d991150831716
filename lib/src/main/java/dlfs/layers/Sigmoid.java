package dlfs.layers;

import dlfs.functions.Activations;
import dlfs.nd.NDArray;

/**
 * Sigmoid layer of ch5: {@code y = 1 / (1 + exp(−x))}; {@code ∂L/∂x = ∂L/∂y · y(1 − y)}, computed
 * from the forward output alone, which is all it keeps.
 */
public final class Sigmoid implements Layer {
    private NDArray out;

    @Override
    public NDArray forward(NDArray x) {
        out = Activations.sigmoid(x);
        return out;
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (out == null) throw new IllegalStateException("Sigmoid: backward before forward");
        if (dout.isFloat32() || out.isFloat32()) return dout.mul(out.rsub(1).mul(out)); // dout·y·(1 − y), in the operands' dtype
        double[] d = dout.data(), y = out.data();
        if (d.length != y.length)
            throw new dlfs.nd.ShapeException("Sigmoid: backward got dout " + dout.shapeString() + " but forward returned "
                    + out.shapeString());
        double[] dx = new double[d.length];
        for (int i = 0; i < d.length; i++) dx[i] = d[i] * (1.0 - y[i]) * y[i];
        return NDArray.of(dx, dout.shape());
    }
}
