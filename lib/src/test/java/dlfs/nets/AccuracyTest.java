package dlfs.nets;

import dlfs.data.LoadOptions;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.Rng;
import dlfs.optim.Momentum;
import dlfs.optim.SGD;
import dlfs.monitor.History;
import dlfs.train.Trainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Accuracy targets, measured by training (no timings). Thresholds sit a little below what was
 * measured on this kit; the numpy reference numbers come from ../shared/bench/ref_numpy.py on the
 * same data (two_layer: test 87.01% on Fashion-MNIST; bp1024: 81.8% after one epoch). The book
 * tier ({@code mvn verify -Pbook}): each run is the book's full length. Fashion-MNIST and the real
 * MNIST digits are skipped, with the reason, where they are absent.
 */
@Tag("book")
class AccuracyTest {
    static void assumeFashionMnist() {
        assumeTrue(Files.isDirectory(Datasets.DEBIAN_FASHION_MNIST),
                "skipped: " + Datasets.DEBIAN_FASHION_MNIST + " is absent (apt-get install dataset-fashion-mnist; .ci/run installs it)");
    }

    static final double NUMPY_TWO_LAYER_FASHION = 0.8701;

    static History twoLayer(Dataset d, long initSeed, long batchSeed) {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(initSeed));
        return new Trainer(net, new SGD(0.1)).data(d.xTrain(), d.tTrain(), d.xTest(), d.tTest())
                .iterations(10_000).batchSize(100).seed(batchSeed).evalSample(500).verbose(false).train();
    }

    static void report(String what, double train, double test) {
        System.out.printf("%s: train %.4f, test %.4f%n", what, train, test);
    }

    @Test
    void twoLayerNetOnTheShippedDigits() {
        Dataset d = Datasets.digits(LoadOptions.normalized());
        History h = twoLayer(d, 0, 1);
        report("TwoLayerNet digits-npm 8,000/2,000, 10,000 iterations", h.finalTrainAcc(), h.finalTestAcc());
        assertTrue(h.finalTestAcc() >= 0.94, "measured 0.9485, got " + h.finalTestAcc());
        // the book's observation: train and test curves stay close (no heavy overfitting on the curve)
        double[] tr = h.trainAcc(), te = h.testAcc();
        assertTrue(tr[tr.length - 1] - te[te.length - 1] < 0.08, tr[tr.length - 1] + " vs " + te[te.length - 1]);
    }

    @Test
    void twoLayerNetOnFashionMnistIsWithinOnePointOfNumpy() {
        assumeFashionMnist();
        Dataset d = Datasets.fashionMnist(LoadOptions.normalized());
        // SGD at lr 0.1 ends where its last steps leave it: one run's test accuracy moves by a point
        // or two with the seed (numpy's own seeds 0..5 give 0.8658..0.8780), so compare the mean of three
        double sum = 0;
        for (int seed = 0; seed < 3; seed++) {
            History h = twoLayer(d, seed, 100 + seed);
            report("TwoLayerNet Fashion-MNIST 60,000/10,000, 10,000 iterations, seed " + seed, h.finalTrainAcc(), h.finalTestAcc());
            sum += h.finalTestAcc();
        }
        assertEquals(NUMPY_TWO_LAYER_FASHION, sum / 3, 0.01, "numpy reference 0.8701; the mean of three seeds");
    }

    @Test
    void twoLayerNetOnRealMnistTestDigits() {
        assumeTrue(Datasets.sharedMnistDir().isPresent(), "skipped: ../shared/data/mnist (dev-only real MNIST) is absent");
        Dataset d = Datasets.realMnistTest(LoadOptions.normalized());
        History h = twoLayer(d, 0, 1);
        report("TwoLayerNet real MNIST t10k 8,000/2,000, 10,000 iterations", h.finalTrainAcc(), h.finalTestAcc());
        assertTrue(h.finalTestAcc() >= 0.94, "measured 0.9485, got " + h.finalTestAcc());
    }

    @Test
    void softmaxRegressionWithTheSeedsLoop() {
        Dataset digits = Datasets.digits(LoadOptions.normalized());
        SoftmaxRegression net = new SoftmaxRegression(784, 10, new Rng(0));
        net.trainLikeSeed(digits.xTrain(), digits.tTrain(), SoftmaxRegression.LEARNING_RATE, SoftmaxRegression.BATCH_SIZE,
                SoftmaxRegression.EPOCHS, null);
        double test = net.accuracy(digits.xTest(), digits.tTest());
        report("SoftmaxRegression digits-npm, 10 epochs", net.accuracy(digits.xTrain(), digits.tTrain()), test);
        assertTrue(test >= 0.88, "measured 0.8970, got " + test);
    }

    @Test
    void softmaxRegressionOnFashionMnist() {
        assumeFashionMnist();
        Dataset f = Datasets.fashionMnist(LoadOptions.normalized());
        SoftmaxRegression fn = new SoftmaxRegression(784, 10, new Rng(0));
        fn.trainLikeSeed(f.xTrain(), f.tTrain(), 0.05, 100, 10, null);
        double ft = fn.accuracy(f.xTest(), f.tTest());
        report("SoftmaxRegression Fashion-MNIST, 10 epochs", fn.accuracy(f.xTrain(), f.tTrain()), ft);
        assertTrue(ft >= 0.83, "measured 0.8378, got " + ft);
    }

    @Test
    void bp1024SetupOfSeed002() {
        Dataset digits = Datasets.digits(LoadOptions.normalized());
        Bp1024Net net = new Bp1024Net(new Rng(0));
        History h = new Trainer(net, Bp1024Net.seedOptimizer()).data(digits.xTrain(), digits.tTrain(), digits.xTest(), digits.tTest())
                .epochs(Bp1024Net.EPOCHS).batchSize(Bp1024Net.BATCH_SIZE).seed(1).evalSample(500).verbose(false).train();
        report("Bp1024Net digits-npm, 10 epochs", h.finalTrainAcc(), h.finalTestAcc());
        assertTrue(h.finalTestAcc() >= 0.955, "measured 0.9655, got " + h.finalTestAcc());
    }

    @Test
    void bp1024OnFashionMnistAgainstNumpysOneEpoch() {
        assumeFashionMnist();
        Dataset f = Datasets.fashionMnist(LoadOptions.normalized());
        Bp1024Net fn = new Bp1024Net(new Rng(0));
        History fh = new Trainer(fn, new Momentum(Bp1024Net.LEARNING_RATE, Bp1024Net.MOMENTUM)).data(f.xTrain(), f.tTrain(), f.xTest(), f.tTest())
                .epochs(1).batchSize(256).seed(1).evalSample(500).verbose(false).train();
        report("Bp1024Net Fashion-MNIST, 1 epoch (numpy bp1024 reference: 0.818)", fh.finalTrainAcc(), fh.finalTestAcc());
        assertTrue(fh.finalTestAcc() >= 0.818 - 0.01, "measured 0.8363, got " + fh.finalTestAcc());
    }

    @Test
    void handwrittenBpNetOfSeed000() {
        Dataset digits = Datasets.digits(LoadOptions.normalized());
        HandwrittenBpNet net = new HandwrittenBpNet(784, 256, 10, new Rng(0));
        History h = new Trainer(net, new SGD(0.5)).data(digits.xTrain(), digits.tTrain(), digits.xTest(), digits.tTest())
                .epochs(10).batchSize(100).seed(1).evalSample(500).verbose(false).train();
        report("HandwrittenBpNet digits-npm, hidden 256, lr 0.5, 10 epochs", h.finalTrainAcc(), h.finalTestAcc());
        assertTrue(h.finalTestAcc() >= 0.915, "measured 0.9270, got " + h.finalTestAcc());
    }
}
