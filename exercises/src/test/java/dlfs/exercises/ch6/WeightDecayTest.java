package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNet;
import dlfs.nets.MultiLayerNetExtend;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

@Exercise(value = WeightDecay.class, title = "ch6 weight decay (L2)",
        replaces = {"dlfs.nets.SequentialNet", "dlfs.nets.MultiLayerNet", "dlfs.nets.MultiLayerNetExtend"})
class WeightDecayTest {
    private static Map<java.lang.String, NDArray> small() {
        Map<java.lang.String, NDArray> p = new LinkedHashMap<>();
        p.put("W1", NDArray.of(new double[][]{{1, 2}, {3, 4}}));
        p.put("b1", NDArray.of(10, 20));
        p.put("gamma1", NDArray.of(5, 6));
        p.put("beta1", NDArray.of(7, 8));
        p.put("W2", NDArray.of(new double[][]{{-1}, {0.5}}));
        p.put("b2", NDArray.of(7));
        return p;
    }

    @Test
    @Points(2)
    void penaltyOverTheWeightsOnly() {
        Map<java.lang.String, NDArray> p = small();
        // Σ‖W‖² = (1 + 4 + 9 + 16) + (1 + 0.25) = 31.25; biases, gamma and beta do not count
        Check.close("penalty with λ = 0.1 of W1 = [[1, 2], [3, 4]], W2 = [[-1], [0.5]] (and biases b1, b2, gamma1, beta1)",
                0.5 * 0.1 * 31.25, new WeightDecay(0.1).penalty(p), 1e-12);
        Check.close("penalty with λ = 0", 0.0, new WeightDecay(0).penalty(p), 0);
        Map<java.lang.String, NDArray> before = Check.copyOf(p);
        for (java.lang.String k : p.keySet()) Check.unchanged("penalty (parameter '" + k + "')", before.get(k), p.get(k));
    }

    @Test
    @Points(2)
    void gradientTermOnTheWeightsOnly() {
        Map<java.lang.String, NDArray> p = small(), before = Check.copyOf(p);
        Map<java.lang.String, NDArray> g = new LinkedHashMap<>();
        long seed = 331;
        for (Map.Entry<java.lang.String, NDArray> e : p.entrySet()) g.put(e.getKey(), Check.randn(seed++, e.getValue().shape()));
        Map<java.lang.String, NDArray> g0 = Check.copyOf(g);
        new WeightDecay(0.1).addToGradients(p, g);
        for (java.lang.String k : p.keySet()) {
            NDArray expected = k.startsWith("W") ? g0.get(k).add(p.get(k).mul(0.1)) : g0.get(k);
            Check.close("gradient '" + k + "' after addToGradients with λ = 0.1" + (k.startsWith("W") ? " (dW + λW)" : " (not a weight: unchanged)"),
                    expected, g.get(k), 1e-12, 1e-12);
            Check.unchanged("addToGradients (parameter '" + k + "')", before.get(k), p.get(k));
        }
    }

    @Test
    @Points(3)
    void matchesTheLibrarysNet() {
        NDArray x = Check.randn(341, 6, 4), t = Check.labels(342, 6, 3);
        double lambda = 0.3;
        MultiLayerNet plain = new MultiLayerNet(4, new int[]{5, 3}, 3, "relu", "he", 0, new Rng(343));
        MultiLayerNet decayed = new MultiLayerNet(4, new int[]{5, 3}, 3, "relu", "he", lambda, new Rng(343));
        WeightDecay wd = new WeightDecay(lambda);
        Check.close("MultiLayerNet loss with λ = 0.3 (data loss + penalty(params))", decayed.loss(x, t),
                plain.loss(x, t) + wd.penalty(plain.params()), 1e-9);
        Map<java.lang.String, NDArray> g = Check.copyOf(plain.gradient(x, t));
        wd.addToGradients(plain.params(), g);
        Map<java.lang.String, NDArray> ref = decayed.gradient(x, t);
        for (java.lang.String k : ref.keySet())
            Check.close("MultiLayerNet gradient '" + k + "' with λ = 0.3 (gradient without decay, then addToGradients)", ref.get(k), g.get(k));
        // with Batch Normalization: gamma and beta are not decayed
        MultiLayerNetExtend bnPlain = new MultiLayerNetExtend(4, new int[]{5}, 3, "relu", "he", 0, false, 0, true, new Rng(344));
        MultiLayerNetExtend bnDecayed = new MultiLayerNetExtend(4, new int[]{5}, 3, "relu", "he", lambda, false, 0, true, new Rng(344));
        Check.close("MultiLayerNetExtend (batch norm) loss with λ = 0.3", bnDecayed.loss(x, t), bnPlain.loss(x, t) + wd.penalty(bnPlain.params()), 1e-9);
        Map<java.lang.String, NDArray> gb = Check.copyOf(bnPlain.gradient(x, t));
        wd.addToGradients(bnPlain.params(), gb);
        Map<java.lang.String, NDArray> refb = bnDecayed.gradient(x, t);
        for (java.lang.String k : refb.keySet())
            Check.close("MultiLayerNetExtend gradient '" + k + "' with λ = 0.3", refb.get(k), gb.get(k));
    }
}
