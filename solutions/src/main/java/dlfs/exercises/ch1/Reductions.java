package dlfs.exercises.ch1;

import dlfs.nd.NDArray;

/** Solution of exercise ch1 — sum/mean/max/argmax along an axis: x seen as (outer, len, inner). */
public final class Reductions {
    private Reductions() {
    }

    private static int checkAxis(NDArray x, int axis) {
        int k = x.ndim(), a = axis < 0 ? axis + k : axis;
        if (a < 0 || a >= k)
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of shape " + x.shapeString());
        return a;
    }

    private static int product(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }

    private static int[] resultShape(int[] s, int a, boolean keepdims) {
        if (keepdims) {
            int[] r = s.clone();
            r[a] = 1;
            return r;
        }
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != a) r[j++] = s[i];
        return r;
    }

    /** kind 0: sum, 1: max, 2: argmax. */
    private static NDArray reduce(NDArray x, int axis, boolean keepdims, int kind) {
        int a = checkAxis(x, axis);
        int[] s = x.shape();
        int outer = product(s, 0, a), len = s[a], inner = product(s, a + 1, s.length);
        if (kind > 0 && len == 0) throw new IllegalArgumentException("max/argmax of an empty axis " + axis + " of " + x.shapeString());
        double[] d = x.data(), out = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) {
                double acc = kind == 0 ? 0 : d[o * len * inner + i];
                int best = 0;
                for (int j = 0; j < len; j++) {
                    double v = d[(o * len + j) * inner + i];
                    if (kind == 0) acc += v;
                    else if (v > acc) {
                        acc = v;
                        best = j;
                    }
                }
                out[o * inner + i] = kind == 2 ? best : acc;
            }
        return NDArray.of(out, resultShape(s, a, keepdims));
    }

    public static NDArray sum(NDArray x, int axis, boolean keepdims) {
        return reduce(x, axis, keepdims, 0);
    }

    public static NDArray mean(NDArray x, int axis, boolean keepdims) {
        NDArray s = reduce(x, axis, keepdims, 0);
        int n = x.shape(checkAxis(x, axis));
        double[] d = s.data();
        for (int i = 0; i < d.length; i++) d[i] /= n;
        return s;
    }

    public static NDArray max(NDArray x, int axis, boolean keepdims) {
        return reduce(x, axis, keepdims, 1);
    }

    public static NDArray argmax(NDArray x, int axis) {
        return reduce(x, axis, false, 2);
    }
}
