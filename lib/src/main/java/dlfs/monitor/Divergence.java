package dlfs.monitor;

import dlfs.functions.Losses;
import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Locale;
import java.util.Map;

/**
 * The divergence check of the training loop ({@link dlfs.train.Trainer}): after every update it stops a run
 * that can no longer learn with a {@link TrainingDivergedException} naming the iteration, the
 * optimizer and its learning rate, the condition, and a learning rate 10× smaller to try. Three
 * conditions, checked in this order:
 * <ol>
 *   <li><b>the loss is NaN or infinite</b>: the overflow the book warns about in ch4–ch6 (too large
 *       a learning rate, or a gradient not divided by the batch size);</li>
 *   <li><b>the weights are not finite or have exploded</b>: some |w| is NaN/Inf, or the largest
 *       |w| exceeds {@value #GROWTH}× its value before training, or {@value #GROWTH} if the weights
 *       started below 1 ({@link #limitFor}). With inputs scaled to [0, 1] and the book's
 *       initialisations (σ = 0.01, Xavier, He) a net that learns keeps its weights within a few
 *       units; weights a thousand times larger turn every softmax output into a hard 0 or 1, and a
 *       learning rate of 10⁴ gets there in a handful of iterations;</li>
 *   <li><b>the loss is stuck at the cross-entropy's ceiling</b>: the data loss (the loss minus the
 *       net's weight decay, {@link dlfs.nets.Net#lastPenalty}) stays at or above
 *       {@value #SATURATED} × {@link #CEILING} for {@value #PATIENCE} iterations in a row.
 *       {@link #CEILING} = −log(δ) = −log(1e-7) ≈ 16.12 is the most one sample can cost with the
 *       book's {@code cross_entropy_error} (ch4, eq. 4.2/4.3: −Σ t log(y + δ), Σ t = 1); a net whose
 *       softmax outputs have saturated at 0/1 and predict one class costs (1 − 1/k) × 16.12 ≈ 14.5 on
 *       10 classes, and that is where the overflow-safe loss sits when training has blown up without
 *       an overflow. Half the ceiling means the true class gets a probability of √δ ≈ 3e-4 on
 *       (geometric) average, far below the 1/k of guessing, so a learning net does not stay there
 *       long (large initial weights can start there: {@link #PATIENCE}).</li>
 * </ol>
 * One instance watches one run: create it before the first update ({@link #Divergence(Optimizer,
 * Map)} records the starting weights), call {@link #check} after each.
 */
public final class Divergence {
    /** The cross-entropy's saturation value −log(1e-7) ≈ 16.118: the loss of a sample whose true class got probability 0. */
    public static final double CEILING = -Math.log(Losses.DELTA);
    /** The fraction of {@link #CEILING} at or above which the data loss counts as saturated. */
    public static final double SATURATED = 0.5;
    /**
     * Consecutive saturated iterations that stop training. A net that learns leaves the ceiling
     * sooner: the longest stretch measured in the book's experiments is 15 iterations (ch6's batch
     * norm comparison, W init std 1.0 with BN, which then learns), 6 without BN at std 0.3.
     */
    public static final int PATIENCE = 100;
    /** How far the largest |w| may grow over its start (or over 1) before the weights count as exploded. */
    public static final double GROWTH = 1e3;

    private final String setup;
    private final double lr;
    private final boolean crossEntropy;
    private final double startMax, limit;
    private int saturated;

    /** Watches a run of {@code optimizer} on {@code params} (as they are before the first update) with a cross-entropy loss. */
    public Divergence(Optimizer optimizer, Map<String, NDArray> params) {
        this(String.valueOf(optimizer), optimizer.learningRate(), params, true);
    }

