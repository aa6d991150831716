package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.exercises.OptimizerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.optim.Momentum;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

@Exercise(value = MomentumUpdate.class, title = "ch6 Momentum update",
        replaces = {"dlfs.optim.Momentum", "dlfs.optim.Nesterov"})
class MomentumUpdateTest {
    @Test
    @Points(2)
    void firstStepIsPlainSgd() {
        Map<String, NDArray> p = new HashMap<>(Map.of("W", NDArray.of(1.0, -2.0)));
        new MomentumUpdate(0.1, 0.9).update(p, Map.of("W", NDArray.of(0.5, 1.0)));
        Check.close("W after one step (v = -lr * g)", NDArray.of(0.95, -2.1), p.get("W"), 1e-12, 1e-12);
    }

    @Test
    @Points(2)
    void velocityCarriesOver() {
        Map<String, NDArray> p = new HashMap<>(Map.of("W", NDArray.of(1.0)));
        MomentumUpdate opt = new MomentumUpdate(0.1, 0.9);
        opt.update(p, Map.of("W", NDArray.of(1.0)));   // v = -0.1, W = 0.9
        opt.update(p, Map.of("W", NDArray.of(1.0)));   // v = -0.09 - 0.1 = -0.19, W = 0.71
        Check.close("W after two steps with g = 1", NDArray.of(0.71), p.get("W"), 1e-12, 1e-12);
    }

    @Test
    @Points(3)
    void matchesTheLibraryOverSeveralSteps() {
        OptimizerChecks.sameUpdates("MomentumUpdate(0.05, 0.8)", new Momentum(0.05, 0.8), new MomentumUpdate(0.05, 0.8), 161, 6);
    }
}
