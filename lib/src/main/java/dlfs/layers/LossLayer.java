package dlfs.layers;

import dlfs.nd.NDArray;

/**
 * The last layer of a network during training (ch5): it takes the scores and the supervision
 * data t, returns the loss, and starts backpropagation with ∂L/∂scores.
 */
public interface LossLayer {
    /** The loss of scores x against t (class labels (N) or one-hot / target rows (N, classes)). */
    double forward(NDArray x, NDArray t);

    /** ∂L/∂x for the last forward, with ∂L/∂L = 1. */
    default NDArray backward() {
        return backward(1.0);
    }

    /** ∂L/∂x scaled by the upstream gradient dout (the book's {@code backward(dout=1)}). */
    NDArray backward(double dout);

    /** The output activation (probabilities) of the last forward. */
    NDArray output();
}
