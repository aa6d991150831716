package dlfs.optim;

import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.param.Parameter;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each optimizer of ch6 against two steps worked by hand from W = (1, −2) and ∂L/∂W = (0.5, 1),
 * η = 0.1 (Momentum's are in {@link MomentumTest}); then the loop they share ({@link UpdateRule}).
 */
class UpdateRuleTest {
    private static final double[] G = {0.5, 1.0};

    /**
     * Two updates of W = (1, −2) with the gradients {@code g1} then {@code g2}: W must be
     * {@code first} after the first and {@code second} after the second, within {@code tol}.
     */
    private static void assertTwoSteps(Optimizer o, double[] g1, double[] g2, double[] first, double[] second, double tol) {
        NDArray w = NDArray.of(1.0, -2.0);
        o.update(Map.of("W", w), Map.of("W", NDArray.of(g1)));
        assertArrayEquals(first, w.toArray(), tol, o + ", first step");
        o.update(Map.of("W", w), Map.of("W", NDArray.of(g2)));
        assertArrayEquals(second, w.toArray(), tol, o + ", second step");
    }

    @Test
    void sgdByHand() {
        // W − 0.1·(0.5, 1), twice
        assertTwoSteps(new SGD(0.1), G, G, new double[]{0.95, -2.1}, new double[]{0.9, -2.2}, 1e-15);
    }

    @Test
    void nesterovByHand() {
        // v = −0.1·g = (−0.05, −0.1);  W += 0.81·v − 1.9·0.1·g = (−0.1355, −0.271);
        // then v = 0.9·v − 0.1·g = (−0.095, −0.19);  W += 0.81·v − 0.19·g = (−0.17195, −0.3439)
        assertTwoSteps(new Nesterov(0.1, 0.9), G, G, new double[]{0.8645, -2.271}, new double[]{0.69255, -2.6149}, 1e-12);
    }

    @Test
    void adaGradByHand() {
        // h = g⊙g, so the first step is η·g/|g| = 0.1 per element (less 2e-8 for the 1e-7);
        // then h = 2·g⊙g: the second step is η/√2 = 0.0707107, the learning rate decays
        double s = 0.1 / Math.sqrt(2);
        assertTwoSteps(new AdaGrad(0.1), G, G, new double[]{0.9, -2.1}, new double[]{0.9 - s, -2.1 - s}, 1e-7);
        NDArray w = NDArray.of(1.0);
        new AdaGrad(0.1).update(Map.of("W", w), Map.of("W", NDArray.of(0.5)));
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-7), w.item(), 1e-15);
    }

    @Test
    void rmsPropByHand() {
        // h = 0.1·g⊙g: the first step is η/√0.1 = 0.3162278;
        // then h = 0.9·0.1·g⊙g + 0.1·g⊙g = 0.19·g⊙g: the second step is η/√0.19 = 0.2294157
        assertTwoSteps(new RMSProp(0.1, 0.9), G, G, new double[]{0.6837722, -2.3162278}, new double[]{0.4543565, -2.5456435}, 1e-6);
    }

    @Test
    void adamByHandWithItsBiasCorrection() {
        // t = 1: m̂ = g, v̂ = g⊙g, so the first step is η·g/|g| = 0.1 per element (ε = 1e-7 moves it by 6e-7).
        // t = 2, g = (−0.5, 2): m = 0.9·0.1·g₁ + 0.1·g = (−0.005, 0.29), m̂ = m/0.19 = (−0.0263158, 1.5263158);
        // v = 0.999·0.001·g₁² + 0.001·g² = (0.00049975, 0.004999), v̂ = v/0.001999 = (0.25, 2.5007504);
        // W −= 0.1·m̂/√v̂ = (−0.0052632, 0.0965182)
        Adam adam = new Adam(0.1, 0.9, 0.999);
        assertTwoSteps(adam, G, new double[]{-0.5, 2.0}, new double[]{0.9, -2.1}, new double[]{0.9052632, -2.1965182}, 1e-5);
        assertEquals(2, adam.steps());
    }

    private static List<Supplier<Optimizer>> all() {
        return List.of(() -> new SGD(0.1), () -> new Momentum(0.1), () -> new Nesterov(0.1), () -> new AdaGrad(0.1),
                () -> new RMSProp(0.1), () -> new Adam(0.1));
    }

    @Test
    void stepOfTypedParametersIsTheBooksUpdate() {
        for (Supplier<Optimizer> make : all()) {
            Optimizer byMaps = make.get(), byParameters = make.get();
            Rng rng = new Rng(1);
            NDArray w1 = rng.randn(3, 2), b1 = rng.randn(2);
            NDArray w2 = w1.copy(), b2 = b1.copy();
            List<Parameter> ps = List.of(Parameter.weight("W", w2), Parameter.of("b", b2));
            for (int i = 0; i < 4; i++) {
                Map<String, NDArray> grads = new LinkedHashMap<>();
                grads.put("W", rng.randn(3, 2));
                grads.put("b", rng.randn(2));
                Map<String, NDArray> params = new LinkedHashMap<>();
                params.put("W", w1);
                params.put("b", b1);
                byMaps.update(params, grads);
                byParameters.step(Parameter.withGrads(ps, grads));
            }
            assertArrayEquals(w1.toArray(), w2.toArray(), 0, byMaps.toString());
            assertArrayEquals(b1.toArray(), b2.toArray(), 0, byMaps.toString());
        }
    }

    @Test
    void eachParameterHasItsOwnStateWhichStartsAgainWhenItsShapeChanges() {
        Momentum m = new Momentum(0.1, 0.9);
        NDArray a = NDArray.of(0.0), b = NDArray.of(0.0);
        m.update(Map.of("a", a), Map.of("a", NDArray.of(1.0)));     // v_a = −0.1
        m.update(Map.of("b", b), Map.of("b", NDArray.of(1.0)));     // v_b starts at 0: −0.1, not −0.19
        assertEquals(-0.1, b.item(), 1e-15);
        m.update(Map.of("a", a), Map.of("a", NDArray.of(1.0)));     // v_a = −0.19
        assertEquals(-0.29, a.item(), 1e-15);
        NDArray wider = NDArray.of(0.0, 0.0);
        m.update(Map.of("a", wider), Map.of("a", NDArray.of(1.0, 1.0)));   // a new shape: v from zeros
        assertArrayEquals(new double[]{-0.1, -0.1}, wider.toArray(), 1e-15);
    }

    @Test
    void aFloat32ParameterIsUpdatedInDoubleAndRoundedOnce() {
        NDArray w32 = NDArray.of(1.0, -2.0).astype(Dtype.FLOAT32), w64 = NDArray.of(1.0, -2.0);
        NDArray g = NDArray.of(0.3, 0.7);
        new Adam(0.01).update(Map.of("W", w32), Map.of("W", g.astype(Dtype.FLOAT32)));
        new Adam(0.01).update(Map.of("W", w64), Map.of("W", g.astype(Dtype.FLOAT32).astype(Dtype.FLOAT64)));
        assertEquals(Dtype.FLOAT32, w32.dtype());
        for (int i = 0; i < 2; i++) assertEquals((float) w64.get(i), w32.get(i), 0.0);
        assertNotEquals(1.0, w32.get(0));
    }

    @Test
    void badGradientsAreNamed() {
        for (Supplier<Optimizer> make : all()) {
            Optimizer o = make.get();
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> o.update(Map.of("W1", NDArray.zeros(2)), Map.of("W2", NDArray.zeros(2))));
            assertTrue(missing.getMessage().contains("no gradient for parameter 'W1'"), missing.getMessage());
            Exception shape = assertThrows(dlfs.nd.ShapeException.class,
                    () -> o.update(Map.of("W", NDArray.zeros(2, 3)), Map.of("W", NDArray.zeros(6))));
            assertTrue(shape.getMessage().contains("(6,)") && shape.getMessage().contains("(2, 3)"), shape.getMessage());
            Parameter noGrad = Parameter.weight("W1", NDArray.zeros(2));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> o.step(List.of(noGrad)));
            assertTrue(e.getMessage().contains("'W1' has no gradient yet"), e.getMessage());
            List<Parameter> twice = List.of(Parameter.of("W", NDArray.zeros(2)).grad(NDArray.ones(2)),
                    Parameter.of("W", NDArray.zeros(2)).grad(NDArray.ones(2)));
            IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> o.step(twice));
            assertTrue(dup.getMessage().contains("two parameters are named 'W'"), dup.getMessage());
            assertEquals(0.0, twice.get(0).value().get(0), "nothing is updated when the check fails");
        }
    }

    @Test
    void namesAndLearningRates() {
        assertEquals("SGD(lr=0.1)", new SGD(0.1).toString());
        assertEquals("Momentum(lr=0.01, momentum=0.9)", new Momentum(0.01).toString());
        assertEquals("Nesterov(lr=0.01, momentum=0.9)", new Nesterov(0.01).toString());
        assertEquals("AdaGrad(lr=1.5)", new AdaGrad(1.5).toString());
        assertEquals("RMSProp(lr=0.01, decay=0.99)", new RMSProp(0.01).toString());
        assertEquals("Adam(lr=0.001, beta1=0.9, beta2=0.999)", new Adam().toString());
        for (Supplier<Optimizer> make : all()) assertEquals(0.1, make.get().learningRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SGD(0));
        assertEquals("SGD: learning rate must be a positive number, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RMSProp(0.1, 1.0));
        assertEquals("RMSProp: decay rate must be in [0, 1), got 1.0", e.getMessage());
    }
}
