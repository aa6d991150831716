package dlfs.exercises.ch2;

/**
 * Solution of exercise ch2 — logic gates built from perceptrons ({@code y = 1 if b + w1·x1 +
 * w2·x2 > 0 else 0}) and XOR as the two-layer perceptron AND(NAND, OR).
 */
public final class Gates {
    private Gates() {
    }

    private static int perceptron(int x1, int x2, double w1, double w2, double b) {
        return b + w1 * x1 + w2 * x2 > 0 ? 1 : 0;
    }

    public static int and(int x1, int x2) {
        return perceptron(x1, x2, 0.5, 0.5, -0.7);
    }

    public static int nand(int x1, int x2) {
        return perceptron(x1, x2, -0.5, -0.5, 0.7);
    }

    public static int or(int x1, int x2) {
        return perceptron(x1, x2, 0.5, 0.5, -0.2);
    }

    public static int xor(int x1, int x2) {
        int s1 = nand(x1, x2);
        int s2 = or(x1, x2);
        return and(s1, s2);
    }
}
