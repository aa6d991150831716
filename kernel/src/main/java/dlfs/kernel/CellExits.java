package dlfs.kernel;

import dlfs.grader.ExitCalls;

/**
 * What the rewritten cell code calls. {@link #loopCheck()} lets an interrupt end any loop
 * ({@link LoopChecks}). And {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in a
 * cell do not kill the kernel: {@link CellExecutionControl} rewrites each cell's classes with the
 * grader's {@link ExitCalls}, and {@link #install()} makes those calls throw a
 * {@link SecurityException} that the cell reports, and the kernel runs on. Neither needs a
 * security manager or {@code Thread.stop}, so both work the same on every JDK from 17 on. Public
 * only because the rewritten cell classes call {@link #loopCheck()}.
 */
public final class CellExits {
    /** Every refusal's message ends with this. */
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

    /** How a cell's exit call is refused ({@link ExitCalls#refuseWith}); installed once, when the kernel's evaluator starts. */
    static void install() {
        ExitCalls.refuseWith(call -> new SecurityException(call + MESSAGE_END));
    }

    /** True for the message of a refusal made here. */
    static boolean isRefusal(String exceptionClass, String message) {
        return SecurityException.class.getName().equals(exceptionClass) && message != null && message.endsWith(MESSAGE_END);
    }
}
