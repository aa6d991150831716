package dlfs.nets;

import dlfs.gradient.NumericalGradient;
import dlfs.layers.Affine;
import dlfs.layers.Relu;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

import java.util.Map;

/**
 * The book's two-layer network (ch4 "构建初级神经网络", rebuilt from layers in ch5 "误差反向传播实现"):
 * ordered layers Affine1 → Relu1 → Affine2, then SoftmaxWithLoss for training, as the kit's
 * {@link SequentialNet}. Parameters W1 (input, hidden), b1, W2 (hidden, output), b2; weights start
 * as {@code weightInitStd · N(0, 1)}, biases at 0. {@link #numericalGradient} differentiates the
 * loss numerically (slow, simple); {@link #gradient} backpropagates through the layers in reverse
 * order (fast); the gradient check compares the two.
 */
public final class TwoLayerNet extends SequentialNet {
    private final int inputSize, hiddenSize, outputSize;

    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd, Rng rng) {
        super("TwoLayerNet(input=" + inputSize + ", hidden=" + hiddenSize + ", output=" + outputSize + ")");
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        add("Affine1", new Affine(Init.normal(weightInitStd, inputSize, hiddenSize, rng), NDArray.zeros(hiddenSize)), "1");
        add("Relu1", new Relu(), null);
        add("Affine2", new Affine(Init.normal(weightInitStd, hiddenSize, outputSize, rng), NDArray.zeros(outputSize)), "2");
    }

    /** With the book's default weight_init_std = 0.01. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Rng rng) {
        this(inputSize, hiddenSize, outputSize, 0.01, rng);
    }

    /** ∂L/∂param by the central difference over every parameter element (ch4; very slow on big nets). */
    public Map<String, NDArray> numericalGradient(NDArray x, NDArray t) {
        return NumericalGradient.of(this, x, t);
    }

    @Override
    public String toString() {
        return "TwoLayerNet(" + inputSize + "-" + hiddenSize + "-" + outputSize + ": Affine1, Relu1, Affine2, SoftmaxWithLoss)";
    }
}
