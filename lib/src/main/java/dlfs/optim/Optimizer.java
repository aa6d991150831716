package dlfs.optim;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * A parameter update rule (ch6, "参数的更新"): given the parameters and their gradients by name,
 * it changes the parameters in place, as the book's {@code optimizer.update(params, grads)}.
 */
public interface Optimizer {
    void update(Map<String, NDArray> params, Map<String, NDArray> grads);

    /**
     * The learning rate η of the update (ch6), or NaN if this optimizer does not say. The training
     * loop's divergence check ({@code dlfs.monitor.Divergence}) names it when it suggests a smaller one.
     */
    default double learningRate() {
        return Double.NaN;
    }

    /** Checks that every parameter has a gradient of its own shape, naming the first that does not. */
    static void checkMatching(Map<String, NDArray> params, Map<String, NDArray> grads) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = grads.get(e.getKey());
            if (g == null)
                throw new IllegalArgumentException("update: no gradient for parameter '" + e.getKey() + "' (gradients: " + grads.keySet() + ")");
            if (!java.util.Arrays.equals(g.shape(), e.getValue().shape()))
                throw new dlfs.nd.ShapeException("update: gradient of '" + e.getKey() + "' has shape " + g.shapeString()
                        + " but the parameter has shape " + e.getValue().shapeString());
        }
    }
}
