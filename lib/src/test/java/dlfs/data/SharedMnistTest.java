package dlfs.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Development-only checks on the real MNIST files in shared/data/mnist beside the project. */
class SharedMnistTest {
    @Test
    void realMnistTestSplit() {
        assumeTrue(Datasets.sharedMnistDir().isPresent(),
                "skipped: no shared/data/mnist beside the project (dev-only real MNIST files)");
        Dataset d = Datasets.realMnistTest(LoadOptions.raw());
        assertEquals("MNIST-t10k", d.name());
        assertArrayEquals(new int[]{8000, 784}, d.xTrain().shape());
        assertArrayEquals(new int[]{2000}, d.tTest().shape());
        // MNIST's test set famously starts 7 2 1 0 4 1 4 9 5 9
        assertArrayEquals(new double[]{7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(d.tTrain().data(), 10));
        int[] train = new int[10];
        int[] test = new int[10];
        for (double v : d.tTrain().data()) train[(int) v]++;
        for (double v : d.tTest().data()) test[(int) v]++;
        assertArrayEquals(new int[]{773, 905, 834, 803, 788, 723, 756, 813, 787, 818}, train);
        assertArrayEquals(new int[]{207, 230, 198, 207, 194, 169, 202, 215, 187, 191}, test);
        assertEquals(18454.0, Arrays.stream(Arrays.copyOf(d.xTrain().data(), 784)).sum());
        assertEquals(41833.0, Arrays.stream(Arrays.copyOfRange(d.xTest().data(), 1999 * 784, 2000 * 784)).sum());
    }
}
