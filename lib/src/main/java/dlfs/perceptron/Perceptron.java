package dlfs.perceptron;

/**
 * A two-input perceptron (ch2, "感知机"): {@code y = 1 if b + w1·x1 + w2·x2 > 0 else 0}, the
 * threshold θ of the first form moved to the bias {@code b = −θ}.
 *
 * @param w1 weight of x1: how much the first signal matters
 * @param w2 weight of x2
 * @param b  bias: how easily the neuron fires
 */
public record Perceptron(double w1, double w2, double b) {

    /** {@code 1} if {@code b + w1·x1 + w2·x2 > 0}, else {@code 0}. */
    public int fire(double x1, double x2) {
        double tmp = w1 * x1 + w2 * x2 + b;
        return tmp <= 0 ? 0 : 1;
    }

    /**
     * The truth table over the inputs (0,0), (1,0), (0,1), (1,1), in the seed's row order:
     * each row is {x1, x2, y}.
     */
    public int[][] truthTable() {
        return LogicGates.truthTable(this::fire);
    }
}
