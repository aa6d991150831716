package dlfs.monitor;

/**
 * Thrown by the divergence check ({@link Divergence}) when training can no longer learn: the loss
 * became NaN or infinite, the weights exploded, or the loss is stuck at the cross-entropy's
 * ceiling. Usually the learning rate is too large or the gradient was not divided by the batch
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

    /** The 0-based iteration after whose update training stopped. */
    public int iteration() {
        return iteration;
    }

    /** The losses and accuracies recorded before training stopped. */
    public History history() {
        return history;
    }
}
