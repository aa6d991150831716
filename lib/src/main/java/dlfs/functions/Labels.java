package dlfs.functions;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/**
 * Checks on supervision data t (ch4): class labels (N), one-hot rows (N, classes), or soft
 * probability rows (N, classes): non-negative, each summing to 1, such as label-smoothed targets
 * (the book's cross-entropy −Σ t log y takes any such t). Every loss, loss layer and the Trainer
 * uses these checks, so a bad label or row is named with its row.
 */
public final class Labels {
    private Labels() {
    }

    /** True if t is one-hot for n rows of k classes, i.e. has shape (n, k). */
    public static boolean isOneHot(NDArray t, int n, int k) {
        return t.ndim() == 2 && t.shape(0) == n && t.shape(1) == k;
    }

    /** How far a probability row's sum may be from 1 (rounding in float data and in smoothing). */
    public static final double ROW_SUM_TOLERANCE = 1e-5;

    /**
     * Checks that t of shape (n, k) holds probability rows: every entry finite and ≥ 0, every row
     * summing to 1 within {@link #ROW_SUM_TOLERANCE}. Throws naming the op, the shape and the first
     * bad row.
     */
    public static void checkRows(String op, NDArray t, int n, int k) {
        if (!isOneHot(t, n, k))
            throw new ShapeException(op + ": targets " + t.shapeString() + " must be (" + n + ", " + k + ") rows");
        double[] d = t.data();
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                double v = d[i * k + j];
                if (!(v >= 0) || !Double.isFinite(v))
                    throw new IllegalArgumentException(op + ": targets " + t.shapeString() + " are neither class labels nor probability rows: row "
                            + i + " has " + v + " at class " + j + " (probabilities must be >= 0 and each row must sum to 1)");
                s += v;
            }
            if (Math.abs(s - 1) > ROW_SUM_TOLERANCE)
                throw new IllegalArgumentException(op + ": targets " + t.shapeString() + " are neither class labels nor probability rows: row "
                        + i + " sums to " + s + ", not 1 (give (" + n + ") class labels, one-hot rows or probability rows)");
        }
    }

    /**
     * The labels of one-hot rows t (n, k), or null if some row is a soft probability row (not
     * exactly one 1 and zeros). Does not check the rows: see {@link #checkRows}.
     */
    public static int[] oneHotLabels(NDArray t, int n, int k) {
        double[] d = t.data();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int hot = -1;
            for (int j = 0; j < k; j++) {
                double v = d[i * k + j];
                if (v == 1 && hot < 0) hot = j;
                else if (v != 0) return null;
            }
            if (hot < 0) return null;
            out[i] = hot;
        }
        return out;
    }

    /**
     * The labels of t as ints, checking that t holds n whole numbers in [0, k); rows t of shape
     * (n, k), one-hot or soft probability rows ({@link #checkRows}), give their most likely class
     * (argmax), as the book's accuracy does. Throws naming the op, the bad label or row and its index.
     */
    public static int[] check(String op, NDArray t, int n, int k) {
        if (isOneHot(t, n, k)) {
            checkRows(op, t, n, k);
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
