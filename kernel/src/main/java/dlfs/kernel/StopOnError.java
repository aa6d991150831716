package dlfs.kernel;

/**
 * Jupyter's {@code stop_on_error}: when a cell fails (an error, or Kernel &gt; Interrupt), the
 * cells queued behind it are not run. Run All sends every cell's request at once, so they are
 * already waiting on the shell socket when the failing cell's reply goes out; the kernel answers
 * each of them with status {@code "aborted"} (as IPython's kernel does) and the notebook marks
 * them not run. A request that arrives later, after the student has seen the error, runs.
 *
 * <p>"Already waiting" is told by time, without comparing clocks with the front end: the shell
 * loop takes queued requests one after another every few ms, so a request taken within
 * {@link #QUEUED_GAP_NANOS} of the end of the previous one (failed or aborted) was queued.
 */
final class StopOnError {
    /** The shell loop polls every {@link LowLatencyConnection#POLL_MS} ms; a person needs far longer than this to click Run. */
    static final long QUEUED_GAP_NANOS = 150_000_000L;

    private boolean aborting;
    private long lastEnd;

    /** True if the request taken at {@code now} was queued behind a failed cell: answer it "aborted". */
    synchronized boolean shouldAbort(long now) {
        aborting = aborting && now - lastEnd < QUEUED_GAP_NANOS;
        return aborting;
    }

    /** A request ended at {@code now}; {@code stopsQueue}: it failed and asked for {@code stop_on_error}. */
    synchronized void ended(boolean stopsQueue, long now) {
        lastEnd = now;
        aborting = aborting || stopsQueue;
    }

    /** A run that was not aborted starts: a new failure is needed to abort again. */
    synchronized void running() {
        aborting = false;
    }
}
