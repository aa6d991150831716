package dlfs.exercises.ch3;

import dlfs.exercises.Check;
import dlfs.functions.Activations;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

@Exercise(value = ActivationFunctions.class, title = "ch3 activations: step, sigmoid, ReLU",
        replaces = "dlfs.functions.Activations")
class ActivationFunctionsTest {
    @Test
    @Points(1)
    void stepOfTheBookExample() {
        NDArray x = NDArray.of(-1.0, 0.0, 1.0, 2.0);
        Check.close("step([-1, 0, 1, 2])", NDArray.of(0, 0, 1, 1), ActivationFunctions.step(x));
    }

    @Test
    @Points(2)
    void stepMatchesTheLibraryOnABatch() {
        NDArray x = Check.randn(31, 5, 7);
        NDArray copy = x.copy();
        Check.close("step(x), x (5, 7)", Activations.step(x), ActivationFunctions.step(x));
        Check.unchanged("step", copy, x);
    }

    @Test
    @Points(1)
    void sigmoidOfTheBookExample() {
        NDArray x = NDArray.of(-1.0, 1.0, 2.0);
        Check.close("sigmoid([-1, 1, 2])", NDArray.of(0.2689414213699951, 0.7310585786300049, 0.8807970779778823),
                ActivationFunctions.sigmoid(x));
    }

    @Test
    @Points(2)
    void sigmoidMatchesTheLibraryOnABatch() {
        NDArray x = Check.randn(32, 4, 3, 2).mul(3);
        NDArray copy = x.copy();
        Check.close("sigmoid(x), x (4, 3, 2)", Activations.sigmoid(x), ActivationFunctions.sigmoid(x));
        Check.unchanged("sigmoid", copy, x);
    }

    @Test
    @Points(1)
    void sigmoidOfLargeInputsIsFinite() {
        NDArray y = ActivationFunctions.sigmoid(NDArray.of(-1000.0, 1000.0, 0.0));
        Check.finite("sigmoid([-1000, 1000, 0])", y);
        Check.close("sigmoid([-1000, 1000, 0])", NDArray.of(0, 1, 0.5), y);
    }

    @Test
    @Points(1)
    void reluOfTheBookExample() {
        Check.close("relu([-2, 0, 3])", NDArray.of(0, 0, 3), ActivationFunctions.relu(NDArray.of(-2.0, 0.0, 3.0)));
    }

    @Test
    @Points(2)
    void reluMatchesTheLibraryOnABatch() {
        NDArray x = Check.randn(33, 6, 5);
        NDArray copy = x.copy();
        Check.close("relu(x), x (6, 5)", Activations.relu(x), ActivationFunctions.relu(x));
        Check.unchanged("relu", copy, x);
    }
}
