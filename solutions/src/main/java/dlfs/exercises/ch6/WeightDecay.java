package dlfs.exercises.ch6;

import dlfs.nd.NDArray;

import java.util.Map;

/** Solution of exercise ch6 — weight decay: ½λΣ‖W‖² in the loss, λW in each weight's gradient. */
public final class WeightDecay {
    private final double lambda;

    public WeightDecay(double lambda) {
        this.lambda = lambda;
    }

    private static boolean isWeight(String name) {
        return name.startsWith("W");
    }

    public double penalty(Map<String, NDArray> params) {
        double squares = 0;
        for (Map.Entry<String, NDArray> e : params.entrySet())
            if (isWeight(e.getKey())) for (double w : e.getValue().data()) squares += w * w;
        return 0.5 * lambda * squares;
    }

    public void addToGradients(Map<String, NDArray> params, Map<String, NDArray> grads) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            if (!isWeight(e.getKey())) continue;
            double[] w = e.getValue().data(), g = grads.get(e.getKey()).data();
            for (int i = 0; i < w.length; i++) g[i] += lambda * w[i];
        }
    }
}
