package dlfs.functions;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/**
 * Loss functions of ch4 ("损失函数"), averaged over the batch when given 2-D (N, classes) inputs:
 * <ul>
 *   <li>mean squared error, the book's form E = ½ Σ_k (y_k − t_k)²</li>
 *   <li>cross-entropy E = −Σ_k t_k log(y_k + δ), δ = 1e-7 so that log(0) never happens (eq. 4.2,
 *       batch form eq. 4.3); t class labels (one per row), or rows of the same shape as y: one-hot,
 *       or soft probability rows (label smoothing) that are ≥ 0 and sum to 1</li>
 *   <li>binary cross-entropy E = −Σ_k [t_k log(y_k + δ) + (1 − t_k) log(1 − y_k + δ)] (seed 002's
 *       sigmoid output)</li>
 * </ul>
 * A 1-D y is one sample, as the book's {@code y.reshape(1, y.size)}.
 */
public final class Losses {
    /** The small δ added inside log so that log(0) = −∞ never happens. */
    public static final double DELTA = 1e-7;

    private Losses() {
    }

    /** ½ Σ (y − t)², divided by the batch size when y is 2-D. */
    public static double meanSquaredError(NDArray y, NDArray t) {
        sameShape("meanSquaredError", y, t);
        double[] a = y.data(), b = t.data();
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return 0.5 * s / batch(y);
    }

    /**
     * Cross-entropy averaged over the batch (ch4, eq. 4.3): {@code −Σ t·log(y + 1e-7) / N} for
     * rows t of the same shape as y, one-hot or soft (each row ≥ 0 and summing to 1, checked by
     * {@link Labels#checkRows}), or {@code −Σ log(y[n, t_n] + 1e-7) / N} for labels t of shape (N).
     */
    public static double crossEntropyError(NDArray y, NDArray t) {
        NDArray y2 = y.ndim() == 1 ? y.reshape(1, y.size()) : y;
        if (y2.ndim() != 2) throw new ShapeException("crossEntropyError: y must be 1-D or 2-D (N, classes), got " + y.shapeString());
        int n = y2.shape(0), k = y2.shape(1);
        double[] yd = y2.data();
        double s = 0;
        if (t.size() == y2.size() && (t.ndim() == y.ndim())) {
            sameShape("crossEntropyError", y, t);
            Labels.checkRows("crossEntropyError", t.ndim() == 1 ? t.reshape(1, t.size()) : t, n, k);
            double[] td = t.data();
            for (int i = 0; i < yd.length; i++) if (td[i] != 0) s += td[i] * Math.log(yd[i] + DELTA);
        } else {
            int[] labels = Labels.check("crossEntropyError", t, n, k);
            for (int i = 0; i < n; i++) s += Math.log(yd[i * k + labels[i]] + DELTA);
        }
        return -s / n;
    }

    /** Binary cross-entropy of probabilities y in (0, 1) against 0/1 targets t, summed over outputs, averaged over the batch. */
    public static double binaryCrossEntropy(NDArray y, NDArray t) {
        sameShape("binaryCrossEntropy", y, t);
        double[] a = y.data(), b = t.data();
        double s = 0;
        for (int i = 0; i < a.length; i++) s += b[i] * Math.log(a[i] + DELTA) + (1 - b[i]) * Math.log(1 - a[i] + DELTA);
        return -s / batch(y);
    }

    private static int batch(NDArray y) {
        return y.ndim() >= 2 ? Math.max(y.shape(0), 1) : 1;
    }

    private static void sameShape(String op, NDArray y, NDArray t) {
        if (!java.util.Arrays.equals(y.shape(), t.shape()))
            throw new ShapeException(op + ": y " + y.shapeString() + " and t " + t.shapeString() + " must have the same shape");
    }
}
