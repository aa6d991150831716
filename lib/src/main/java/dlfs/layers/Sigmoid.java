package dlfs.layers;

import dlfs.functions.Activations;
import dlfs.nd.NDArray;

/**
 * Sigmoid layer of ch5 (5.5.2): {@code y = 1 / (1 + exp(−x))}; {@code ∂L/∂x = ∂L/∂y · y(1 − y)}, computed
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
        if (dout.size() != out.size())
            throw new dlfs.nd.ShapeException("Sigmoid: backward got dout " + dout.shapeString() + " but forward returned "
                    + out.shapeString());
        return dout.mul(out.rsub(1)).muli(out); // the book's dx = dout * (1.0 - self.out) * self.out
    }
}
