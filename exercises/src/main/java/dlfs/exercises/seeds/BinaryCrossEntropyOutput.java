package dlfs.exercises.seeds;

import dlfs.layers.LossLayer;
import dlfs.nd.NDArray;

/**
 * Exercise seed 002 — the output of the "hidden 1024 + momentum" net: ten independent sigmoids
 * with binary cross-entropy, not a softmax ({@code probability = (hidden_act @ hidden_to_output +
 * output_bias).sigmoid()}), and the seed's weight initialisation beside He's.
 * <pre>
 *   forward:  y = sigmoid(a)                                     a, y (N, K)
 *             L = −Σ_{n,k} [t·log(y + δ) + (1 − t)·log(1 − y + δ)] / N,   δ = 1e-7
 *             (summed over the K outputs, averaged over the batch, as dlfs.functions.Losses does)
 *   backward: ∂L/∂a = dout · (y − t) / N
 * </pre>
 * The backward is that simple because the sigmoid's derivative y(1 − y) cancels against the
 * loss's ∂L/∂y = (y − t) / (y(1 − y)) / N. t is one-hot (N, K) or class labels (N)
 * ({@code dlfs.functions.Labels.oneHot} turns labels into rows). The δ keeps log(0) away: a = −1000
 * with t = 1 gives y = 0 and must still give a finite loss. Write the loss yourself; you may use
 * {@code dlfs.functions.Activations.sigmoid}. {@link #output()} is y of the last forward.
 *
 * <p>Initialisation: seed 002 says "Kaiming init with fan_in + fan_out", σ = √(2/(fan_in + fan_out))
 * (which is really Glorot/Xavier's normal scale); He's init for ReLU in the book is σ = √(2/fan_in).
 */
public final class BinaryCrossEntropyOutput implements LossLayer {
    @Override
    public double forward(NDArray a, NDArray t) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.forward: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    @Override
    public NDArray backward(double dout) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.backward: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    @Override
    public NDArray output() {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.output: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    /** Seed 002's weight standard deviation √(2/(fanIn + fanOut)). */
    public static double kaimingFanSumStd(int fanIn, int fanOut) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.kaimingFanSumStd: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }

    /** He's weight standard deviation √(2/fanIn) (ch6). */
    public static double heStd(int fanIn) {
        throw new UnsupportedOperationException("seed 002 BinaryCrossEntropyOutput.heStd: see this class's Javadoc and seed 002's notes (hidden 1024, sigmoid output, Kaiming/He init)"
                + "; %hint seeds.BinaryCrossEntropyOutput gives hints");
    }
}
