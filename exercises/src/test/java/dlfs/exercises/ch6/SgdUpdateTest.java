package dlfs.exercises.ch6;

import dlfs.exercises.Check;
import dlfs.exercises.OptimizerChecks;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import dlfs.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

@Exercise(value = SgdUpdate.class, title = "ch6 SGD update",
        replaces = {"dlfs.optim.SGD", "dlfs.optim.Momentum", "dlfs.optim.Nesterov", "dlfs.gradient.GradientDescent"})
class SgdUpdateTest {
    @Test
    @Points(2)
    void oneStepInPlace() {
        NDArray w = NDArray.of(1.0, -2.0), g = NDArray.of(0.5, 1.0), g0 = g.copy();
        Map<String, NDArray> p = new HashMap<>(Map.of("W", w));
        new SgdUpdate(0.1).update(p, Map.of("W", g));
        Check.close("W = [1, -2] after one step with lr 0.1, grad [0.5, 1]", NDArray.of(0.95, -2.1), w, 1e-12, 1e-12);
        Check.unchanged("update (the gradient)", g0, g);
        Map<String, NDArray> q = new HashMap<>(Map.of("W", NDArray.of(1.0)));
        new SgdUpdate().update(q, Map.of("W", NDArray.of(2.0)));
        Check.close("W = [1] after one step of SgdUpdate() (lr 0.01), grad [2]", NDArray.of(0.98), q.get("W"), 1e-12, 1e-12);
    }

    @Test
    @Points(3)
    void matchesTheLibraryOverSeveralSteps() {
        OptimizerChecks.sameUpdates("SgdUpdate(0.1)", new SGD(0.1), new SgdUpdate(0.1), 171, 5);
    }
}
