package dlfs.nd;

import java.util.SplittableRandom;

/**
 * Seeded random numbers for arrays, the kit's {@code np.random}: randn, normal, uniform, choice and
 * permutation. A {@code new Rng(seed)} gives the same numbers on every run and machine; the
 * static {@link #global()} generator plays the part of numpy's module-level functions and can be
 * re-seeded with {@link #seed(long)} (the book's {@code np.random.seed}).
 */
public final class Rng {
    private static Rng global = new Rng(42);

    private SplittableRandom random;
    private double spareNormal;
    private boolean hasSpare;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The shared generator used by {@link NDArray#randn(int...)} and friends. */
    public static synchronized Rng global() {
        return global;
    }

    /** Re-seeds the shared generator, like {@code np.random.seed(seed)}. */
    public static synchronized void seed(long seed) {
        global = new Rng(seed);
    }

    /** One standard normal sample (Marsaglia's polar method). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u, v, s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * m;
        hasSpare = true;
        return u * m;
    }

    /** A uniform sample in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** A uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal samples of the given shape: {@code np.random.randn(*shape)}. */
    public NDArray randn(int... shape) {
        NDArray out = NDArray.zeros(shape);
        double[] d = out.data();
        for (int i = 0; i < d.length; i++) d[i] = nextGaussian();
        return out;
    }

    /**
     * Normal samples with mean and standard deviation: {@code np.random.normal(mean, std, shape)},
     * so {@code normal(5, 2, 400, 3)} is 400×3 samples of N(5, 2²). The shape must be given (a
     * call {@code normal(100, 50)} meant as a shape is refused, pointing to {@link #randn}).
     */
    public NDArray normal(double mean, double std, int... shape) {
        if (shape.length == 0)
            throw new IllegalArgumentException("normal(mean=" + mean + ", std=" + std + "): no shape given; the first two "
                    + "arguments are the mean and standard deviation. For standard normal samples of a shape use randn(...), "
                    + "e.g. randn(" + (long) mean + ", " + (long) std + ")");
        if (!(std >= 0)) throw new IllegalArgumentException("normal: std must be >= 0, got " + std);
        NDArray out = randn(shape);
        double[] d = out.data();
        for (int i = 0; i < d.length; i++) d[i] = mean + std * d[i];
        return out;
    }

    /** Uniform samples in [low, high): {@code np.random.uniform(low, high, shape)}. */
    public NDArray uniform(double low, double high, int... shape) {
        if (!(high >= low)) throw new IllegalArgumentException("uniform: high " + high + " < low " + low);
        NDArray out = NDArray.zeros(shape);
        double[] d = out.data();
        for (int i = 0; i < d.length; i++) d[i] = low + (high - low) * random.nextDouble();
        return out;
    }

    /** Samples in [0, 1) of the given shape: {@code np.random.rand(*shape)}. */
    public NDArray rand(int... shape) {
        return uniform(0, 1, shape);
    }

    /**
     * {@code size} indices drawn from [0, n) with replacement: {@code np.random.choice(n, size)},
     * the book's way of picking a mini-batch.
     */
    public int[] choice(int n, int size) {
        if (n <= 0) throw new IllegalArgumentException("choice: n must be positive, got " + n);
        if (size < 0) throw new IllegalArgumentException("choice: size must be >= 0, got " + size);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = random.nextInt(n);
        return out;
    }

    /** {@code size} distinct indices from [0, n): {@code np.random.choice(n, size, replace=False)}. */
    public int[] choiceWithoutReplacement(int n, int size) {
        if (size > n) throw new IllegalArgumentException(
                "choice: cannot take " + size + " distinct samples from " + n);
        int[] p = permutation(n);
        int[] out = new int[size];
        System.arraycopy(p, 0, out, 0, size);
        return out;
    }

    /** A random ordering of 0..n-1 (Fisher–Yates): {@code np.random.permutation(n)}. */
    public int[] permutation(int n) {
        if (n < 0) throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
