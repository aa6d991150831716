package dlfs.functions;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/**
 * Checks on supervision data t (ch4): class labels (N) or one-hot rows (N, classes). Every loss,
 * loss layer and the Trainer uses these checks, so a bad label is named with its row.
 */
public final class Labels {
    private Labels() {
    }

    /** True if t is one-hot for n rows of k classes, i.e. has shape (n, k). */
    public static boolean isOneHot(NDArray t, int n, int k) {
        return t.ndim() == 2 && t.shape(0) == n && t.shape(1) == k;
    }

    /**
     * The labels of t as ints, checking that t holds n whole numbers in [0, k); one-hot t of
     * shape (n, k) is turned into its argmax. Throws naming the op, the bad label and its row.
     */
    public static int[] check(String op, NDArray t, int n, int k) {
        if (isOneHot(t, n, k)) {
            double[] a = t.argmax(1).data();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = (int) a[i];
            return out;
        }
        if (t.ndim() == 2 && t.shape(1) != 1 && t.shape(0) == n)
            throw new ShapeException(op + ": one-hot labels " + t.shapeString() + " have " + t.shape(1)
                    + " classes but the scores have " + k + " (expected (" + n + ", " + k + "))");
        if (t.ndim() > 2 || t.size() != n)
            throw new ShapeException(op + ": labels " + t.shapeString() + " do not match the batch of " + n
                    + " rows: give (" + n + ") class labels or (" + n + ", " + k + ") one-hot rows");
        double[] d = t.data();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double v = d[i];
            if (v != Math.rint(v) || v < 0 || v >= k)
                throw new IllegalArgumentException(op + ": label " + (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v))
                        + " at row " + i + " is not a class index in 0.." + (k - 1) + " (" + k + " classes)");
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * t as one-hot rows (n, k): returned as is when it already is, otherwise its labels are
     * checked (see {@link #check}) and turned into one-hot rows by {@link dlfs.data.Preprocess#oneHot}.
     */
    public static NDArray oneHot(String op, NDArray t, int n, int k) {
        if (isOneHot(t, n, k)) return t;
        check(op, t, n, k);
        return dlfs.data.Preprocess.oneHot(t.reshape(n), k);
    }
}
