package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.exercises.OptimizerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.optim.AdaGrad;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

@Exercise(value = AdaGradUpdate.class, title = "ch6 AdaGrad update",
        replaces = "dlfs.optim.AdaGrad")
class AdaGradUpdateTest {
    @Test
    @Points(2)
    void firstStepAndAZeroGradient() {
        Map<String, NDArray> p = new HashMap<>(Map.of("W", NDArray.of(1.0, -2.0, 3.0)));
        new AdaGradUpdate(0.1).update(p, Map.of("W", NDArray.of(0.5, -1.0, 0.0)));
        // h = g⊙g = [0.25, 1, 0]: the first step is about lr·sign(g), and a zero gradient leaves W as it is
        NDArray expected = NDArray.of(1 - 0.1 * 0.5 / (0.5 + 1e-7), -2 + 0.1 * 1.0 / (1.0 + 1e-7), 3.0);
        Check.close("W = [1, -2, 3] after one step with lr 0.1, grad [0.5, -1, 0]", expected, p.get("W"), 1e-12, 1e-12);
        Check.finite("W after a zero gradient with h = 0", p.get("W"));
    }

    @Test
    @Points(2)
    void hAccumulatesSoStepsShrink() {
        Map<String, NDArray> p = new HashMap<>(Map.of("W", NDArray.of(1.0)));
        AdaGradUpdate opt = new AdaGradUpdate(0.1);
        for (int s = 0; s < 3; s++) opt.update(p, Map.of("W", NDArray.of(1.0)));
        double expected = 1 - 0.1 / (1 + 1e-7) - 0.1 / (Math.sqrt(2) + 1e-7) - 0.1 / (Math.sqrt(3) + 1e-7);
        Check.close("W = [1] after three steps with lr 0.1, grad [1] (h = 1, 2, 3)", NDArray.of(expected), p.get("W"), 1e-12, 1e-12);
        Map<String, NDArray> q = new HashMap<>(Map.of("W", NDArray.of(1.0)));
        new AdaGradUpdate().update(q, Map.of("W", NDArray.of(4.0)));
        Check.close("W = [1] after one step of AdaGradUpdate() (lr 0.01), grad [4]", NDArray.of(1 - 0.01 * 4 / (4 + 1e-7)), q.get("W"), 1e-12, 1e-12);
    }

    @Test
    @Points(3)
    void matchesTheLibraryOverSeveralSteps() {
        OptimizerChecks.sameUpdates("AdaGradUpdate(0.3)", new AdaGrad(0.3), new AdaGradUpdate(0.3), 181, 6);
    }
}
