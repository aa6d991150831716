package dlfs.train;

import dlfs.gradient.NumericalGradient;
import dlfs.layers.Layer;
import dlfs.nd.NDArray;
import dlfs.nets.Net;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Gradient check of ch5 5.7.3 ("梯度确认"): backpropagation is fast but easy to get wrong,
 * numerical differentiation (ch4, {@link NumericalGradient}) is slow but simple, so compare them
 * on a few samples. The book reports {@code mean(|backprop − numerical|)} per parameter
 * ({@link #compare}); for its TwoLayerNet on 3 samples these are about 1e-10 to 1e-7.
 * <p>One check, three forms: of a net ({@link #check(Net, NDArray, NDArray)}: any {@link Net},
 * perturbing each live parameter element and recomputing {@code net.loss(x, t)}), of a layer
 * ({@link #check(Layer, NDArray, NDArray)}: its input and its parameters), and of any loss that
 * reads named arrays ({@link #check(DoubleSupplier, Map, Map)}). Each gives a {@link Difference}
 * per array, and {@link #worst} the largest relative one.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * How far one backprop gradient {@code a} is from the numerical one {@code n}:
     * {@code meanAbs = mean|a − n|} (the book's number), {@code maxAbs = max|a − n|}, and
     * {@code relative = max|a − n| / max(1, max|n|)} (absolute for small gradients, relative to the
     * largest element for large ones).
     */
    public record Difference(double meanAbs, double maxAbs, double relative) {
        /** The difference of a backprop gradient from a numerical one of the same shape. */
        public static Difference of(NDArray backprop, NDArray numerical) {
            NDArray abs = backprop.sub(numerical).abs();
            double maxAbs = abs.max();
            return new Difference(abs.mean(), maxAbs, maxAbs / Math.max(1.0, numerical.abs().max()));
        }
    }

    /**
     * The book's gradient check of a net: mean |backprop − numerical| per parameter name, in the
     * order of {@code net.params()} ({@link #check(Net, NDArray, NDArray)} has the other measures).
     */
    public static Map<String, Double> compare(Net net, NDArray x, NDArray t) {
        Map<String, Double> mean = new LinkedHashMap<>();
        check(net, x, t).forEach((name, d) -> mean.put(name, d.meanAbs()));
        return mean;
    }

    /** Backprop ({@code net.gradient(x, t)}) against numerical gradients of {@code net.loss(x, t)}, per parameter name. */
    public static Map<String, Difference> check(Net net, NDArray x, NDArray t) {
        return check(() -> net.loss(x, t), net.params(), copies(net.gradient(x, t)));
    }

    /**
     * A layer's backward against central differences of the scalar {@code L = Σ forward(x) ⊙ r}
     * (training mode) for a fixed {@code r} of the output's shape, whose ∂L/∂out is {@code r}:
     * the input's gradient under the name {@code "x"}, then each parameter's by its name.
     */
    public static Map<String, Difference> check(Layer layer, NDArray x, NDArray r) {
        NDArray y = layer.forward(x, true);
        if (!Arrays.equals(y.shape(), r.shape()))
            throw new dlfs.nd.ShapeException("GradientCheck: r has shape " + r.shapeString() + " but the layer's output has shape "
                    + y.shapeString());
        Map<String, NDArray> backprop = new LinkedHashMap<>(), wrt = new LinkedHashMap<>();
        backprop.put("x", layer.backward(r).copy());
        backprop.putAll(copies(layer.grads()));
        wrt.put("x", x);
        wrt.putAll(layer.params());
        return check(() -> layer.forward(x, true).mul(r).sum(), wrt, backprop);
    }

    /**
     * The check itself: for each named live array of {@code wrt} (which {@code loss} reads), the
     * backprop gradient of the same name against {@link NumericalGradient#numericalGradient(DoubleSupplier, NDArray)}.
     * {@code backprop} must not change while {@code loss} runs (pass copies of a layer's or net's buffers).
     *
     * @throws IllegalStateException naming an array without a backprop gradient
     * @throws dlfs.nd.ShapeException naming a backprop gradient of the wrong shape
     */
    public static Map<String, Difference> check(DoubleSupplier loss, Map<String, NDArray> wrt, Map<String, NDArray> backprop) {
        for (Map.Entry<String, NDArray> e : wrt.entrySet()) {
            NDArray b = backprop.get(e.getKey());
            if (b == null)
                throw new IllegalStateException("GradientCheck: the backprop gradients have no entry for '" + e.getKey()
                        + "' (they have " + backprop.keySet() + ")");
            if (!Arrays.equals(b.shape(), e.getValue().shape()))
                throw new dlfs.nd.ShapeException("GradientCheck: backprop gradient of '" + e.getKey() + "' has shape "
                        + b.shapeString() + " but the array has shape " + e.getValue().shapeString());
        }
        Map<String, Difference> diffs = new LinkedHashMap<>();
        NumericalGradient.of(loss, wrt).forEach((name, n) -> diffs.put(name, Difference.of(backprop.get(name), n)));
        return diffs;
    }

    /** The largest {@link Difference#relative} of a check (0 for none). */
    public static double worst(Map<String, Difference> diffs) {
        return diffs.values().stream().mapToDouble(Difference::relative).max().orElse(0);
    }

    /** The result of {@link #compare} as a table with columns {@code param, mean_abs_diff}. */
    public static Table table(Map<String, Double> diffs) {
        return Table.create("gradient check",
                StringColumn.create("param", diffs.keySet().toArray(new String[0])),
                DoubleColumn.create("mean_abs_diff", diffs.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static Map<String, NDArray> copies(Map<String, NDArray> arrays) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        arrays.forEach((name, a) -> m.put(name, a.copy()));
        return m;
    }
}
