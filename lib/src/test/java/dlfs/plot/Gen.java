package dlfs.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded test data of every finite magnitude, for the property tests: the degenerate arrays
 * every figure must draw, then random arrays whose values are constant, zero, of both signs,
 * spread over a few ulps only, mixed with ±Double.MAX_VALUE and subnormals, or Gaussian, at
 * magnitudes from subnormal (1e-323) to near Double.MAX_VALUE.
 */
final class Gen {

    static final double MAX = Double.MAX_VALUE;
    static final double MIN = Double.MIN_VALUE;

    /** Arrays that once broke (or would break) a figure: constant, single, zero, huge, tiny, a few ulps wide. */
    static final double[][] DEGENERATE = {
        {5, 5, 5}, {0}, {0, 0, 0, 0}, {-3.25}, {1e300, -1e300}, {1e300, 1e300}, {-MAX, MAX}, {MAX},
        {-MAX, -MAX, -MAX}, {MAX, Math.nextDown(MAX)}, {1e-300, 2e-300}, {MIN, 2 * MIN}, {0, MIN},
        {1, Math.nextUp(1.0), 1}, {-0.0, 0.0}, {Double.MIN_NORMAL, -Double.MIN_NORMAL},
        {0, 4.868254857514394}, {-MAX, 0, MIN, MAX},
    };

    private final Random r;

    Gen(long seed) {
        r = new Random(seed);
    }

    Random random() {
        return r;
    }

    /** A magnitude 10^e, e uniform in [-323, 308.2], or one of the extremes. */
    double magnitude() {
        if (r.nextInt(5) == 0) {
            double[] extremes = {1, 1e300, MAX, MAX / 3, MIN, Double.MIN_NORMAL, 1e-300};
            return extremes[r.nextInt(extremes.length)];
        }
        return Math.pow(10, -323 + r.nextDouble() * 631.2);
    }

    /** A length in 1..max, short ones (1..3) half of the time. */
    int length(int max) {
        return r.nextBoolean() ? 1 + r.nextInt(Math.min(3, max)) : 1 + r.nextInt(max);
    }

    /** n finite values of one random kind, at one random magnitude. */
    double[] values(int n) {
        double m = magnitude();
        int kind = r.nextInt(7);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> m;                                              // constant
                case 1 -> 0;                                              // all zeros
                case 2 -> (2 * r.nextDouble() - 1) * m;                   // both signs
                case 3 -> r.nextDouble() * m;                             // ReLU-like, >= 0
                case 4 -> ulpsAbove(m, r.nextInt(4));                     // spread over a few ulps
                case 5 -> new double[] {MAX, -MAX, MIN, -MIN, 0, m}[r.nextInt(6)];
                default -> finite(r.nextGaussian() * m);
            };
        }
        return v;
    }

    /** n values in [0, 1] (probabilities, accuracies, pixels). */
    double[] unit(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(4) == 0 ? r.nextInt(2) : r.nextDouble();
        }
        return v;
    }

    /** The degenerate arrays, then {@code count} random ones of length 1..maxLength. */
    List<double[]> arrays(int count, int maxLength) {
        List<double[]> out = new ArrayList<>();
        for (double[] d : DEGENERATE) {
            out.add(d.clone());
        }
        for (int k = 0; k < count; k++) {
            out.add(values(length(maxLength)));
        }
        return out;
    }

    /** A random finite interval [lo, hi] (lo == hi now and then), at any magnitude. */
    double[] interval() {
        double[] v = values(2);
        if (r.nextInt(5) == 0) {
            v[1] = v[0];
        }
        Arrays.sort(v);
        return v;
    }

    static double[] arange(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    static double finite(double v) {
        return Math.max(-MAX, Math.min(MAX, v));
    }

    private static double ulpsAbove(double m, int k) {
        double v = m;
        for (int i = 0; i < k && v < MAX; i++) {
            v = Math.nextUp(v);
        }
        return v;
    }

    /** A short description of an array for failure messages. */
    static String show(double[] a) {
        return a.length <= 6 ? Arrays.toString(a) : Arrays.toString(Arrays.copyOf(a, 6)) + "... (" + a.length + " values)";
    }
}
