package dlfs.data;

import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DatasetTest {
    /** n samples whose single feature and label both hold the sample's number. */
    private static Dataset numbered(int nTrain, int nTest) {
        double[] x = new double[nTrain];
        double[] xt = new double[nTest];
        for (int i = 0; i < nTrain; i++) x[i] = i;
        for (int i = 0; i < nTest; i++) xt[i] = 1000 + i;
        return new Dataset("numbers", "test data", NDArray.of(x, nTrain, 1), NDArray.of(x.clone(), nTrain),
                NDArray.of(xt, nTest, 1), NDArray.of(xt.clone(), nTest));
    }

    @Test
    void headTakesFirstRows() {
        Dataset h = numbered(100, 30).head(10, 5);
        assertEquals(10, h.trainSize());
        assertEquals(5, h.testSize());
        assertEquals(9.0, h.xTrain().get(9, 0));
        assertEquals(1004.0, h.tTest().get(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> numbered(100, 30).head(10, 31));
        assertEquals("numbers head (test): asked for 31 samples, there are 30", e.getMessage());
    }

    @Test
    void splitValidationHoldsOutAShuffledFraction() {
        Dataset d = numbered(1000, 10);
        Dataset.Split s = d.splitValidation(0.2, 7);
        assertEquals(800, s.xTrain().shape()[0]);
        assertEquals(200, s.xVal().shape()[0]);
        Set<Double> all = new HashSet<>();
        for (double v : s.tTrain().data()) all.add(v);
        for (double v : s.tVal().data()) assertTrue(all.add(v), "val and train disjoint");
        assertEquals(1000, all.size(), "together they are the training set");
        for (int i = 0; i < 200; i++) assertEquals(s.tVal().get(i), s.xVal().get(i, 0), "pairs kept");
        // shuffled first: the validation part is not simply the first 200
        assertTrue(java.util.Arrays.stream(s.tVal().data()).anyMatch(v -> v >= 200));
        assertArrayEquals(s.tVal().data(), d.splitValidation(0.2, 7).tVal().data(), "seeded");
        assertEquals("Split: train x (800, 1) t (800,), val x (200, 1) t (200,)", s.toString());
    }

    @Test
    void splitValidationRejectsBadFractions() {
        assertThrows(IllegalArgumentException.class, () -> numbered(10, 1).splitValidation(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> numbered(10, 1).splitValidation(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> numbered(10, 1).splitValidation(0.01, 1));
        assertTrue(e.getMessage().contains("leaves 0 for validation"), e.getMessage());
    }

    @Test
    void toStringShowsShapes() {
        assertEquals("numbers (test data): train x (100, 1) t (100,), test x (30, 1) t (30,)",
                numbered(100, 30).toString());
    }

    @Test
    void mismatchedPairsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", "", NDArray.zeros(100, 784), NDArray.zeros(99),
                        NDArray.zeros(1, 784), NDArray.zeros(1)));
        assertEquals("d train: x (100, 784) and t (99,) must have the same number of rows", e.getMessage());
    }
}
