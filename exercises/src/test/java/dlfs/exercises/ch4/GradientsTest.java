package dlfs.exercises.ch4;

import dlfs.exercises.Check;
import dlfs.gradient.GradientDescent;
import dlfs.gradient.NumericalGradient;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

@Exercise(value = Gradients.class, title = "ch4 numerical gradient and gradient descent",
        replaces = "dlfs.gradient.*")
class GradientsTest {
    private static final ToDoubleFunction<NDArray> SQUARES = x -> x.square().sum();

    @Test
    @Points(2)
    void numericalDiffOfTheBookFunction() {
        Check.close("numericalDiff(0.01x² + 0.1x, 5)", 0.1999999999990898, Gradients.numericalDiff(x -> 0.01 * x * x + 0.1 * x, 5), 1e-10);
        Check.close("numericalDiff(0.01x² + 0.1x, 10)", 0.2999999999986347, Gradients.numericalDiff(x -> 0.01 * x * x + 0.1 * x, 10), 1e-10);
    }

    @Test
    @Points(2)
    void gradientOfSumOfSquares() {
        Check.close("numericalGradient(x0² + x1², (3, 4))", NDArray.of(6, 8), Gradients.numericalGradient(SQUARES, NDArray.of(3.0, 4.0)), 1e-6, 1e-6);
        Check.close("numericalGradient(x0² + x1², (0, 2))", NDArray.of(0, 4), Gradients.numericalGradient(SQUARES, NDArray.of(0.0, 2.0)), 1e-6, 1e-6);
    }

    @Test
    @Points(3)
    void gradientOfAMatrixMatchesTheLibrary() {
        NDArray w = Check.randn(61, 3, 4);
        NDArray a = Check.randn(62, 3, 4);
        ToDoubleFunction<NDArray> f = m -> m.mul(a).tanh().sum() + 0.5 * m.square().sum();
        NDArray before = w.copy();
        NDArray g = Gradients.numericalGradient(f, w);
        Check.close("numericalGradient(f, W), W (3, 4)", NumericalGradient.numericalGradient(f, w.copy()), g, 1e-7, 1e-9);
        Check.unchanged("numericalGradient (x must be restored after each element)", before, w);
    }

    @Test
    @Points(3)
    void gradientDescentFindsTheMinimum() {
        NDArray init = NDArray.of(-3.0, 4.0);
        NDArray x = Gradients.gradientDescent(SQUARES, init, 0.1, 100);
        Check.close("gradientDescent(x0² + x1², (-3, 4), lr 0.1, 100 steps)", GradientDescent.run(SQUARES, init, 0.1, 100).x(), x, 1e-6, 1e-12);
        Check.close("gradientDescent: final x", NDArray.of(0, 0), x, 0, 1e-8);
        Check.unchanged("gradientDescent (work on a copy of initX)", NDArray.of(-3.0, 4.0), init);
    }
}
