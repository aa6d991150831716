package dlfs.nd;

import java.util.stream.IntStream;

/**
 * A loop over {@code [0, n)} split into one contiguous range per core, for the layers' large
 * element-wise passes (ReLU, pooling, a convolution's blocks): a batch of SimpleConvNet has 1.7M
 * activations, and on one core the other core sits idle while PyTorch uses both. Below
 * {@link #THRESHOLD} steps of work the loop stays on the calling thread (starting the common
 * pool's threads costs tens of microseconds). The ranges depend only on n and the number of
 * cores, never on timing, so a result is the same from run to run.
 */
public final class Parallel {
    /** Below this many elementary steps (values touched, multiply-adds) a loop runs on one thread. */
    public static final long THRESHOLD = 1L << 18;

    private Parallel() {
    }

    /** The body of a split loop: runs the steps {@code from .. to-1}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** How many ranges {@link #forRange} makes: one per core, at most n, 1 below {@link #THRESHOLD}. */
    public static int parts(int n, long work) {
        int cores = Runtime.getRuntime().availableProcessors();
        return work < THRESHOLD || cores < 2 || n < 2 ? 1 : Math.min(cores, n);
    }

    /** The first step of range {@code p} of {@code parts} over {@code [0, n)}. */
    public static int start(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }

    /**
     * Runs {@code body} over {@code [0, n)}: once on this thread below {@link #THRESHOLD} steps of
     * {@code work}, else over {@link #parts} ranges at once (this thread and the common pool's).
     */
    public static void forRange(int n, long work, Range body) {
        forParts(parts(n, work), n, (p, from, to) -> body.run(from, to));
    }

    /** The body of a loop split into numbered parts (e.g. each part has buffers of its own): runs part {@code part}, steps {@code from .. to-1}. */
    @FunctionalInterface
    public interface Part {
        void run(int part, int from, int to);
    }

    /** Runs {@code body} over {@code [0, n)} in {@code parts} ranges ({@link #parts}), numbered 0 .. parts−1, at once when more than one. */
    public static void forParts(int parts, int n, Part body) {
        if (parts <= 1) {
            body.run(0, 0, n);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(p -> body.run(p, start(n, parts, p), start(n, parts, p + 1)));
    }
}
