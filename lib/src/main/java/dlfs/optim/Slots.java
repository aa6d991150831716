package dlfs.optim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One parameter's optimizer state (ch6): the book's {@code self.v[key]}, {@code self.h[key]},
 * {@code self.m[key]}, each created as zeros like the parameter the first time it is asked for,
 * as the book's
 * <pre>
 *   if self.v is None:
 *       self.v = {}
 *       for key, val in params.items():
 *           self.v[key] = np.zeros_like(val)
 * </pre>
 * {@link UpdateRule} keeps one {@code Slots} per parameter name and starts it again if that
 * parameter's shape changes.
 */
public final class Slots {
    private final int[] shape;
    private final int size;
    private final Map<String, double[]> slots = new HashMap<>(2);

    Slots(int[] shape, int size) {
        this.shape = shape.clone();
        this.size = size;
    }

    /** Whether this state is for a parameter of that shape. */
    boolean fits(int[] shape) {
        return Arrays.equals(this.shape, shape);
    }

    /** The state array {@code name} (e.g. "v") of this parameter, row-major as the parameter; zeros the first time. */
    public double[] get(String name) {
        return slots.computeIfAbsent(name, k -> new double[size]);
    }
}
