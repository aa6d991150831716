package dlfs.perceptron;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LogicGatesTest {
    @Test
    void truthTablesInTheSeedsRowOrder() {
        assertArrayEquals(new int[][]{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 1}}, LogicGates.truthTable(LogicGates::and));
        assertArrayEquals(new int[][]{{0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 0}}, LogicGates.truthTable(LogicGates::nand));
        assertArrayEquals(new int[][]{{0, 0, 0}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}}, LogicGates.truthTable(LogicGates::or));
        assertArrayEquals(new int[][]{{0, 0, 0}, {1, 0, 1}, {0, 1, 1}, {1, 1, 0}}, LogicGates.truthTable(LogicGates::xor));
        assertArrayEquals(LogicGates.truthTable(LogicGates::and), LogicGates.AND.truthTable());
    }

    @Test
    void xorThroughNandAndOr() {
        // x1 x2 s1 s2 y, as the seed's table
        assertArrayEquals(new int[][]{{0, 0, 1, 0, 0}, {1, 0, 1, 1, 1}, {0, 1, 1, 1, 1}, {1, 1, 0, 1, 0}}, LogicGates.xorTable());
    }

    @Test
    void seedWeights() {
        assertEquals(new Perceptron(0.5, 0.5, -0.7), LogicGates.AND);
        assertEquals(new Perceptron(-0.5, -0.5, 0.7), LogicGates.NAND);
        assertEquals(new Perceptron(0.5, 0.5, -0.2), LogicGates.OR);
        // the threshold form of the seed: (w1, w2, θ) = (0.5, 0.5, 0.7) fires only above θ
        assertEquals(0, new Perceptron(0.5, 0.5, -0.7).fire(1, 0.4));
        assertEquals("x1\tx2\ty\n0\t0\t0\n1\t0\t0\n0\t1\t0\n1\t1\t1\n",
                LogicGates.format(LogicGates.truthTable(LogicGates::and), "x1", "x2", "y"));
        assertThrows(IllegalArgumentException.class, () -> LogicGates.and(2, 0));
    }
}
