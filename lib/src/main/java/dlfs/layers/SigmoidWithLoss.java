package dlfs.layers;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.functions.Losses;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/**
 * Sigmoid output with binary cross-entropy, the output of seed 002's hand-written BP net (each of
 * the 10 outputs is its own yes/no probability, not a softmax): forward
 * {@code p = sigmoid(x)}, {@code L = −Σ_k [t_k log p_k + (1 − t_k) log(1 − p_k)] / N}; backward
 * {@code ∂L/∂x = (p − t) / N} (the sigmoid's p(1 − p) cancels against the loss's derivative).
 * t may be one-hot (N, classes) or class labels (N), which are turned into one-hot rows.
 */
public final class SigmoidWithLoss implements LossLayer {
    private NDArray p, t;

    @Override
    public double forward(NDArray x, NDArray t) {
        if (x.ndim() != 2) throw new ShapeException("SigmoidWithLoss: scores must be (N, classes), got " + x.shapeString());
        this.t = Labels.oneHot("SigmoidWithLoss", t, x.shape(0), x.shape(1));
        p = Activations.sigmoid(x);
        return Losses.binaryCrossEntropy(p, this.t);
    }

    @Override
    public NDArray backward(double dout) {
        if (p == null) throw new IllegalStateException("SigmoidWithLoss: backward before forward");
        return p.sub(t).muli(dout / p.shape(0));
    }

    @Override
    public NDArray output() {
        return p;
    }
}
