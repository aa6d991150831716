package dlfs.optim;

import dlfs.nd.NDArray;
import dlfs.param.Parameter;

import java.util.List;
import java.util.Map;

/**
 * A parameter update rule (ch6 6.1, "参数的更新"): given the parameters and their gradients by
 * name, it changes the parameters in place, as the book's {@code optimizer.update(params, grads)}.
 * The training loop steps typed parameters ({@link #step}), which comes to the same update.
 * The kit's optimizers ({@link SGD}, {@link Momentum}, {@link Nesterov}, {@link AdaGrad},
 * {@link RMSProp}, {@link Adam}) share their loop in {@link UpdateRule} and are each just their
 * formula; any class in the book's style (one {@code update} method) is an optimizer too.
 */
public interface Optimizer {
    /** The book's {@code update(params, grads)}: changes each {@code params} array in place using the gradient of the same name. */
    void update(Map<String, NDArray> params, Map<String, NDArray> grads);

    /**
     * One update of typed parameters, each with its gradient set (after {@code net.gradient(x, t)}):
     * by default {@link #update} on their {@code params} and {@code grads} dictionaries
     * ({@link Parameter#values}, {@link Parameter#grads}), so that every optimizer written in the
     * book's style steps them too.
     */
    default void step(List<Parameter> parameters) {
        update(Parameter.values(parameters), Parameter.grads(parameters));
    }

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
