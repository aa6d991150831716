package dlfs.train;

import dlfs.gradient.NumericalGradient;
import dlfs.nd.NDArray;
import dlfs.nets.Net;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient check of ch5 ("梯度确认"): backpropagation is fast but easy to get wrong, numerical
 * differentiation is slow but simple, so compare them on a few samples. For each parameter it
 * reports {@code mean(|backprop − numerical|)}; for the book's TwoLayerNet on 3 samples these are
 * about 1e-10 to 1e-7. Works for any {@link Net}: the numerical side perturbs each live parameter
 * element and recomputes {@code net.loss(x, t)}.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** Mean absolute difference between backprop and numerical gradients, per parameter name. */
    public static Map<String, Double> compare(Net net, NDArray x, NDArray t) {
        Map<String, NDArray> backprop = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : net.gradient(x, t).entrySet()) backprop.put(e.getKey(), e.getValue().copy());
        Map<String, NDArray> numerical = NumericalGradient.of(net, x, t);
        Map<String, Double> diff = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : numerical.entrySet()) {
            NDArray b = backprop.get(e.getKey());
            if (b == null)
                throw new IllegalStateException("GradientCheck: the net's gradient() has no entry for parameter '" + e.getKey()
                        + "' (it returned " + backprop.keySet() + ")");
            if (!java.util.Arrays.equals(b.shape(), e.getValue().shape()))
                throw new dlfs.nd.ShapeException("GradientCheck: backprop gradient of '" + e.getKey() + "' has shape "
                        + b.shapeString() + " but the parameter has shape " + e.getValue().shapeString());
            diff.put(e.getKey(), b.sub(e.getValue()).abs().mean());
        }
        return diff;
    }

    /** The result of {@link #compare} as a table with columns {@code param, mean_abs_diff}. */
    public static Table table(Map<String, Double> diffs) {
        return Table.create("gradient check",
                StringColumn.create("param", diffs.keySet().toArray(new String[0])),
                DoubleColumn.create("mean_abs_diff", diffs.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
