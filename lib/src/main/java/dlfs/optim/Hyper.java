package dlfs.optim;

/** Checks of optimizer hyperparameters, with messages that name the optimizer and the value. */
final class Hyper {
    private Hyper() {
    }

    /** A learning rate: finite and positive. */
    static double rate(String who, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException(who + ": learning rate must be a positive number, got " + lr);
        return lr;
    }

    /** A decay or momentum coefficient in [0, 1). */
    static double coefficient(String who, String what, double v) {
        if (!(v >= 0 && v < 1)) throw new IllegalArgumentException(who + ": " + what + " must be in [0, 1), got " + v);
        return v;
    }
}
