package dlfs.kernel;

/**
 * What the rewritten cell code calls. {@link #loopCheck()} lets an interrupt end any loop
 * ({@link LoopChecks}). The rest keeps {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} in a cell from killing the kernel: {@link CellExecutionControl} rewrites each cell's classes (with the grader's
 * {@link dlfs.grader.ExitCalls}) so that those calls land here, throw a {@link SecurityException}
 * that the cell reports, and the kernel runs on. It needs no security manager, so it works the
 * same on every JDK from 17 on (JDK 24 removed the security manager). Public only because the
 * rewritten cell classes call it.
 */
public final class CellExits {
    /** Every refusal's message starts with this. */
    static final String MESSAGE_END = " was called in a cell; the kernel keeps running (to start afresh, use Kernel > Restart).";

    /** The cell thread that Jupyter's interrupt asked to stop, if any. */
    private static volatile Thread stopping;

    private CellExits() {
    }

    /** Asks {@code cell}'s loops to stop at their next turn ({@code null}: nothing to stop). */
    static void stop(Thread cell) {
        stopping = cell;
    }

    /** Called at the end of every loop body in cell code ({@link LoopChecks}): ends the cell once it was asked to stop. */
    public static void loopCheck() {
        if (stopping != null && stopping == Thread.currentThread()) throw new CellStopped();
    }

    /** Ends an interrupted cell; an {@link Error}, so that a cell's {@code catch (Exception e)} does not swallow it. */
    static final class CellStopped extends Error {
        CellStopped() {
            super("the cell was interrupted", null, false, false);
        }
    }

    public static void systemExit(int status) {
        throw refuse("System.exit(" + status + ")");
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw refuse("Runtime.exit(" + status + ")");
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw refuse("Runtime.halt(" + status + ")");
    }

    private static SecurityException refuse(String call) {
        return new SecurityException(call + MESSAGE_END);
    }

    /** True for the message of a refusal made here. */
    static boolean isRefusal(String exceptionClass, String message) {
        return SecurityException.class.getName().equals(exceptionClass) && message != null && message.endsWith(MESSAGE_END);
    }
}
