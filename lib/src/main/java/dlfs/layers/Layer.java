package dlfs.layers;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * One node of the computational graph (ch5, "误差反向传播法"): {@code forward} computes the output
 * and caches what the local derivative needs; {@code backward} takes ∂L/∂out and returns
 * ∂L/∂in, storing the gradients of its own parameters. Layers with parameters expose them by
 * the book's names ({@code "W"}, {@code "b"}, {@code "gamma"}, {@code "beta"}) as the live arrays
 * an optimizer updates in place.
 */
public interface Layer {
    /** Forward pass in training mode. */
    NDArray forward(NDArray x);

    /** ∂L/∂x from ∂L/∂out; must follow a {@link #forward} call. */
    NDArray backward(NDArray dout);

    /**
     * Forward pass in training ({@code train = true}) or inference mode; only layers that behave
     * differently (Dropout, BatchNormalization; ch6) override it.
     */
    default NDArray forward(NDArray x, boolean train) {
        return forward(x);
    }

    /**
     * Only the gradients of this layer's own parameters, without ∂L/∂x: what a network's first
     * layer needs, since its input is the data. Layers that can skip the work (Affine,
     * Convolution) override it; by default it is {@link #backward} with the result dropped.
     */
    default void backwardParams(NDArray dout) {
        backward(dout);
    }

    /**
     * Whether weight decay (ch6 "权值衰减", ½λ‖W‖² in the loss) applies to the parameter of this
     * name: a layer's weights do (Affine's and Convolution's W), biases and BatchNorm's γ and β do
     * not. False by default.
     */
    default boolean decays(String name) {
        return false;
    }

    /** This layer's parameters by name (live arrays, updated in place); empty if it has none. */
    default Map<String, NDArray> params() {
        return Map.of();
    }

    /** Gradients from the last {@link #backward}, by the same names as {@link #params()}. */
    default Map<String, NDArray> grads() {
        return Map.of();
    }

    /**
     * Two named arrays in this order, the usual shape of {@link #params()} and {@link #grads()}:
     * {@code {"W": W, "b": b}} or {@code {"gamma": gamma, "beta": beta}}.
     */
    static Map<String, NDArray> pair(String firstName, NDArray first, String secondName, NDArray second) {
        Map<String, NDArray> m = new java.util.LinkedHashMap<>();
        m.put(firstName, first);
        m.put(secondName, second);
        return m;
    }
}
