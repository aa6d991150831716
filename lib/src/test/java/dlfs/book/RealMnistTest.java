package dlfs.book;

import dlfs.nets.SimpleConvNet;
import dlfs.nets.ThreeLayerNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dlfs.experiments.ch8.MisclassifiedMnist;
import dlfs.experiments.ch3.NeuralnetMnist;
import dlfs.experiments.ch3.NeuralnetMnistBatch;

/**
 * The book's printed result and the numpy reference's counts, reproduced on the real MNIST test
 * set (10,000 images, normalized to [0, 1]) with the book's weights: ch3's {@code Accuracy:0.9352}
 * and ch7's SimpleConvNet with {@code params.pkl}. Skipped, saying how to get MNIST, where the
 * test set is not at hand ({@code data/mnist/} or the development folder {@code shared/data/mnist}).
 *
 * <p>The reference counts and the indices of every misclassified image are the output of
 * <pre>
 *   /usr/bin/python3 data/scripts/book_numpy_reference.py data/models/book ../shared/data/mnist
 * </pre>
 * (about 9 minutes on two busy cores; the same with the book's pickles as first argument), kept in
 * {@code src/test/resources/dlfs/book/numpy_reference_mnist.txt}. DeepConvNet's runs, which take
 * minutes in Java, are {@link DeepConvNetMnistTest}.
 */
class RealMnistTest {
    static final NumpyReference NUMPY = NumpyReference.load("numpy_reference_mnist.txt");
    /** ch3: the book prints Accuracy:0.9352 (neuralnet_mnist.py and neuralnet_mnist_batch.py). */
    static final int CH3_CORRECT = 9352;
    /** ch7: SimpleConvNet with params.pkl, numpy reference. */
    static final int SIMPLE_CONVNET_CORRECT = 9600;

    /** The real test set, or a visible skip that says how to get it. */
    static TestSet realMnist(boolean flatten) {
        var set = TestSet.realMnist(flatten);
        assumeTrue(set.isPresent(), "skipped: the real MNIST test set is not at hand; " + TestSet.HOW_TO_GET_MNIST);
        return set.get();
    }

    @BeforeAll
    static void theReferenceHasThePinnedCounts() {
        assertEquals(CH3_CORRECT, NUMPY.correct("ch3 neuralnet_mnist (float32, one at a time)"));
        assertEquals(CH3_CORRECT, NUMPY.correct("ch3 neuralnet_mnist_batch (float32, batches of 100)"));
        assertEquals(SIMPLE_CONVNET_CORRECT, NUMPY.correct("ch7 SimpleConvNet params.pkl"));
    }

    @Test
    void ch3NeuralnetMnistPrintsTheBooksAccuracy() {
        TestSet data = realMnist(true);
        assertEquals(10_000, data.size());
        ThreeLayerNet network = NeuralnetMnist.initNetwork();
        assertEquals(java.util.List.of("x (10000, 784)", "x[0] (784,)", "W1 (784, 50)", "W2 (50, 100)", "W3 (100, 10)"),
                NeuralnetMnistBatch.shapes(data.x(), network));
        int oneByOne = NeuralnetMnist.accuracyCnt(network, data.x(), data.t());
        assertEquals(CH3_CORRECT, oneByOne);
        assertEquals("Accuracy:0.9352", NeuralnetMnist.accuracyLine(oneByOne, data.size()));
        assertEquals(CH3_CORRECT, NeuralnetMnistBatch.accuracyCnt(network, data.x(), data.t()));
        int[] predicted = network.predict(data.x()).argmax(1).toIntArray();
        assertArrayEquals(NUMPY.wrong("ch3 neuralnet_mnist (float32, one at a time)"), MisclassifiedMnist.misclassified(predicted, data.t()),
                "the same 648 images wrong as the book's float32 numpy code");
    }

    @Test
    void simpleConvNetWithParamsPklAgreesWithNumpyOnEveryImage() {
        TestSet data = realMnist(false);
        SimpleConvNet network = BookWeights.simpleConvNet();
        int[] classified = MisclassifiedMnist.classify(network, data.x());
        assertEquals(SIMPLE_CONVNET_CORRECT, MisclassifiedMnist.correct(classified, data.t()));
        assertArrayEquals(NUMPY.wrong("ch7 SimpleConvNet params.pkl"), MisclassifiedMnist.misclassified(classified, data.t()));
    }
}
