package dlfs.exercises.ch4;

import dlfs.nd.NDArray;

import java.util.Arrays;

/** Solution of exercise ch4 — MSE and cross-entropy (one-hot or label targets), batch-averaged. */
public final class LossFunctions {
    public static final double DELTA = 1e-7;

    private LossFunctions() {
    }

    public static double meanSquaredError(NDArray y, NDArray t) {
        if (!Arrays.equals(y.shape(), t.shape()))
            throw new IllegalArgumentException("meanSquaredError: y " + y.shapeString() + " and t " + t.shapeString() + " differ");
        double e = 0.5 * y.sub(t).square().sum();
        return y.ndim() == 2 ? e / y.shape(0) : e;
    }

    public static double crossEntropyError(NDArray y, NDArray t) {
        NDArray y2 = y.ndim() == 1 ? y.reshape(1, y.size()) : y;
        int n = y2.shape(0), k = y2.shape(1);
        if (Arrays.equals(y.shape(), t.shape()))
            return -t.mul(y.add(DELTA).log()).sum() / n;
        if (t.size() != n || t.ndim() > 1)
            throw new IllegalArgumentException("crossEntropyError: t " + t.shapeString() + " is neither one-hot like y "
                    + y.shapeString() + " nor one label per row (" + n + ",)");
        double[] labels = t.data();
        double s = 0;
        for (int i = 0; i < n; i++) {
            int c = (int) labels[i];
            if (c < 0 || c >= k || c != labels[i])
                throw new IllegalArgumentException("crossEntropyError: label " + labels[i] + " in row " + i + " is not a class in [0, " + k + ")");
            s += Math.log(y2.get(i, c) + DELTA);
        }
        return -s / n;
    }
}
