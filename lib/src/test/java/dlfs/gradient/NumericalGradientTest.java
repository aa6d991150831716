package dlfs.gradient;

import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.*;

class NumericalGradientTest {
    static final ToDoubleFunction<NDArray> FUNCTION_2 = x -> x.square().sum();   // x0² + x1²

    @Test
    void numericalDiffOfTheBook() {
        // function_1(x) = 0.01*x**2 + 0.1*x (evaluated in that order); the analytic derivatives are 0.2 and 0.3
        assertEquals(0.1999999999990898, NumericalGradient.numericalDiff(x -> 0.01 * (x * x) + 0.1 * x, 5), 1e-15);
        assertEquals(0.2999999999986347, NumericalGradient.numericalDiff(x -> 0.01 * (x * x) + 0.1 * x, 10), 1e-15);
        // partial derivatives at (3, 4) by fixing the other variable
        assertEquals(6.00000000000378, NumericalGradient.numericalDiff(x0 -> x0 * x0 + 4.0 * 4.0, 3.0), 1e-12);
        assertEquals(7.999999999999119, NumericalGradient.numericalDiff(x1 -> 3.0 * 3.0 + x1 * x1, 4.0), 1e-12);
    }

    @Test
    void gradientOfSumOfSquares() {
        assertArrayEquals(new double[]{6, 8}, NumericalGradient.numericalGradient(FUNCTION_2, NDArray.of(3.0, 4.0)).toArray(), 1e-9);
        assertArrayEquals(new double[]{0, 4}, NumericalGradient.numericalGradient(FUNCTION_2, NDArray.of(0.0, 2.0)).toArray(), 1e-9);
        assertArrayEquals(new double[]{6, 0}, NumericalGradient.numericalGradient(FUNCTION_2, NDArray.of(3.0, 0.0)).toArray(), 1e-9);
        // any shape, and x is restored afterwards
        NDArray m = NDArray.of(new double[][]{{1, -2}, {0.5, 3}});
        NDArray g = NumericalGradient.numericalGradient(FUNCTION_2, m);
        assertArrayEquals(new int[]{2, 2}, g.shape());
        assertTrue(g.allclose(m.mul(2), 0, 1e-8));
        assertArrayEquals(new double[]{1, -2, 0.5, 3}, m.toArray());
    }

    @Test
    void gradientOfALossThatReadsNamedArrays() {
        // L = Σ W ⊙ x + b²: ∂L/∂W = x, ∂L/∂b = 2b, by name and in order
        NDArray w = NDArray.of(1.0, 2.0), x = NDArray.of(3.0, -1.0), b = NDArray.of(0.5);
        java.util.Map<String, NDArray> arrays = new java.util.LinkedHashMap<>();
        arrays.put("W", w);
        arrays.put("b", b);
        java.util.Map<String, NDArray> g = NumericalGradient.of(() -> w.mul(x).sum() + b.square().sum(), arrays);
        assertEquals(java.util.List.of("W", "b"), java.util.List.copyOf(g.keySet()));
        assertArrayEquals(new double[]{3, -1}, g.get("W").toArray(), 1e-9);
        assertArrayEquals(new double[]{1}, g.get("b").toArray(), 1e-9);
    }

    @Test
    void gradientDescentAndItsLearningRate() {
        NDArray init = NDArray.of(-3.0, 4.0);
        NDArray x = GradientDescent.gradientDescent(FUNCTION_2, init, 0.1, 100);
        // the book: [-6.11110793e-10, 8.14814391e-10]
        assertArrayEquals(new double[]{-6.11110793e-10, 8.14814391e-10}, x.toArray(), 1e-17);
        assertArrayEquals(new double[]{-3, 4}, init.toArray());
        // too large: diverges (the book prints [-2.58983747e+13, -1.29524862e+12])
        NDArray big = GradientDescent.gradientDescent(FUNCTION_2, init, 10.0, 100);
        assertTrue(Math.abs(big.get(0)) > 1e10, big.toString());
        assertEquals(-2.58983747e+13, big.get(0), 1e5);
        assertEquals(-1.29524862e+12, big.get(1), 1e4);
        // too small: barely moves (the book prints [-2.99999994, 3.99999992])
        NDArray small = GradientDescent.gradientDescent(FUNCTION_2, init, 1e-10, 100);
        assertArrayEquals(new double[]{-2.99999994, 3.99999992}, small.toArray(), 1e-8);
        GradientDescent.Result r = GradientDescent.run(FUNCTION_2, init, 0.1, 20);
        assertEquals(21, r.path().size());
        assertArrayEquals(new double[]{-3, 4}, r.path().get(0));
        assertArrayEquals(new double[]{-2.4, 3.2}, r.path().get(1), 1e-9);
    }
}
