package dlfs.exercises;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.LinkedHashMap;
import java.util.Map;

/** Runs a student's optimizer and the library's side by side on the same seeded parameters and gradients. */
public final class OptimizerChecks {
    private OptimizerChecks() {
    }

    public static Map<java.lang.String, NDArray> params(long seed) {
        Map<java.lang.String, NDArray> p = new LinkedHashMap<>();
        p.put("W1", Check.randn(seed, 4, 3));
        p.put("b1", Check.randn(seed + 1, 3));
        return p;
    }

    public static Map<java.lang.String, NDArray> grads(long seed, int step) {
        Map<java.lang.String, NDArray> g = new LinkedHashMap<>();
        g.put("W1", Check.randn(seed + 100 + step, 4, 3));
        g.put("b1", Check.randn(seed + 200 + step, 3));
        return g;
    }

    /** Applies {@code steps} updates with fresh gradients to both and compares the parameters after each. */
    public static void sameUpdates(java.lang.String what, Optimizer reference, Optimizer yours, long seed, int steps) {
        Map<java.lang.String, NDArray> ref = params(seed), mine = params(seed);
        Map<java.lang.String, NDArray> liveW = new LinkedHashMap<>(mine);
        for (int s = 0; s < steps; s++) {
            reference.update(ref, grads(seed, s));
            yours.update(mine, grads(seed, s));
            for (java.lang.String k : ref.keySet()) {
                if (mine.get(k) != liveW.get(k))
                    org.junit.jupiter.api.Assertions.fail(what + ": replaced the array of '" + k + "'; update the parameter in place");
                Check.close(what + ", '" + k + "' after update " + (s + 1), ref.get(k), mine.get(k), 1e-6, 1e-9);
            }
        }
    }
}
