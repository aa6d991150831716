package dlfs.nets;

import dlfs.data.LoadOptions;
import dlfs.Course;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.Rng;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import dlfs.experiments.ch8.ConvNetRun;

/**
 * The trained SimpleConvNet the kit ships in {@code data/models/} (notebook 08 loads it) is what
 * data/README.md says it is: it loads into the book's SimpleConvNet and scores its measured
 * accuracy on the shipped test digits.
 */
class ShippedModelTest {
    static final Path MODEL = Course.dataDir().resolve("models/simple-convnet-digits.dlfs");

    @Test
    void theShippedSimpleConvNetScoresItsMeasuredAccuracy() {
        assertTrue(Files.isRegularFile(MODEL), "missing " + MODEL);
        SimpleConvNet net = new SimpleConvNet(new Rng(0));
        net.load(MODEL);
        Dataset d = Datasets.digits(LoadOptions.normalized().images());
        double acc = net.accuracy(d.xTest(), d.tTest());
        assertEquals(0.9855, acc, 0.0015, "measured 0.9855 when it was saved (ConvNetRun --augment digits 30)");
    }

    @Test
    void itDoesNotLoadIntoAnotherArchitecture() {
        LeNet5 other = new LeNet5("relu", new Rng(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.load(MODEL));
        assertTrue(e.getMessage().contains("SimpleConvNet") && e.getMessage().contains("LeNet"), e.getMessage());
    }
}
