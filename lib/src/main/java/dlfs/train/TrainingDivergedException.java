package dlfs.train;

/**
 * Thrown when the loss becomes NaN or infinite during training: the updates have exploded,
 * usually because the learning rate is too large or the gradient was not divided by the batch
 * size (the seeds' warning: "if batch is too big, the data will overflow (nan)"). Carries the
 * history recorded up to that point.
 */
public final class TrainingDivergedException extends ArithmeticException {
    private final transient History history;
    private final int iteration;

    public TrainingDivergedException(String message, int iteration, History history) {
        super(message);
        this.iteration = iteration;
        this.history = history;
    }

    /** The 0-based iteration whose loss was not finite. */
    public int iteration() {
        return iteration;
    }

    /** The losses and accuracies recorded before training stopped. */
    public History history() {
        return history;
    }

    /**
     * Throws if loss is NaN or infinite, with the message every training loop of the kit uses:
     * where it happened ({@code where}, e.g. "iteration 12 (epoch 1 of 17)"), with what
     * ({@code setup}, e.g. the optimizer), and what to change.
     */
    public static void check(double loss, int iteration, String where, Object setup, History history) {
        if (Double.isFinite(loss)) return;
        throw new TrainingDivergedException(String.format(
                "the loss became %s at %s%s: the weights are exploding. Lower the learning rate, and make sure the "
                        + "gradient is divided by the batch size (as SoftmaxWithLoss's (y - t) / N does).",
                Double.isNaN(loss) ? "NaN" : "Inf", where, setup == null ? "" : " with " + setup), iteration, history);
    }
}
