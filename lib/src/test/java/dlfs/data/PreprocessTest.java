package dlfs.data;

import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class PreprocessTest {
    @Test
    void normalizeDividesBy255() {
        NDArray x = NDArray.of(new double[]{0, 51, 255, 128}, 2, 2);
        NDArray n = Preprocess.normalize(x);
        assertArrayEquals(new double[]{0, 0.2, 1, 128 / 255.0}, n.data(), 0);
        assertArrayEquals(new int[]{2, 2}, n.shape());
        assertEquals(51, x.get(0, 1), "argument left as it was");
    }

    @Test
    void normalizeRejectsNonPixels() {
        NDArray x = NDArray.of(new double[]{0, 300}, 1, 2);
        assertEquals("normalize: expects pixel values in 0..255, got 300.0 at flat index 1 of (1, 2)",
                assertThrows(IllegalArgumentException.class, () -> Preprocess.normalize(x)).getMessage());
    }

    @Test
    void flattenKeepsRowsInOrder() {
        double[] d = new double[2 * 1 * 3 * 3];
        for (int i = 0; i < d.length; i++) d[i] = i;
        NDArray f = Preprocess.flatten(NDArray.of(d, 2, 1, 3, 3));
        assertArrayEquals(new int[]{2, 9}, f.shape());
        assertEquals(9.0, f.get(1, 0));
        assertEquals(17.0, f.get(1, 8));
    }

    @Test
    void oneHotAsInTheBook() {
        NDArray t = Preprocess.oneHot(NDArray.of(new double[]{2, 0, 9}, 3), 10);
        assertArrayEquals(new int[]{3, 10}, t.shape());
        assertArrayEquals(new double[]{0, 0, 1, 0, 0, 0, 0, 0, 0, 0},
                Arrays.copyOfRange(t.data(), 0, 10));
        assertEquals(1.0, t.get(1, 0));
        assertEquals(1.0, t.get(2, 9));
        assertEquals(3.0, Arrays.stream(t.data()).sum());
    }

    @Test
    void oneHotNamesBadLabelAndIndex() {
        NDArray bad = NDArray.of(new double[]{1, 2, 3, 10}, 4);
        assertEquals("oneHot: label 10 at index 3 is not a class number 0..9",
                assertThrows(IllegalArgumentException.class, () -> Preprocess.oneHot(bad, 10)).getMessage());
        NDArray frac = NDArray.of(new double[]{2.5}, 1);
        assertEquals("oneHot: label 2.5 at index 0 is not a class number 0..9",
                assertThrows(IllegalArgumentException.class, () -> Preprocess.oneHot(frac, 10)).getMessage());
        NDArray neg = NDArray.of(new double[]{0, -1}, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Preprocess.oneHot(neg, 10))
                .getMessage().contains("label -1 at index 1"));
        NDArray twoD = NDArray.of(new double[]{0, 1}, 1, 2);
        assertEquals("oneHot: expects labels of shape (N), got (1, 2)",
                assertThrows(IllegalArgumentException.class, () -> Preprocess.oneHot(twoD, 10)).getMessage());
    }

    @Test
    void shuffleKeepsPairsAndIsSeeded() {
        int n = 50;
        double[] x = new double[n * 2];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 100 + i;
            t[i] = i;
        }
        Samples s = Preprocess.shuffle(NDArray.of(x, n, 2), NDArray.of(t, n), 42);
        boolean moved = false;
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            double label = s.t().get(i);
            assertEquals(label, s.x().get(i, 0), "row " + i + " kept with its label");
            assertEquals(100 + label, s.x().get(i, 1));
            seen[(int) label] = true;
            moved |= label != i;
        }
        assertTrue(moved, "order changed");
        for (boolean b : seen) assertTrue(b, "a permutation");
        Samples again = Preprocess.shuffle(NDArray.of(x, n, 2), NDArray.of(t, n), 42);
        assertArrayEquals(s.t().data(), again.t().data(), "same seed, same order");
        Samples other = Preprocess.shuffle(NDArray.of(x, n, 2), NDArray.of(t, n), 43);
        assertFalse(Arrays.equals(s.t().data(), other.t().data()), "another seed, another order");
    }

    @Test
    void shuffleRejectsUnpaired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preprocess.shuffle(NDArray.zeros(100, 784), NDArray.zeros(99), 1));
        assertEquals("shuffle: x (100, 784) and t (99,) must have the same number of rows", e.getMessage());
    }
}
