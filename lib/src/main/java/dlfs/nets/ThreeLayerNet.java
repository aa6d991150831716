package dlfs.nets;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inference-only 3-layer network of ch3 ("手写数字识别：推理"), with its weights spelled out:
 * <pre>
 *   a1 = x·W1 + b1,  z1 = sigmoid(a1)
 *   a2 = z1·W2 + b2, z2 = sigmoid(a2)
 *   a3 = z2·W3 + b3, y  = softmax(a3)
 * </pre>
 * The weights are given by the caller (the book's small 2-3-2-2 example is {@link #bookExample()}),
 * or read from a parameter file with {@link #load}: the book's trained MNIST weights (784-50-100-10,
 * its {@code sample_weight.pkl}) are {@code dlfs.book.BookWeights.sampleWeight()}.
 * {@link #countCorrect} runs batched inference and counts correct predictions, as ch3's
 * {@code accuracy_cnt} loop with {@code batch_size = 100}.
 */
public final class ThreeLayerNet {
    /** The parameter names, in the book's order ({@code network['W1']}, ...). */
    public static final List<String> NAMES = List.of("W1", "b1", "W2", "b2", "W3", "b3");

    private final NDArray W1, b1, W2, b2, W3, b3;

    public ThreeLayerNet(NDArray W1, NDArray b1, NDArray W2, NDArray b2, NDArray W3, NDArray b3) {
        check("W1", W1, b1, -1);
        check("W2", W2, b2, W1.shape(1));
        check("W3", W3, b3, W2.shape(1));
        this.W1 = W1;
        this.b1 = b1;
        this.W2 = W2;
        this.b2 = b2;
        this.W3 = W3;
        this.b3 = b3;
    }

    /**
     * The book's init_network() of ch3.4.3: W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]], b1 = [0.1, 0.2, 0.3],
     * W2 = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]], b2 = [0.1, 0.2], W3 = [[0.1, 0.3], [0.2, 0.4]],
     * b3 = [0.1, 0.2]. (The book's example ends with the identity; {@link #forwardIdentity} gives
     * [0.31682708, 0.69627909] for x = [1.0, 0.5].)
     */
    public static ThreeLayerNet bookExample() {
        return new ThreeLayerNet(
                NDArray.of(new double[][]{{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}), NDArray.of(0.1, 0.2, 0.3),
                NDArray.of(new double[][]{{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}), NDArray.of(0.1, 0.2),
                NDArray.of(new double[][]{{0.1, 0.3}, {0.2, 0.4}}), NDArray.of(0.1, 0.2));
    }

    /** The weights by the book's names W1, b1, ..., b3 (live arrays). */
    public Map<String, NDArray> params() {
        Map<String, NDArray> p = new LinkedHashMap<>();
        NDArray[] arrays = {W1, b1, W2, b2, W3, b3};
        for (int i = 0; i < arrays.length; i++) p.put(NAMES.get(i), arrays[i]);
        return Collections.unmodifiableMap(p);
    }

    /**
     * The narrowest type holding every weight exactly: float32 for the book's sample_weight.pkl
     * (which numpy stores as float32), float64 for weights computed in double precision.
     */
    public Dtype dtype() {
        return Dtype.of(params().values());
    }

    /**
     * The one-line description a parameter file of this net carries, e.g.
     * {@code ThreeLayerNet(input=784, hidden=[50, 100], output=10, activation=sigmoid, dtype=float32)}.
     */
    public String architecture() {
        return "ThreeLayerNet(input=" + W1.shape(0) + ", hidden=[" + W2.shape(0) + ", " + W3.shape(0) + "], output="
                + W3.shape(1) + ", activation=sigmoid, dtype=" + dtype() + ")";
    }

    /** Writes the weights to {@code file} in the {@link Checkpoint} format, with {@link #architecture()}. */
    public void save(Path file) {
        Checkpoint.save(file, architecture(), params());
    }

    /**
     * Reads a net written by {@link #save} (or by {@code data/scripts/book_pickles_to_dlfs.py}).
     * The file must hold exactly W1, b1, ..., b3 with chaining shapes, and its architecture line
     * must describe them: a file of another net, or one whose line claims float32 for values that
     * are not, fails with a message saying what differs.
     */
    public static ThreeLayerNet load(Path file) {
        Checkpoint c = Checkpoint.read(file);
        if (!c.architecture().startsWith("ThreeLayerNet("))
            throw new IllegalArgumentException(file + " is a parameter file for another architecture:\n  file: "
                    + c.architecture() + "\n  net:  ThreeLayerNet(...)");
        Map<String, NDArray> a = c.arrays();
        if (!a.keySet().equals(new HashSet<>(NAMES)))
            throw new IllegalArgumentException(file + " has arrays " + a.keySet() + " but ThreeLayerNet has " + NAMES);
        ThreeLayerNet net;
        try {
            net = new ThreeLayerNet(a.get("W1"), a.get("b1"), a.get("W2"), a.get("b2"), a.get("W3"), a.get("b3"));
        } catch (ShapeException e) {
            throw new ShapeException(file + ": " + e.getMessage());
        }
        if (!net.architecture().equals(c.architecture()))
            throw new IllegalArgumentException(file + ": its architecture line does not describe its arrays:\n  line:   "
                    + c.architecture() + "\n  arrays: " + net.architecture());
        return net;
    }

    /** The scores a3 before the output function. */
    public NDArray scores(NDArray x) {
        if (x.shape(x.ndim() - 1) != W1.shape(0))
            throw new ShapeException("ThreeLayerNet: input " + x.shapeString() + " has " + x.shape(x.ndim() - 1)
                    + " features but W1 " + W1.shapeString() + " expects " + W1.shape(0));
        NDArray a1 = x.dot(W1).add(b1);
        NDArray z1 = Activations.sigmoid(a1);
        NDArray a2 = z1.dot(W2).add(b2);
        NDArray z2 = Activations.sigmoid(a2);
        return z2.dot(W3).add(b3);
    }

    /** y = softmax(a3): class probabilities, for one sample (1-D x) or a batch (N, inputs). */
    public NDArray predict(NDArray x) {
        return Activations.softmax(scores(x));
    }

    /** y = identity(a3), the book's first forward() example. */
    public NDArray forwardIdentity(NDArray x) {
        return Activations.identity(scores(x));
    }

    /** How many rows of x the network classifies correctly, predicting batchSize rows at a time. */
    public int countCorrect(NDArray x, NDArray t, int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("ThreeLayerNet: batchSize must be positive, got " + batchSize);
        int n = x.shape(0);
        int[] labels = Labels.check("ThreeLayerNet.countCorrect", t, n, W3.shape(1));
        int correct = 0;
        for (int i = 0; i < n; i += batchSize) {
            NDArray yBatch = predict(x.slice(i, Math.min(i + batchSize, n)));
            double[] p = yBatch.argmax(1).data();
            for (int j = 0; j < p.length; j++) if (p[j] == labels[i + j]) correct++;
        }
        return correct;
    }

    private static void check(String name, NDArray W, NDArray b, int expectIn) {
        if (W.ndim() != 2) throw new ShapeException("ThreeLayerNet: " + name + " must be 2-D, got " + W.shapeString());
        if (expectIn >= 0 && W.shape(0) != expectIn)
            throw new ShapeException("ThreeLayerNet: " + name + " " + W.shapeString() + " must have " + expectIn
                    + " rows to follow the previous layer's " + expectIn + " outputs");
        if (b.size() != W.shape(1))
            throw new ShapeException("ThreeLayerNet: bias of " + name + " has shape " + b.shapeString() + " but " + name
                    + " " + W.shapeString() + " has " + W.shape(1) + " outputs");
    }
}
