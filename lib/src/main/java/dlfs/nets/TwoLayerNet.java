package dlfs.nets;

import dlfs.gradient.NumericalGradient;
import dlfs.layers.Affine;
import dlfs.layers.Layer;
import dlfs.layers.Relu;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's two-layer network (ch4 "构建初级神经网络", rebuilt from layers in ch5 "误差反向传播实现"):
 * ordered layers Affine1 → Relu1 → Affine2, then SoftmaxWithLoss for training.
 * Parameters W1 (input, hidden), b1, W2 (hidden, output), b2; weights start as
 * {@code weightInitStd · N(0, 1)}, biases at 0. {@link #numericalGradient} differentiates the
 * loss numerically (slow, simple); {@link #gradient} backpropagates through the layers in reverse
 * order (fast); the gradient check compares the two.
 */
public final class TwoLayerNet implements Net {
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    private double lastLoss = Double.NaN;

    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd, Rng rng) {
        params.put("W1", Init.normal(weightInitStd, inputSize, hiddenSize, rng));
        params.put("b1", NDArray.zeros(hiddenSize));
        params.put("W2", Init.normal(weightInitStd, hiddenSize, outputSize, rng));
        params.put("b2", NDArray.zeros(outputSize));
        layers.put("Affine1", new Affine(params.get("W1"), params.get("b1")));
        layers.put("Relu1", new Relu());
        layers.put("Affine2", new Affine(params.get("W2"), params.get("b2")));
    }

    /** With the book's default weight_init_std = 0.01. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Rng rng) {
        this(inputSize, hiddenSize, outputSize, 0.01, rng);
    }

    @Override
    public NDArray predict(NDArray x) {
        for (Layer layer : layers.values()) x = layer.forward(x);
        return x;
    }

    @Override
    public double loss(NDArray x, NDArray t) {
        NDArray y = predict(x);
        return lastLayer.forward(y, t);
    }

    /** ∂L/∂param by the central difference over every parameter element (ch4; very slow on big nets). */
    public Map<String, NDArray> numericalGradient(NDArray x, NDArray t) {
        return NumericalGradient.of(this, x, t);
    }

    /** ∂L/∂param by backpropagation: forward, then each layer's backward in reverse order (ch5). */
    @Override
    public Map<String, NDArray> gradient(NDArray x, NDArray t) {
        lastLoss = loss(x, t);
        NDArray dout = lastLayer.backward(1);
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);
        Affine a1 = (Affine) layers.get("Affine1"), a2 = (Affine) layers.get("Affine2");
        for (Layer layer : reversed) {
            if (layer == a1) a1.backwardParams(dout); // the data needs no gradient
            else dout = layer.backward(dout);
        }
        Map<String, NDArray> grads = new LinkedHashMap<>();
        grads.put("W1", a1.dW());
        grads.put("b1", a1.db());
        grads.put("W2", a2.dW());
        grads.put("b2", a2.db());
        return grads;
    }

    @Override
    public double lastLoss() {
        return lastLoss;
    }

    @Override
    public Map<String, NDArray> params() {
        return params;
    }

    /** The ordered layers by name: Affine1, Relu1, Affine2. */
    public Map<String, Layer> layers() {
        return Collections.unmodifiableMap(layers);
    }

    public SoftmaxWithLoss lastLayer() {
        return lastLayer;
    }

    @Override
    public String toString() {
        NDArray w1 = params.get("W1"), w2 = params.get("W2");
        return "TwoLayerNet(" + w1.shape(0) + "-" + w1.shape(1) + "-" + w2.shape(1) + ": Affine1, Relu1, Affine2, SoftmaxWithLoss)";
    }
}
