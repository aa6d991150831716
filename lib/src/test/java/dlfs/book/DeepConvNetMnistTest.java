package dlfs.book;

import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nets.DeepConvNet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dlfs.book.RealMnistTest.NUMPY;
import static dlfs.book.RealMnistTest.realMnist;
import static org.junit.jupiter.api.Assertions.*;
import dlfs.experiments.ch8.HalfFloatNetwork;
import dlfs.experiments.ch8.MisclassifiedMnist;

/**
 * ch8's DeepConvNet with the book's {@code deep_convnet_params.pkl} on the real MNIST test set
 * (10,000 images): {@code misclassified_mnist.py}'s accuracy and mistakes, and
 * {@code half_float_network.py}'s float64 and float16 accuracies, each agreeing with the numpy
 * reference on every image (its command is in {@link RealMnistTest}). The {@code book} tier: each
 * test runs the net over 10,000 images, about 2 minutes on two busy cores. Skipped, saying how to
 * get MNIST, where the test set is not at hand.
 */
@Tag("book")
class DeepConvNetMnistTest {
    /** ch8 DeepConvNet, float64 weights: numpy reference. */
    static final int FLOAT64_CORRECT = 9797;
    /** ch8 half_float_network.py: the same net with float16 weights and images: numpy reference. */
    static final int FLOAT16_CORRECT = 9798;

    @BeforeAll
    static void theReferenceHasThePinnedCounts() {
        assertEquals(FLOAT64_CORRECT, NUMPY.correct("ch8 DeepConvNet float64"));
        assertEquals(FLOAT16_CORRECT, NUMPY.correct("ch8 DeepConvNet float16"));
    }

    @Test
    void misclassifiedMnistAgreesWithNumpyOnEveryImage() {
        TestSet data = realMnist(false);
        int[] classified = MisclassifiedMnist.classify(BookWeights.deepConvNet(), data.x());
        assertEquals(FLOAT64_CORRECT, MisclassifiedMnist.correct(classified, data.t()));
        assertArrayEquals(NUMPY.wrong("ch8 DeepConvNet float64"), MisclassifiedMnist.misclassified(classified, data.t()));
        assertEquals(NUMPY.value("ch8 misclassified_mnist {view index: (label, inference)}"),
                MisclassifiedMnist.misPairs(classified, data.t(), MisclassifiedMnist.MAX_VIEW));
    }

    @Test
    void halfFloatNetworkAgreesWithNumpyOnEveryImage() {
        TestSet data = realMnist(false);
        DeepConvNet network = HalfFloatNetwork.toFloat16(BookWeights.deepConvNet());
        assertEquals(Dtype.FLOAT16, BookWeights.dtype(network));
        NDArray x16 = HalfFloatNetwork.toFloat16(data.x());
        int[] classified = MisclassifiedMnist.classify(network, x16);
        assertEquals(FLOAT16_CORRECT, MisclassifiedMnist.correct(classified, data.t()));
        assertArrayEquals(NUMPY.wrong("ch8 DeepConvNet float16"), MisclassifiedMnist.misclassified(classified, data.t()));
    }
}
