package dlfs.nets;

import dlfs.Course;
import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.monitor.Divergence;

import java.io.PrintStream;
import java.util.Map;

/**
 * Softmax regression, as seed 003 ("神经网络基本概念") builds it for MNIST: one linear layer and a
 * softmax, trained with cross-entropy and plain gradient descent. The seed's shapes and formulas:
 * <pre>
 *   W = np.random.rand(num_classes, input_size) * 0.01       (10, 784), uniform in [0, 0.01)
 *   b = np.zeros((num_classes, 1))                           (10, 1)
 *   z = inputs · Wᵀ + bᵀ                                     forward_pass
 *   probs = softmax(z), clipped to [1e-10, 1]
 *   loss = −Σ y_true · log(probs) / N
 *   dL/dz = probs − y_true
 *   gradW = (dL/dz)ᵀ · inputs / N,  gradB = Σ_rows (dL/dz)ᵀ / N
 *   W ← W − η·gradW,  b ← b − η·gradB                        (η = 0.05)
 * </pre>
 * and its loop ({@link #trainLikeSeed}): 10 epochs over the training set in order, batch 100,
 * no shuffling. It is also a {@link Net}, so the {@link dlfs.train.Trainer} can train it with
 * random mini-batches.
 */
public final class SoftmaxRegression implements Net {
    /** The seed's hyperparameters. */
    public static final double LEARNING_RATE = 0.05;
    public static final int BATCH_SIZE = 100, EPOCHS = 10;

    private final NDArray W, b;

    public SoftmaxRegression(int inputSize, int numClasses, Rng rng) {
        this.W = rng.rand(numClasses, inputSize).muli(0.01);
        this.b = NDArray.zeros(numClasses, 1);
    }

    /** z = x·Wᵀ + bᵀ, (N, classes). */
    @Override
    public NDArray predict(NDArray x) {
        if (x.ndim() != 2 || x.shape(1) != W.shape(1))
            throw new ShapeException("SoftmaxRegression: input " + x.shapeString() + " must be (N, " + W.shape(1)
                    + ") to match W " + W.shapeString());
        return x.dott(W).addi(b.reshape(1, b.size()));
    }

    /** The probabilities softmax(z), clipped to [1e-10, 1] as the seed does before taking logs. */
    private NDArray probs(NDArray x) {
        return Activations.softmax(predict(x)).clip(1e-10, 1.0);
    }

    @Override
    public double loss(NDArray x, NDArray t) {
        NDArray probs = probs(x);
        NDArray yTrue = Labels.oneHot("SoftmaxRegression", t, x.shape(0), W.shape(0));
        return -yTrue.mul(probs.log()).sum() / x.shape(0);
    }

    @Override
    public Map<String, NDArray> gradient(NDArray x, NDArray t) {
        int n = x.shape(0);
        NDArray yTrue = Labels.oneHot("SoftmaxRegression", t, n, W.shape(0));
        NDArray dLdz = probs(x).subi(yTrue);                           // probs − y_true
        return Layer.pair("W", dLdz.tdot(x).divi(n),                 // (dL/dz)ᵀ · inputs / N
                "b", dLdz.sum(0).reshape(b.shape()).divi(n));            // Σ (dL/dz)ᵀ over the batch / N
    }

    @Override
    public Map<String, NDArray> params() {
        return Layer.pair("W", W, "b", b);
    }

    /**
     * The seed's train_model: for each epoch, batches [0, 100), [100, 200), ... in order, one
     * gradient step each with learning rate lr, printing {@code Epoch e/E, Loss: ...} (the last
     * batch's loss) after each epoch. Returns those per-epoch losses.
     */
    public double[] trainLikeSeed(NDArray xTrain, NDArray tTrain, double lr, int batchSize, int numEpochs, PrintStream out) {
        int n = xTrain.shape(0);
        if (tTrain.shape(0) != n)
            throw new ShapeException("SoftmaxRegression: inputs have " + n + " rows but labels " + tTrain.shapeString());
        double[] losses = new double[numEpochs];
        int step = 0;
        Divergence divergence = new Divergence("lr " + lr, lr, params(), true);
        for (int epoch = 0; epoch < numEpochs; epoch++) {
            double loss = Double.NaN;
            for (int start = 0; start < n; start += batchSize, step++) {
                Course.stopIfInterrupted();
                int end = Math.min(start + batchSize, n);
                NDArray inputs = xTrain.slice(start, end), labels = tTrain.slice(start, end);
                loss = loss(inputs, labels);
                divergence.check(step, loss, 0, params(), "step " + step + " (epoch " + (epoch + 1) + ")", null);
                Map<String, NDArray> g = gradient(inputs, labels);
                W.axpyi(-lr, g.get("W"));
                b.axpyi(-lr, g.get("b"));
            }
            losses[epoch] = loss;
            if (out != null) {
                out.printf("Epoch %d/%d, Loss: %s%n", epoch + 1, numEpochs, loss);
                out.flush();
            }
        }
        return losses;
    }

    public NDArray W() {
        return W;
    }

    public NDArray b() {
        return b;
    }
}