    /**
     * Watches a run described by {@code setup} (e.g. "SGD(lr=0.1)") with learning rate {@code lr}
     * (NaN if there is none) on {@code params}; {@code crossEntropy} false turns the ceiling check
     * (3) off, for losses that are not a cross-entropy (the L2 loss of a regression).
     */
    public Divergence(String setup, double lr, Map<String, NDArray> params, boolean crossEntropy) {
        this.setup = setup;
        this.lr = lr;
        this.crossEntropy = crossEntropy;
        this.startMax = maxAbs(params).value;
        this.limit = limitFor(startMax);
    }

    /** The largest |w| allowed for weights that started with largest |w| = {@code startMax}: {@value #GROWTH} × max(1, startMax). */
    public static double limitFor(double startMax) {
        return GROWTH * Math.max(1, Double.isFinite(startMax) ? startMax : 1);
    }

    /** The weight limit of this run. */
    public double limit() {
        return limit;
    }

    /**
     * Throws if iteration {@code iteration}'s {@code loss} (including {@code penalty}, the weight
     * decay term) or the updated {@code params} show divergence. {@code where} says where, e.g.
     * "iteration 12 (epoch 1 of 17)"; {@code history} is what was recorded before.
     */
    public void check(int iteration, double loss, double penalty, Map<String, NDArray> params, String where, History history) {
        if (!Double.isFinite(loss))
            throw fail(iteration, where, history, "the loss became " + (Double.isNaN(loss) ? "NaN" : "Inf"));
        Max m = maxAbs(params);
        if (!Double.isFinite(m.value))
            throw fail(iteration, where, history, "weight " + m.name + " became " + (Double.isNaN(m.value) ? "NaN" : "Inf"));
        if (m.value > limit)
            throw fail(iteration, where, history, String.format(Locale.ROOT,
                    "the weights exploded: max |w| = %.3g in %s, more than %.0f× the start (max |w| %.3g before training, limit %.3g)",
                    m.value, m.name, GROWTH, startMax, limit));
        double data = loss - (Double.isFinite(penalty) ? penalty : 0);
        saturated = crossEntropy && data >= SATURATED * CEILING ? saturated + 1 : 0;
        if (saturated >= PATIENCE)
            throw fail(iteration, where, history, String.format(Locale.ROOT,
                    "the loss is stuck at the cross-entropy's ceiling: %.4g, at or above %.2f × −log(1e-7) = %.2f for %d iterations in a row "
                            + "(max |w| = %.3g): the softmax outputs are saturated at 0 or 1 and wrong",
                    data, SATURATED, SATURATED * CEILING, PATIENCE, m.value));
    }

    private TrainingDivergedException fail(int iteration, String where, History history, String condition) {
        String with = setup == null ? "" : " with " + setup
                + (Double.isNaN(lr) ? "" : String.format(Locale.ROOT, " (learning rate %s)", fmt(lr)));
        String hint = Double.isNaN(lr) ? "Try a learning rate 10× smaller"
                : "Try a learning rate 10× smaller, e.g. " + fmt(lr / 10);
        return new TrainingDivergedException(condition + " at " + where + with + ". Training diverged. " + hint
                + ", and make sure the gradient is divided by the batch size (as SoftmaxWithLoss's (y - t) / N does).", iteration, history);
    }

    private static String fmt(double v) {
        if (v >= 1e-3 && v < 1e5) {
            String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        String[] me = String.format(Locale.ROOT, "%.2e", v).split("e");  // 1.00e+05 -> 1e5, 2.50e-04 -> 2.5e-4
        String mantissa = me[0].replaceAll("\\.?0+$", "");
        return mantissa + "e" + Integer.parseInt(me[1]);
    }

    private record Max(String name, double value) {
    }

    /** The largest |w| over all parameters and the parameter holding it; NaN or Inf as soon as one weight is. */
    private static Max maxAbs(Map<String, NDArray> params) {
        double max = 0;
        String name = "";
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            for (double w : e.getValue().data()) {
                double a = Math.abs(w);
                if (!(a <= max)) {  // also NaN
                    max = a;
                    name = e.getKey();
                    if (!Double.isFinite(a)) return new Max(name, a);
                }
            }
        }
        return new Max(name, max);
    }
}
