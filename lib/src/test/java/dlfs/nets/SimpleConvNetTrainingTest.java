package dlfs.nets;

import dlfs.data.LoadOptions;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.optim.Adam;
import dlfs.experiments.ch8.ConvNetRun;
import dlfs.train.Trainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SimpleConvNet learns the shipped digits (8,000 train / 2,000 test): 3 epochs of 80 Adam steps
 * reach over 93%; the filters change, and a saved net predicts the same after loading. The
 * issue's target, 98% on these offline digits, takes data augmentation (ch8): 30 epochs with
 * {@link ConvNetRun}'s random warps reach 98.55% (about 70 s on two cores).
 */
class SimpleConvNetTrainingTest {
    @TempDir
    Path dir;

    @Test
    void learnsDigitsAndSurvivesSaveLoad() {
        Dataset d = Datasets.digits(LoadOptions.normalized().images());
        assertArrayEquals(new int[]{8000, 1, 28, 28}, d.xTrain().shape());
        Rng rng = new Rng(42);
        SimpleConvNet net = new SimpleConvNet(rng);
        NDArray before = net.filters().copy();
        double loss = new Trainer(net, new Adam(0.001)).data(d.xTrain(), d.tTrain()).iterations(240).batchSize(100).rng(rng)
                .lossFromGradient(true).evaluate(false).verbose(false).train().meanLoss();
        assertTrue(loss < 0.6, "mean training loss " + loss);
        double acc = net.accuracy(d.xTest(), d.tTest());
        assertTrue(acc > 0.93, "test accuracy after 240 iterations: " + acc);
        assertFalse(before.allclose(net.filters(), 0, 1e-4), "training changed the filters");

        Path f = dir.resolve("simple.dlfs");
        net.save(f);
        SimpleConvNet loaded = new SimpleConvNet(new Rng(1));
        loaded.load(f);
        NDArray x = d.xTest().slice(0, 50);
        assertEquals(net.predict(x), loaded.predict(x));
    }

    /** {@code java ... dlfs.experiments.ch8.ConvNetRun --augment digits 30}, as a test: measured 0.9855 (book tier). */
    @Tag("book")
    @Test
    void reachesNinetyEightPercentOnTheShippedDigitsWithAugmentation() {
        Dataset d = Datasets.digits(LoadOptions.normalized().images());
        ConvNetRun.Result r = ConvNetRun.train("simple", d, 30, 80, true, null);
        assertTrue(r.testAccuracy() >= 0.98, "SimpleConvNet, 30 augmented epochs on digits-npm: test accuracy "
                + r.testAccuracy() + " (measured 0.9855)");
    }
}
