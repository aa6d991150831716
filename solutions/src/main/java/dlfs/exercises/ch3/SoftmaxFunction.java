package dlfs.exercises.ch3;

import dlfs.nd.NDArray;

/** Solution of exercise ch3 — the overflow-safe softmax, row by row for a batch. */
public final class SoftmaxFunction {
    private SoftmaxFunction() {
    }

    public static NDArray softmax(NDArray a) {
        if (a.ndim() == 1) {
            NDArray e = a.sub(a.max()).exp();
            return e.div(e.sum());
        }
        if (a.ndim() != 2) throw new IllegalArgumentException("softmax: expected (K) or (N, K), got " + a.shapeString());
        NDArray e = a.sub(a.max(1, true)).exp();
        return e.div(e.sum(1, true));
    }
}
