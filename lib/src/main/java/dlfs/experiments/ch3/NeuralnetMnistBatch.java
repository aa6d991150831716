package dlfs.experiments.ch3;

import dlfs.nd.NDArray;
import dlfs.nets.ThreeLayerNet;

import java.util.List;
import java.util.Map;
import dlfs.book.TestSet;

/**
 * The book's {@code ch03/neuralnet_mnist_batch.py} (3.6.3, "batch processing"): the same network
 * as {@link NeuralnetMnist}, fed 100 images at a time. The book first prints the shapes that make
 * this work, then the same accuracy:
 * <pre>
 *   &gt;&gt;&gt; x.shape       (10000, 784)
 *   &gt;&gt;&gt; x[0].shape    (784,)
 *   &gt;&gt;&gt; W1.shape      (784, 50)
 *   &gt;&gt;&gt; W2.shape      (50, 100)
 *   &gt;&gt;&gt; W3.shape      (100, 10)
 *
 *   batch_size = 100
 *   for i in range(0, len(x), batch_size):
 *       y_batch = predict(network, x[i:i+batch_size])
 *       p = np.argmax(y_batch, axis=1)
 *       accuracy_cnt += np.sum(p == t[i:i+batch_size])
 * </pre>
 * X (100, 784) · W1 (784, 50) · W2 (50, 100) · W3 (100, 10) gives Y (100, 10): row i is image i's answer.
 */
public final class NeuralnetMnistBatch {
    /** The book's {@code batch_size}. */
    public static final int BATCH_SIZE = 100;

    private NeuralnetMnistBatch() {
    }

    /** The shapes the book prints: x, x[0], W1, W2, W3, as numpy writes them ({@code x (10000, 784)}, ...). */
    public static List<String> shapes(NDArray x, ThreeLayerNet network) {
        Map<String, NDArray> p = network.params();
        return List.of("x " + x.shapeString(), "x[0] " + x.row(0).shapeString(), "W1 " + p.get("W1").shapeString(),
                "W2 " + p.get("W2").shapeString(), "W3 " + p.get("W3").shapeString());
    }

    /** The batched loop, {@link #BATCH_SIZE} images per {@code predict}; returns {@code accuracy_cnt}. */
    public static int accuracyCnt(ThreeLayerNet network, NDArray x, NDArray t) {
        return network.countCorrect(x, t, BATCH_SIZE);
    }

    /** Runs the script: which images, the shapes, the weights' dtype, then {@code Accuracy:...}. */
    public static void main(String[] args) {
        TestSet data = NeuralnetMnist.getData();
        ThreeLayerNet network = NeuralnetMnist.initNetwork();
        System.out.println("images: " + data.description());
        shapes(data.x(), network).forEach(System.out::println);
        System.out.println("weights: " + network.dtype());
        System.out.println(NeuralnetMnist.accuracyLine(accuracyCnt(network, data.x(), data.t()), data.size()));
    }
}
