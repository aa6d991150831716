package dlfs.data;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/**
 * The preprocessing the book applies to MNIST in {@code load_mnist(normalize, flatten,
 * one_hot_label)} (chapter 3.6.1) and {@code shuffle_dataset} (chapter 6.5.1):
 * <ul>
 *   <li>{@link #normalize}: pixel values 0..255 divided by 255, into [0, 1];</li>
 *   <li>{@link #flatten}: images (N, 28, 28) or (N, 1, 28, 28) into rows (N, 784);</li>
 *   <li>{@link #oneHot}: a label k into a row with 1 at column k, 0 elsewhere;</li>
 *   <li>{@link #shuffle}: x and t permuted together, so pairs stay pairs.</li>
 * </ul>
 * Each returns a new array and leaves its argument as it was.
 */
public final class Preprocess {
    private Preprocess() {
    }

    /** x / 255: pixel values 0..255 into [0, 1]. Fails on a value outside 0..255. */
    public static NDArray normalize(NDArray x) {
        double[] in = x.data();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            if (!(v >= 0 && v <= 255)) {
                throw new IllegalArgumentException("normalize: expects pixel values in 0..255, got "
                        + v + " at flat index " + i + " of " + x.shapeString());
            }
            out[i] = v / 255.0;
        }
        return NDArray.of(out, x.shape());
    }

    /** Divides every element by divisor, in place (for arrays the caller owns). */
    static void divideInPlace(double[] a, double divisor) {
        for (int i = 0; i < a.length; i++) a[i] /= divisor;
    }

    /** The same for float32 values: the float64 quotient rounded to float32, as {@code astype(FLOAT32)} of the float64 result. */
    static void divideInPlace(float[] a, double divisor) {
        for (int i = 0; i < a.length; i++) a[i] = (float) (a[i] / divisor);
    }

    /** (N, d1, d2, ...) into (N, d1*d2*...): each image one row, as the book's flatten=True. */
    public static NDArray flatten(NDArray x) {
        if (x.ndim() < 1) {
            throw new IllegalArgumentException("flatten: needs at least one axis, got " + x.shapeString());
        }
        int n = x.shape()[0];
        return NDArray.of(x.data().clone(), n, n == 0 ? 0 : x.size() / n);
    }

    /**
     * Labels (N) of class numbers 0..classes-1 into one-hot rows (N, classes), e.g. with 10
     * classes the label 2 becomes {@code [0,0,1,0,0,0,0,0,0,0]}.
     *
     * @throws IllegalArgumentException naming the first bad label and its index
     */
    public static NDArray oneHot(NDArray labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot: classes must be positive, got " + classes);
        }
        if (labels.ndim() != 1) {
            throw new IllegalArgumentException("oneHot: expects labels of shape (N), got "
                    + labels.shapeString());
        }
        double[] t = labels.data();
        double[] out = new double[t.length * classes];
        for (int i = 0; i < t.length; i++) {
            int k = classOf(t[i], classes, i, "oneHot");
            out[i * classes + k] = 1.0;
        }
        return NDArray.of(out, t.length, classes);
    }

    /**
     * The class number of a label; labels are doubles holding integers 0..classes-1.
     *
     * @throws IllegalArgumentException naming the bad label and its index
     */
    static int classOf(double label, int classes, int index, String who) {
        if (label != Math.rint(label) || label < 0 || label >= classes) {
            throw new IllegalArgumentException(who + ": label " + fmt(label) + " at index " + index
                    + " is not a class number 0.." + (classes - 1));
        }
        return (int) label;
    }

    /**
     * x and t permuted along axis 0 by the same seeded permutation (the book's
     * {@code shuffle_dataset}): the same seed gives the same order.
     */
    public static Samples shuffle(NDArray x, NDArray t, long seed) {
        checkPaired("shuffle", x, t);
        int[] p = new Rng(seed).permutation(x.shape()[0]);
        return new Samples(x.rows(p), t.rows(p));
    }

    /** Fails unless x and t have the same number of rows. */
    static void checkPaired(String who, NDArray x, NDArray t) {
        if (x == null || t == null) {
            throw new IllegalArgumentException(who + ": x and t must not be null");
        }
        if (x.ndim() == 0 || t.ndim() == 0 || x.shape()[0] != t.shape()[0]) {
            throw new IllegalArgumentException(who + ": x " + x.shapeString() + " and t " + t.shapeString()
                    + " must have the same number of rows");
        }
    }

    static void checkCount(String who, int n, int size) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException(who + ": asked for " + n + " samples, there are "
                    + size);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
