package dlfs.perceptron;

import java.util.function.IntBinaryOperator;

/**
 * The logic gates of ch2 built from perceptrons with the seed's weights and biases, and XOR as
 * the two-layer perceptron {@code XOR(x1, x2) = AND(NAND(x1, x2), OR(x1, x2))}: a single
 * perceptron draws one straight line, so it cannot separate XOR; stacking layers can.
 */
public final class LogicGates {
    /** AND: (w1, w2, b) = (0.5, 0.5, −0.7); fires only for (1, 1). */
    public static final Perceptron AND = new Perceptron(0.5, 0.5, -0.7);
    /** NAND: (−0.5, −0.5, 0.7); only the weights and bias differ from AND. */
    public static final Perceptron NAND = new Perceptron(-0.5, -0.5, 0.7);
    /** OR: (0.5, 0.5, −0.2); fires when either input is 1. */
    public static final Perceptron OR = new Perceptron(0.5, 0.5, -0.2);

    /** The seed's input order for truth tables: (0,0), (1,0), (0,1), (1,1). */
    static final int[][] INPUTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    private LogicGates() {
    }

    public static int and(int x1, int x2) {
        return AND.fire(check(x1), check(x2));
    }

    public static int nand(int x1, int x2) {
        return NAND.fire(check(x1), check(x2));
    }

    public static int or(int x1, int x2) {
        return OR.fire(check(x1), check(x2));
    }

    /** XOR as a two-layer perceptron: s1 = NAND(x1, x2), s2 = OR(x1, x2), y = AND(s1, s2). */
    public static int xor(int x1, int x2) {
        int s1 = nand(x1, x2);
        int s2 = or(x1, x2);
        return and(s1, s2);
    }

    /** Rows {x1, x2, s1, s2, y} of the two-layer XOR, as the seed's table shows them. */
    public static int[][] xorTable() {
        int[][] rows = new int[INPUTS.length][];
        for (int i = 0; i < INPUTS.length; i++) {
            int x1 = INPUTS[i][0], x2 = INPUTS[i][1];
            rows[i] = new int[]{x1, x2, nand(x1, x2), or(x1, x2), xor(x1, x2)};
        }
        return rows;
    }

    /** Rows {x1, x2, y} of any two-input gate over (0,0), (1,0), (0,1), (1,1). */
    public static int[][] truthTable(IntBinaryOperator gate) {
        int[][] rows = new int[INPUTS.length][];
        for (int i = 0; i < INPUTS.length; i++)
            rows[i] = new int[]{INPUTS[i][0], INPUTS[i][1], gate.applyAsInt(INPUTS[i][0], INPUTS[i][1])};
        return rows;
    }

    /** The truth table as text, a header {@code x1 x2 y} then one row per input pair. */
    public static String format(int[][] table, String... header) {
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        for (int[] row : table) {
            for (int j = 0; j < row.length; j++) sb.append(j == 0 ? "" : "\t").append(row[j]);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int check(int x) {
        if (x != 0 && x != 1) throw new IllegalArgumentException("logic gate inputs must be 0 or 1, got " + x);
        return x;
    }
}
