package dlfs.experiments.ch3;

import dlfs.nd.NDArray;
import dlfs.nets.ThreeLayerNet;
import dlfs.book.BookWeights;
import dlfs.book.TestSet;

/**
 * The book's {@code ch03/neuralnet_mnist.py} (3.6.2, "inference"): the trained 3-layer network of
 * {@code sample_weight.pkl} classifies the MNIST test images one at a time and prints its accuracy,
 * {@code Accuracy:0.9352} on the 10,000 real test images.
 * <pre>
 *   x, t = get_data()
 *   network = init_network()
 *   accuracy_cnt = 0
 *   for i in range(len(x)):
 *       y = predict(network, x[i])
 *       p = np.argmax(y)
 *       if p == t[i]: accuracy_cnt += 1
 *   print("Accuracy:" + str(float(accuracy_cnt) / len(x)))
 * </pre>
 */
public final class NeuralnetMnist {
    private NeuralnetMnist() {
    }

    /** {@code get_data()}: the test images normalized to [0, 1] and flattened, with their labels. */
    public static TestSet getData() {
        return TestSet.load(true);
    }

    /** {@code init_network()}: the book's trained weights W1, b1, ..., b3 ({@link BookWeights#sampleWeight()}). */
    public static ThreeLayerNet initNetwork() {
        return BookWeights.sampleWeight();
    }

    /** The loop: {@code predict(network, x[i])} for each image i on its own; returns {@code accuracy_cnt}. */
    public static int accuracyCnt(ThreeLayerNet network, NDArray x, NDArray t) {
        int accuracyCnt = 0;
        for (int i = 0; i < x.shape(0); i++) {
            NDArray y = network.predict(x.row(i)); // x[i] (784,) -> y (10,)
            int p = y.argmax();                    // the index of the most probable digit
            if (p == (int) t.get(i)) accuracyCnt++;
        }
        return accuracyCnt;
    }

    /** The script's output line, {@code Accuracy:0.9352}: Python's {@code str(float(accuracy_cnt) / len(x))}. */
    public static String accuracyLine(int accuracyCnt, int n) {
        return "Accuracy:" + (double) accuracyCnt / n;
    }

    /** Runs the script: which images it read, then the book's output line. */
    public static void main(String[] args) {
        TestSet data = getData();
        ThreeLayerNet network = initNetwork();
        System.out.println("images: " + data.description());
        System.out.println(accuracyLine(accuracyCnt(network, data.x(), data.t()), data.size()));
    }
}
