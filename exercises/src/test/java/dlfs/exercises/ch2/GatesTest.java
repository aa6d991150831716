package dlfs.exercises.ch2;

import dlfs.grader.Exercise;
import dlfs.grader.Points;
import dlfs.perceptron.LogicGates;
import org.junit.jupiter.api.Test;

import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Exercise(value = Gates.class, title = "ch2 logic gates: AND, NAND, OR, XOR as perceptrons",
        replaces = "dlfs.perceptron.*")
class GatesTest {
    private static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    private static void sameTable(String gate, IntBinaryOperator reference, IntBinaryOperator yours) {
        for (int[] in : INPUTS)
            assertEquals(reference.applyAsInt(in[0], in[1]), yours.applyAsInt(in[0], in[1]),
                    gate + "(" + in[0] + ", " + in[1] + ")");
    }

    @Test
    @Points(2)
    void andTruthTable() {
        sameTable("AND", LogicGates::and, Gates::and);
    }

    @Test
    @Points(2)
    void nandTruthTable() {
        sameTable("NAND", LogicGates::nand, Gates::nand);
    }

    @Test
    @Points(2)
    void orTruthTable() {
        sameTable("OR", LogicGates::or, Gates::or);
    }

    @Test
    @Points(3)
    void xorTruthTable() {
        sameTable("XOR", LogicGates::xor, Gates::xor);
    }
}
