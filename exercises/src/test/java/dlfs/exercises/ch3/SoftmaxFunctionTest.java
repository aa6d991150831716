package dlfs.exercises.ch3;

import dlfs.exercises.Check;
import dlfs.functions.Activations;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

@Exercise(value = SoftmaxFunction.class, title = "ch3 softmax (overflow-safe, batched)",
        replaces = "dlfs.functions.Activations")
class SoftmaxFunctionTest {
    @Test
    @Points(2)
    void bookExample() {
        NDArray a = NDArray.of(0.3, 2.9, 4.0);
        Check.close("softmax([0.3, 2.9, 4.0])", NDArray.of(0.01821127329554753, 0.24519181293507392, 0.7365969137693786),
                SoftmaxFunction.softmax(a));
    }

    @Test
    @Points(3)
    void largeInputsDoNotOverflow() {
        NDArray y = SoftmaxFunction.softmax(NDArray.of(1010.0, 1000.0, 990.0));
        Check.finite("softmax([1010, 1000, 990])", y);
        Check.close("softmax([1010, 1000, 990])", NDArray.of(9.99954600e-01, 4.53978686e-05, 2.06106005e-09), y, 1e-6, 1e-12);
    }

    @Test
    @Points(3)
    void batchIsTakenRowByRow() {
        NDArray a = Check.randn(41, 6, 10).mul(5);
        a.set(800, 2, 3);   // one row with a huge score: only that row's max may be subtracted from it
        NDArray copy = a.copy();
        NDArray y = SoftmaxFunction.softmax(a);
        Check.close("softmax(a), a (6, 10)", Activations.softmax(a), y);
        Check.close("row sums of softmax(a)", NDArray.ones(6), y.sum(1));
        Check.unchanged("softmax", copy, a);
    }

    @Test
    @Points(1)
    void oneSampleBatch() {
        NDArray a = Check.randn(42, 1, 4);
        Check.close("softmax(a), a (1, 4)", Activations.softmax(a), SoftmaxFunction.softmax(a));
    }
}
