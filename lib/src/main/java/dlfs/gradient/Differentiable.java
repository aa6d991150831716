package dlfs.gradient;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * A loss of a batch that depends on named, live parameter arrays: what ch4's
 * {@code numerical_gradient(f, net.W)} needs of a network, and all that
 * {@link NumericalGradient#of(Differentiable, NDArray, NDArray)} asks for. Every
 * {@code dlfs.nets.Net} is one; keeping it here lets the gradient package stand below the nets.
 */
public interface Differentiable {
    /** The loss on a batch, reading the arrays of {@link #params()}. */
    double loss(NDArray x, NDArray t);

    /** The parameters by name, as the live arrays the loss reads. */
    Map<String, NDArray> params();
}
