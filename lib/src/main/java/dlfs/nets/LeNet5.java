package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.Convolution;
import dlfs.layers.Pooling;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

import java.util.Map;

/**
 * LeNet-5 (LeCun et al. 1998; ch7 "CNN架构设计"), assembled from the library's layers:
 * <pre>
 *   C1 conv 6 × 5×5 (pad 2: 28 → 28) → act → S2 pool 2×2 (→ 14)
 *   C3 conv 16 × 5×5 (→ 10) → act → S4 pool 2×2 (→ 5)
 *   F5 affine 400 → 120 → act → F6 affine 84 → act → output affine 10 → SoftmaxWithLoss
 * </pre>
 * The seed notes how it differs from today's CNNs: the original uses sigmoid and subsampling
 * (average pooling) where current nets use ReLU and max pooling. This build uses max pooling
 * (the library's {@link Pooling}) and the activation by name ("sigmoid" as the original, or
 * "relu"), with Xavier init for sigmoid and He init for ReLU.
 */
public class LeNet5 extends SequentialNet {
    private static final int[] INPUT = {1, 28, 28};

    public LeNet5(String activation, Rng rng) {
        super("LeNet5(input=(1, 28, 28), activation=" + activation.trim().toLowerCase(java.util.Locale.ROOT) + ")");
        imageInput(INPUT);
        String init = activation;
        add("C1", new Convolution(rng.randn(6, 1, 5, 5).muli(Init.stdFor(init, 25)), NDArray.zeros(6), 1, 2), "1");
        add("Act1", MultiLayerNet.activation(activation), null);
        add("S2", new Pooling(2), null);
        add("C3", new Convolution(rng.randn(16, 6, 5, 5).muli(Init.stdFor(init, 150)), NDArray.zeros(16), 1, 0), "2");
        add("Act3", MultiLayerNet.activation(activation), null);
        add("S4", new Pooling(2), null);
        add("F5", new Affine(Init.normal(Init.stdFor(init, 400), 400, 120, rng), NDArray.zeros(120)), "3");
        add("Act5", MultiLayerNet.activation(activation), null);
        add("F6", new Affine(Init.normal(Init.stdFor(init, 120), 120, 84, rng), NDArray.zeros(84)), "4");
        add("Act6", MultiLayerNet.activation(activation), null);
        add("Output", new Affine(Init.normal(Init.stdFor(init, 84), 84, 10, rng), NDArray.zeros(10)), "5");
    }
}
