package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.Relu;
import dlfs.layers.SigmoidWithLoss;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.optim.Momentum;
import dlfs.optim.Optimizer;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * Built from the ch5 layers: Affine1 → Relu1 → Affine2 → SigmoidWithLoss.
 */
public final class Bp1024Net implements Net {
    public static final int HIDDEN = 1024, BATCH_SIZE = 256, EPOCHS = 10;
    public static final double MOMENTUM = 0.9, LEARNING_RATE = 0.1;

    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Affine affine1, affine2;
    private final Relu relu1 = new Relu();
    private final SigmoidWithLoss lastLayer = new SigmoidWithLoss();
    private double lastLoss = Double.NaN;

    /** 784-1024-10 with the seed's init. */
    public Bp1024Net(Rng rng) {
        this(784, HIDDEN, 10, rng);
    }

    public Bp1024Net(int inputSize, int hiddenSize, int outputSize, Rng rng) {
        params.put("input_to_hidden", Init.kaimingFanSum(inputSize, hiddenSize, rng));
        params.put("hidden_bias", NDArray.zeros(1, hiddenSize));
        params.put("hidden_to_output", Init.kaimingFanSum(hiddenSize, outputSize, rng));
        params.put("output_bias", NDArray.zeros(1, outputSize));
        affine1 = new Affine(params.get("input_to_hidden"), params.get("hidden_bias"));
        affine2 = new Affine(params.get("hidden_to_output"), params.get("output_bias"));
    }

    /** SGD with momentum 0.9 and {@link #LEARNING_RATE}, as the seed trains it. */
    public static Optimizer seedOptimizer() {
        return new Momentum(LEARNING_RATE, MOMENTUM);
    }

    /** The output scores before the sigmoid (argmax = predicted class). */
    @Override
    public NDArray predict(NDArray x) {
        return affine2.forward(relu1.forward(affine1.forward(x)));
    }

    @Override
    public double loss(NDArray x, NDArray t) {
        return lastLayer.forward(predict(x), t);
    }

    @Override
    public Map<String, NDArray> gradient(NDArray x, NDArray t) {
        lastLoss = loss(x, t);
        NDArray dout = lastLayer.backward();
        dout = affine2.backward(dout);
        dout = relu1.backward(dout);
        affine1.backwardParams(dout); // the data needs no gradient
        Map<String, NDArray> g = new LinkedHashMap<>();
        g.put("input_to_hidden", affine1.dW());
        g.put("hidden_bias", affine1.db());
        g.put("hidden_to_output", affine2.dW());
        g.put("output_bias", affine2.db());
        return g;
    }

    @Override
    public double lastLoss() {
        return lastLoss;
    }

    @Override
    public Map<String, NDArray> params() {
        return params;
    }
}
