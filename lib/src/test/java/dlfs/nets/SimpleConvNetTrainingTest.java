package dlfs.nets;

import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.optim.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SimpleConvNet learns the shipped digits (8,000 train / 2,000 test): 3 epochs of 80 Adam steps
 * stay within the unit-test budget (about a minute of CPU) and reach over 93% (the 98% run is
 * {@code dlfs.train.ConvNetRun digits 20}; see the lib67 report). The filters change, and a
 * saved net predicts the same after loading.
 */
class SimpleConvNetTrainingTest {
    @TempDir
    Path dir;

    @Test
    void learnsDigitsAndSurvivesSaveLoad() {
        Dataset d = Datasets.digits(true, false, false);
        assertArrayEquals(new int[]{8000, 1, 28, 28}, d.xTrain().shape());
        Rng rng = new Rng(42);
        SimpleConvNet net = new SimpleConvNet(rng);
        NDArray before = net.filters().copy();
        double loss = net.trainIterations(new Adam(0.001), d.xTrain(), d.tTrain(), 240, 100, rng);
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
}
