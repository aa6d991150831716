package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.Relu;
import dlfs.layers.SigmoidWithLoss;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.optim.Momentum;
import dlfs.optim.Optimizer;


/**
 * The setup of seed 002 ("彻底理解BP之手写BP图像分类", after shouxieai's bp-cpp), with its names:
 * <pre>
 *   input_to_hidden (784×1024), hidden_bias (1×1024), hidden_to_output (1024×10), output_bias (1×10)
 *   hidden_act  = (x @ input_to_hidden + hidden_bias).relu()
 *   probability = (hidden_act @ hidden_to_output + output_bias).sigmoid()
 *   loss = binary cross-entropy of probability against the one-hot y, averaged over the batch
 * </pre>
 * Note the output: ten independent sigmoids with binary cross-entropy, not a softmax. Weights use
 * the seed's "Kaiming init with fan_in + fan_out" ({@link Init#kaimingFanSum}, really a
 * Glorot/Xavier scale; {@link Init#he} is the book's He init for comparison), biases start at 0.
 * Trained with SGD momentum 0.9, batch 256, 10 epochs ({@link #seedOptimizer()}, {@link #BATCH_SIZE},
 * {@link #EPOCHS}); the tutorial does not give the learning rate, {@link #LEARNING_RATE} is ours.
 * The kit's {@link SequentialNet} of the ch5 layers: Affine1 → Relu1 → Affine2 → SigmoidWithLoss.
 */
public final class Bp1024Net extends SequentialNet {
    public static final int HIDDEN = 1024, BATCH_SIZE = 256, EPOCHS = 10;
    public static final double MOMENTUM = 0.9, LEARNING_RATE = 0.1;

    /** 784-1024-10 with the seed's init. */
    public Bp1024Net(Rng rng) {
        this(784, HIDDEN, 10, rng);
    }

    public Bp1024Net(int inputSize, int hiddenSize, int outputSize, Rng rng) {
        super("Bp1024Net(input=" + inputSize + ", hidden=" + hiddenSize + ", output=" + outputSize + ", sigmoid outputs)",
                new SigmoidWithLoss());
        addNamed("Affine1", new Affine(Init.kaimingFanSum(inputSize, hiddenSize, rng), NDArray.zeros(1, hiddenSize)),
                "input_to_hidden", "hidden_bias");
        add("Relu1", new Relu(), null);
        addNamed("Affine2", new Affine(Init.kaimingFanSum(hiddenSize, outputSize, rng), NDArray.zeros(1, outputSize)),
                "hidden_to_output", "output_bias");
    }

    /** SGD with momentum 0.9 and {@link #LEARNING_RATE}, as the seed trains it. */
    public static Optimizer seedOptimizer() {
        return new Momentum(LEARNING_RATE, MOMENTUM);
    }
}
