package dlfs.exercises.ch3;

import dlfs.nd.NDArray;

/** Solution of exercise ch3 — step, sigmoid and ReLU, elementwise. */
public final class ActivationFunctions {
    private ActivationFunctions() {
    }

    public static NDArray step(NDArray x) {
        return x.gt(0);
    }

    public static NDArray sigmoid(NDArray x) {
        return x.map(v -> 1 / (1 + Math.exp(-v)));
    }

    public static NDArray relu(NDArray x) {
        return x.maximum(0);
    }
}
