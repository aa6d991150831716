package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.BatchNormalization;
import dlfs.layers.Dropout;
import dlfs.layers.Layer;
import dlfs.layers.Relu;
import dlfs.layers.Sigmoid;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

import java.util.Arrays;
import java.util.Locale;

/**
 * The book's fully connected net of any depth (ch6, {@code common/multi_layer_net.py}):
 * <pre>
 *   (Affine → activation) × hidden layers → Affine → SoftmaxWithLoss
 * </pre>
 * with the activation ("relu" or "sigmoid") and the weight init ("relu"/"he" = √(2/n),
 * "sigmoid"/"xavier" = √(1/n), or a number such as "0.01"; see {@link Init#stdFor}) chosen by name,
 * and L2 weight decay: ½λΣ‖W‖² is added to the loss and λ·W to each weight's gradient.
 * Parameters W1, b1, …, W(L+1), b(L+1).
 *
 * @see MultiLayerNetExtend for the version with BatchNormalization and Dropout
 */
public class MultiLayerNet extends SequentialNet {
    private final int[] hidden;

    /** Book defaults: activation "relu", init "relu" (He), no weight decay. */
    public MultiLayerNet(int inputSize, int[] hiddenSizes, int outputSize, Rng rng) {
        this(inputSize, hiddenSizes, outputSize, "relu", "relu", 0, rng);
    }

    public MultiLayerNet(int inputSize, int[] hiddenSizes, int outputSize, String activation, String weightInit,
                         double weightDecayLambda, Rng rng) {
        this("MultiLayerNet", inputSize, hiddenSizes, outputSize, activation, weightInit, weightDecayLambda, false, 0, false, rng);
    }

    MultiLayerNet(String kind, int inputSize, int[] hiddenSizes, int outputSize, String activation, String weightInit,
                  double weightDecayLambda, boolean useDropout, double dropoutRatio, boolean useBatchnorm, Rng rng) {
        super(describe(kind, inputSize, hiddenSizes, outputSize,
                activation, useDropout, dropoutRatio, useBatchnorm));
        if (inputSize <= 0 || outputSize <= 0) throw new IllegalArgumentException("MultiLayerNet: sizes must be positive, got input "
                + inputSize + ", output " + outputSize);
        for (int h : hiddenSizes)
            if (h <= 0) throw new IllegalArgumentException("MultiLayerNet: hidden sizes must be positive, got " + Arrays.toString(hiddenSizes));
        this.hidden = hiddenSizes.clone();
        weightDecay(weightDecayLambda);
        int prev = inputSize;
        for (int i = 0; i < hiddenSizes.length; i++) {
            int k = i + 1, size = hiddenSizes[i];
            add("Affine" + k, new Affine(Init.normal(Init.stdFor(weightInit, prev), prev, size, rng), NDArray.zeros(size)), String.valueOf(k));
            if (useBatchnorm) add("BatchNorm" + k, BatchNormalization.of(size), String.valueOf(k));
            add("Activation_function" + k, activation(activation), null);
            if (useDropout) add("Dropout" + k, new Dropout(dropoutRatio, rng), null);
            prev = size;
        }
        int last = hiddenSizes.length + 1;
        add("Affine" + last, new Affine(Init.normal(Init.stdFor(weightInit, prev), prev, outputSize, rng), NDArray.zeros(outputSize)),
                String.valueOf(last));
    }

    private static String describe(String kind, int in, int[] hidden, int out, String activation, boolean dropout, double ratio, boolean bn) {
        String s = kind + "(input=" + in + ", hidden=" + Arrays.toString(hidden) + ", output=" + out + ", activation="
                + activation.trim().toLowerCase(Locale.ROOT);
        if (kind.endsWith("Extend")) s += ", batchnorm=" + bn + ", dropout=" + (dropout ? String.valueOf(ratio) : "none");
        return s + ")";
    }

    /** A new activation layer by name: "relu" or "sigmoid" (the book's two). */
    public static Layer activation(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "relu" -> new Relu();
            case "sigmoid" -> new Sigmoid();
            default -> throw new IllegalArgumentException("MultiLayerNet: activation '" + name + "' is not 'relu' or 'sigmoid'");
        };
    }

    public int[] hiddenSizes() {
        return hidden.clone();
    }
}
