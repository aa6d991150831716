package dlfs.exercises.seeds;

import dlfs.exercises.Check;
import dlfs.functions.Activations;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.gradient.NumericalGradient;
import dlfs.layers.Sigmoid;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Exercise(value = ComputationalGraph.class, title = "seed 004 cs231n computational graph: gates and the sigmoid neuron",
        replaces = {"dlfs.layers.*", "dlfs.functions.Activations"})
class ComputationalGraphTest {
    /** The lecture's neuron: w = [2, −3, −3], x = [−1, −2], so w0x0 + w1x1 + w2 = 1. */
    private static final double[] W = {2, -3, -3}, X = {-1, -2};

    private static void same(String what, double[] expected, double[] actual, double tol) {
        assertNotNull(actual, what + ": returned null");
        assertEquals(expected.length, actual.length, what + ": expected " + expected.length + " values, got " + Arrays.toString(actual));
        Check.close(what, NDArray.of(expected), NDArray.of(actual), 0, tol);
    }

    private static double[][] backward(double[] w, double[] x) {
        double[][] g = ComputationalGraph.neuronBackward(w, x);
        assertNotNull(g, "neuronBackward returned null");
        assertEquals(2, g.length, "neuronBackward must return {dw, dx}");
        return g;
    }

    @Test
    @Points(2)
    void theLecturesNeuronForward() {
        double f = ComputationalGraph.neuron(W, X);
        Check.close("neuron(w = [2, -3, -3], x = [-1, -2]), the lecture's 0.73", 0.73, f, 0.005);
        Check.close("neuron(w, x) = sigmoid(1)", Activations.sigmoid(1.0), f, 1e-12);
    }

    @Test
    @Points(3)
    void theLecturesNeuronBackward() {
        double[][] g = backward(W, X);
        same("dw, the lecture's [-0.20, -0.39, 0.20]", new double[]{-0.20, -0.39, 0.20}, g[0], 0.005);
        same("dx, the lecture's [0.39, -0.59]", new double[]{0.39, -0.59}, g[1], 0.005);
        // exactly: the library's Sigmoid node gives the local gradient (1 − f) f at s = 1
        Sigmoid sigmoid = new Sigmoid();
        sigmoid.forward(NDArray.of(1.0));
        double ds = sigmoid.backward(NDArray.of(1.0)).item();
        same("dw = [x0, x1, 1]·(1 − f)f", new double[]{-ds, -2 * ds, ds}, g[0], 1e-12);
        same("dx = [w0, w1]·(1 − f)f", new double[]{2 * ds, -3 * ds}, g[1], 1e-12);
    }

    @Test
    @Points(2)
    void anotherNeuronAgreesWithTheNumericalGradient() {
        double[] w = Check.randn(601, 5).mul(0.7).toArray(), x = Check.randn(602, 4).toArray();
        double[][] g = backward(w, x);
        NDArray wn = NDArray.of(w.clone()), xn = NDArray.of(x.clone());
        NDArray dw = NumericalGradient.numericalGradient(() -> ComputationalGraphTest.neuronByTheLibrary(wn, xn), wn);
        NDArray dx = NumericalGradient.numericalGradient(() -> ComputationalGraphTest.neuronByTheLibrary(wn, xn), xn);
        same("dw of a 4-input neuron vs numerical gradient", dw.toArray(), g[0], 1e-8);
        same("dx of a 4-input neuron vs numerical gradient", dx.toArray(), g[1], 1e-8);
    }

    /** sigmoid(w0·x0 + … + w[n]) with the library's sigmoid. */
    private static double neuronByTheLibrary(NDArray w, NDArray x) {
        int n = x.size();
        double s = w.get(n);
        for (int i = 0; i < n; i++) s += w.get(i) * x.get(i);
        return Activations.sigmoid(s);
    }

    @Test
    @Points(2)
    void addAndMulGatesOnXPlusYTimesZ() {
        // the lecture's f = (x + y)·z at x = −2, y = 5, z = −4: q = 3, f = −12
        double[] dqdz = ComputationalGraph.mulGate(3, -4, 1);          // f = q·z: the mul gate swaps
        same("mulGate(q = 3, z = -4, dout = 1) = {df/dq, df/dz}", new double[]{-4, 3}, dqdz, 1e-12);
        double[] dxdy = ComputationalGraph.addGate(dqdz[0]);           // q = x + y: the add gate distributes
        same("addGate(-4) = {df/dx, df/dy}", new double[]{-4, -4}, dxdy, 1e-12);
        same("mulGate(2, 5, 0.5)", new double[]{2.5, 1}, ComputationalGraph.mulGate(2, 5, 0.5), 1e-12);
    }

    @Test
    @Points(2)
    void maxGateRoutesToTheLargerInput() {
        // f = 2·(x·y + max(z, w)) at x = 3, y = −4, z = 2, w = −1: the add node gets upstream 2
        double[] add = ComputationalGraph.addGate(2);
        same("addGate(2)", new double[]{2, 2}, add, 1e-12);
        same("mulGate(x = 3, y = -4, 2): dx, dy", new double[]{-8, 6}, ComputationalGraph.mulGate(3, -4, add[0]), 1e-12);
        same("maxGate(z = 2, w = -1, 2): dz, dw", new double[]{2, 0}, ComputationalGraph.maxGate(2, -1, add[1]), 1e-12);
        same("maxGate(-1, 2, 5): all to the second input", new double[]{0, 5}, ComputationalGraph.maxGate(-1, 2, 5), 1e-12);
    }

    @Test
    @Points(1)
    void weightsOfTheWrongLengthAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComputationalGraph.neuron(new double[]{2, -3}, X), "neuron(w of length 2, x of length 2) must throw IllegalArgumentException");
        assertTrue(e.getMessage() != null && e.getMessage().contains("2") && e.getMessage().contains("3"),
                "the error must name w's length 2 and the 3 it needs; it says: " + e.getMessage());
    }
}
