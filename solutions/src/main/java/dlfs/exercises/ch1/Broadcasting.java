package dlfs.exercises.ch1;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

/** Solution of exercise ch1 — broadcasting: the result shape, and an add that reads each operand through it. */
public final class Broadcasting {
    private Broadcasting() {
    }

    public static int[] broadcastShape(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            int da = k < n - a.length ? 1 : a[k - (n - a.length)];
            int db = k < n - b.length ? 1 : b[k - (n - b.length)];
            if (da != db && da != 1 && db != 1)
                throw new IllegalArgumentException("broadcasting: shapes " + ShapeException.fmt(a) + " and " + ShapeException.fmt(b)
                        + " do not broadcast (sizes " + da + " and " + db + " on axis " + k + " of the result)");
            out[k] = da == 1 ? db : da;
        }
        return out;
    }

    /** The flat position in an operand of shape {@code shape} of the result index {@code idx} (right-aligned, 0 on size-1 axes). */
    private static int offsetOf(int[] shape, int[] idx) {
        int lead = idx.length - shape.length, off = 0;
        for (int d = 0; d < shape.length; d++) off = off * shape[d] + (shape[d] == 1 ? 0 : idx[lead + d]);
        return off;
    }

    public static NDArray add(NDArray a, NDArray b) {
        int[] s = broadcastShape(a.shape(), b.shape());
        NDArray out = NDArray.zeros(s);
        double[] o = out.data(), ad = a.data(), bd = b.data();
        int[] as = a.shape(), bs = b.shape(), idx = new int[s.length];
        for (int flat = 0; flat < o.length; flat++) {
            int rest = flat;
            for (int d = s.length - 1; d >= 0; d--) {
                idx[d] = rest % s[d];
                rest /= s[d];
            }
            o[flat] = ad[offsetOf(as, idx)] + bd[offsetOf(bs, idx)];
        }
        return out;
    }
}
