package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.exercises.OptimizerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.optim.Adam;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

@Exercise(value = AdamUpdate.class, title = "ch6 Adam update",
        replaces = "dlfs.optim.Adam")
class AdamUpdateTest {
    @Test
    @Points(2)
    void firstStepMovesByAboutTheLearningRate() {
        // at t = 1: m = 0.1 g, v = 0.001 g², lr_t = lr·√0.001/0.1, so the step is lr·g/|g| (up to 1e-7)
        Map<String, NDArray> p = new HashMap<>(Map.of("W", NDArray.of(1.0, 1.0)));
        new AdamUpdate(0.01).update(p, Map.of("W", NDArray.of(3.0, -0.5)));
        Check.close("W after one Adam step", NDArray.of(0.99, 1.01), p.get("W"), 1e-6, 1e-8);
    }

    @Test
    @Points(4)
    void matchesTheLibraryOverSeveralSteps() {
        OptimizerChecks.sameUpdates("AdamUpdate(0.01)", new Adam(0.01), new AdamUpdate(0.01), 171, 8);
    }

    @Test
    @Points(1)
    void otherBetas() {
        OptimizerChecks.sameUpdates("AdamUpdate(0.1, 0.5, 0.9)", new Adam(0.1, 0.5, 0.9), new AdamUpdate(0.1, 0.5, 0.9), 181, 4);
    }
}
