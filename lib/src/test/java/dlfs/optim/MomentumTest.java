package dlfs.optim;

import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MomentumTest {
    @Test
    void twoStepsByHand() {
        NDArray w = NDArray.of(1.0, -2.0);
        NDArray g = NDArray.of(0.5, 1.0);
        Momentum m = new Momentum(0.1, 0.9);
        m.update(Map.of("W", w), Map.of("W", g));
        // v = -0.1*g = (-0.05, -0.1); w = (0.95, -2.1)
        assertArrayEquals(new double[]{0.95, -2.1}, w.toArray(), 1e-12);
        m.update(Map.of("W", w), Map.of("W", g));
        // v = 0.9*(-0.05,-0.1) - (0.05, 0.1) = (-0.095, -0.19); w = (0.855, -2.29)
        assertArrayEquals(new double[]{0.855, -2.29}, w.toArray(), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Momentum(-1));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0));
        Momentum m = new Momentum(0.1);
        Exception e = assertThrows(RuntimeException.class,
                () -> m.update(Map.of("W", NDArray.zeros(2, 3)), Map.of("W", NDArray.zeros(3, 2))));
        assertTrue(e.getMessage().contains("(3, 2)"), e.getMessage());
    }
}
