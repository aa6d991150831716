package dlfs.experiments.ch6;

import dlfs.functions.Activations;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.Init;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The activation-histogram experiment of ch6 ("权重参数的初始化", the book's
 * {@code weight_init_activation_histogram.py}): 1000 random inputs (N(0,1), 100 features) pass
 * through 5 layers of 100 units, {@code z = activation(x · W)} with W ~ N(0, σ²), no bias; the
 * distribution of each layer's activations shows
 * <ul>
 *   <li>σ = 1 with sigmoid: values pile up at 0 and 1, where the gradient vanishes;</li>
 *   <li>σ = 0.01 with sigmoid: all values near 0.5, the layers say the same thing (表现力受限);</li>
 *   <li>Xavier σ = 1/√n with sigmoid or tanh: a healthy spread in every layer;</li>
 *   <li>ReLU: σ = 0.01 shrinks towards 0 layer by layer, Xavier shrinks slowly, He σ = √(2/n)
 *       keeps the same spread.</li>
 * </ul>
 * He's σ is the book's √(2/n). The seed writes it as 2/√n; that is a typo in the notes (2/√100 =
 * 0.2 instead of √0.02 ≈ 0.141), and the kit uses the book's value.
 * The activations come back as arrays, one per layer; a plot helper draws the histograms.
 */
public final class InitExperiment {
    public static final int LAYERS = 5, NODES = 100, SAMPLES = 1000;

    private InitExperiment() {
    }

    /** "sigmoid", "tanh" or "relu" applied to an array. */
    public static NDArray activate(String activation, NDArray a) {
        return switch (activation.trim().toLowerCase(Locale.ROOT)) {
            case "sigmoid" -> Activations.sigmoid(a);
            case "tanh" -> Activations.tanh(a);
            case "relu" -> Activations.relu(a);
            default -> throw new IllegalArgumentException("InitExperiment: activation '" + activation + "' is not sigmoid, tanh or relu");
        };
    }

    /**
     * The weight σ for an init name and fan-in: "xavier", "he", or a number ("1", "0.01"), via
     * {@link Init#stdFor}.
     */
    public static double std(String init, int fanIn) {
        return Init.stdFor(init, fanIn);
    }

    /** The book's setup: 5 layers of 100 units, 1000 samples. Element i is layer i+1's activations (1000, 100). */
    public static List<NDArray> activations(String activation, String init, Rng rng) {
        return activations(activation, init, LAYERS, NODES, SAMPLES, rng);
    }

    public static List<NDArray> activations(String activation, String init, int layers, int nodes, int samples, Rng rng) {
        if (layers <= 0 || nodes <= 0 || samples <= 0)
            throw new IllegalArgumentException("InitExperiment: layers, nodes and samples must be positive");
        double std = std(init, nodes);
        NDArray x = rng.randn(samples, nodes);
        List<NDArray> out = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            NDArray w = rng.randn(nodes, nodes).muli(std);
            x = activate(activation, x.dot(w));
            out.add(x);
        }
        return out;
    }

    /**
     * The same activations by layer name ("1-layer" … "5-layer", the book's panel titles), flat:
     * the input of {@code dlfs.plot.Plots.activationHistograms(map, 30)}.
     */
    public static Map<String, double[]> byLayer(List<NDArray> activations) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < activations.size(); i++) m.put((i + 1) + "-layer", activations.get(i).data());
        return m;
    }

    /**
     * One row per (activation, init, layer) with the mean and standard deviation of the
     * activations and the fraction "saturated": within 0.01 of 0 or of 1 (sigmoid), of ±1 (tanh),
     * exactly 0 (ReLU).
     */
    public static Table summary(String[] activations, String[] inits, long seed) {
        StringColumn act = StringColumn.create("activation"), ini = StringColumn.create("init");
        IntColumn layer = IntColumn.create("layer");
        DoubleColumn mean = DoubleColumn.create("mean"), std = DoubleColumn.create("std"), sat = DoubleColumn.create("saturated");
        for (String a : activations) {
            for (String in : inits) {
                List<NDArray> z = InitExperiment.activations(a, in, new Rng(seed));
                for (int i = 0; i < z.size(); i++) {
                    NDArray v = z.get(i);
                    act.append(a);
                    ini.append(in);
                    layer.append(i + 1);
                    mean.append(v.mean());
                    std.append(Math.sqrt(v.sub(v.mean()).square().mean()));
                    sat.append(saturated(a, v));
                }
            }
        }
        return Table.create("activation distributions (5 layers of 100, 1000 inputs)", act, ini, layer, mean, std, sat);
    }

    /** Fraction of values in the flat regions of the activation (see {@link #summary}). */
    public static double saturated(String activation, NDArray z) {
        String a = activation.trim().toLowerCase(Locale.ROOT);
        int count = 0;
        for (double v : z.data()) {
            boolean s = switch (a) {
                case "sigmoid" -> v < 0.01 || v > 0.99;
                case "tanh" -> Math.abs(v) > 0.99;
                default -> v == 0;
            };
            if (s) count++;
        }
        return (double) count / z.size();
    }
}
