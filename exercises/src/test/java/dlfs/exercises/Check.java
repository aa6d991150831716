package dlfs.exercises;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions for the graded tests that tell the student what is wrong in terms of the exercise:
 * "relu(x), x (3, 4): expected shape (3, 4), got (4, 3)" or "…: at (1, 2) expected 0.7311, got 0.5".
 */
public final class Check {
    /** Relative and absolute tolerances for values compared with the library's reference. */
    public static final double RTOL = 1e-6, ATOL = 1e-9;

    private Check() {
    }

    /** A seeded standard-normal array: the same inputs on every run and every machine. */
    public static NDArray randn(long seed, int... shape) {
        return new Rng(seed).randn(shape);
    }

    /** A copy of every array in a parameter map, in its order: the student's code may change what it is given. */
    public static java.util.Map<java.lang.String, NDArray> copyOf(java.util.Map<java.lang.String, NDArray> params) {
        java.util.Map<java.lang.String, NDArray> c = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> c.put(k, v.copy()));
        return c;
    }

    /** n seeded class labels in [0, k), as an (n) array (the label form of t). */
    public static NDArray labels(long seed, int n, int k) {
        int[] l = new Rng(seed).choice(k, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = l[i];
        return NDArray.of(d);
    }

    /** The same labels as one-hot rows (n, k), by the library's {@code Preprocess.oneHot}. */
    public static NDArray oneHot(NDArray labels, int k) {
        return dlfs.data.Preprocess.oneHot(labels, k);
    }

    public static void shape(java.lang.String what, NDArray actual, int... expected) {
        assertNotNull(actual, what + ": returned null");
        if (!Arrays.equals(actual.shape(), expected))
            fail(what + ": expected shape " + ShapeException.fmt(expected) + ", got " + actual.shapeString());
    }

    /** Same shape, and every value within RTOL·|expected| + ATOL. */
    public static void close(java.lang.String what, NDArray expected, NDArray actual) {
        close(what, expected, actual, RTOL, ATOL);
    }

    public static void close(java.lang.String what, NDArray expected, NDArray actual, double rtol, double atol) {
        shape(what, actual, expected.shape());
        double[] e = expected.data(), a = actual.data();
        for (int i = 0; i < e.length; i++) {
            boolean ok = java.lang.Double.isNaN(e[i]) ? java.lang.Double.isNaN(a[i]) : java.lang.Math.abs(a[i] - e[i]) <= atol + rtol * java.lang.Math.abs(e[i]);
            if (!ok) fail(what + ": at " + index(i, expected.shape()) + " expected " + e[i] + ", got " + a[i]);
        }
    }

    public static void close(java.lang.String what, double expected, double actual, double tol) {
        if (!(java.lang.Math.abs(actual - expected) <= tol))
            fail(what + ": expected " + expected + ", got " + actual + " (tolerance " + tol + ")");
    }

    /** No NaN or infinity anywhere. */
    public static void finite(java.lang.String what, NDArray actual) {
        assertNotNull(actual, what + ": returned null");
        double[] a = actual.data();
        for (int i = 0; i < a.length; i++)
            if (!java.lang.Double.isFinite(a[i])) fail(what + ": at " + index(i, actual.shape()) + " got " + a[i] + " (overflow?)");
    }

    /** The input must be left as it was (a copy, not an in-place change). */
    public static void unchanged(java.lang.String what, NDArray before, NDArray after) {
        if (!Arrays.equals(before.data(), after.data()) || !Arrays.equals(before.shape(), after.shape()))
            fail(what + ": changed its input in place; compute into a new array instead");
    }

    static java.lang.String index(int flat, int[] shape) {
        if (shape.length == 0) return "()";
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return ShapeException.fmt(idx);
    }
}
