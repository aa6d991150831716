package dlfs.exercises.ch5;

import dlfs.exercises.Check;
import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.layers.MulLayer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Exercise(value = AdditionLayer.class, title = "ch5 addition node (buy apples and oranges)",
        replaces = "dlfs.layers.AddLayer")
class AdditionLayerTest {
    @Test
    @Points(1)
    void forwardAndBackward() {
        AdditionLayer add = new AdditionLayer();
        Check.close("forward(2.5, -4)", -1.5, add.forward(2.5, -4), 1e-12);
        double[] d = add.backward(1.3);
        assertEquals(2, d.length, "backward must return {dx, dy}");
        Check.close("backward(1.3) dx", 1.3, d[0], 1e-12);
        Check.close("backward(1.3) dy", 1.3, d[1], 1e-12);
    }

    @Test
    @Points(3)
    void buyApplesAndOranges() {
        // the library's multiplication nodes with your addition node
        MulLayer mulApple = new MulLayer(), mulOrange = new MulLayer(), mulTax = new MulLayer();
        AdditionLayer addFruit = new AdditionLayer();
        double apple = mulApple.forward(100, 2);
        double orange = mulOrange.forward(150, 3);
        double all = addFruit.forward(apple, orange);
        Check.close("price before tax", 650, all, 1e-9);
        Check.close("price", 715, mulTax.forward(all, 1.1), 1e-9);
        var dTax = mulTax.backward(1);                      // the library's node: dx(), dy()
        double[] dFruit = addFruit.backward(dTax.dx());     // yours: {dx, dy}
        var dApple = mulApple.backward(dFruit[0]);
        var dOrange = mulOrange.backward(dFruit[1]);
        Check.close("∂price/∂apple-count", 110, dApple.dy(), 1e-9);
        Check.close("∂price/∂apple", 2.2, dApple.dx(), 1e-9);
        Check.close("∂price/∂orange", 3.3, dOrange.dx(), 1e-9);
        Check.close("∂price/∂orange-count", 165, dOrange.dy(), 1e-9);
        Check.close("∂price/∂tax", 650, dTax.dy(), 1e-9);
    }
}
