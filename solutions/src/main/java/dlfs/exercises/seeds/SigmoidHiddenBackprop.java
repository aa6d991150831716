package dlfs.exercises.seeds;

import dlfs.functions.Activations;
import dlfs.functions.Labels;
import dlfs.nd.NDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Solution of exercise seed 000 — the hand-written BP net's Δw1, Δw2 with the sigmoid's sig_h(1 − sig_h). */
public final class SigmoidHiddenBackprop {
    private SigmoidHiddenBackprop() {
    }

    public static Map<String, NDArray> gradient(Map<String, NDArray> params, NDArray x, NDArray t) {
        NDArray w1 = params.get("w1"), w2 = params.get("w2");
        int batch = x.shape(0);
        NDArray label = Labels.oneHot("SigmoidHiddenBackprop", t, batch, w2.shape(1));
        NDArray sigH = Activations.sigmoid(x.matmul(w1));
        NDArray pre = Activations.softmax(sigH.matmul(w2));
        NDArray g2 = pre.subi(label).divi(batch);
        NDArray dH = g2.dott(w2).muli(sigH).muli(sigH.rsub(1));
        Map<String, NDArray> g = new LinkedHashMap<>();
        g.put("w1", x.tdot(dH));
        g.put("w2", sigH.tdot(g2));
        return g;
    }
}
