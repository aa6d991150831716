package dlfs.kernel;

import java.util.List;

/**
 * Why a cell stopped: it did not compile, it threw, it was interrupted, or a magic was misused.
 * {@link #traceback()} holds the lines a student sees: the message, the cell and line, and for an
 * exception only the frames of their own code and the library (never the kernel's).
 */
public final class CellError extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind { COMPILE, EXCEPTION, INTERRUPTED, MAGIC }

    private final Kind kind;
    private final String errorName;
    private final List<String> traceback;

    CellError(Kind kind, String errorName, String message, List<String> traceback) {
        super(message, null, false, false);  // no kernel stack trace: it would mean nothing to a student
        this.kind = kind;
        this.errorName = errorName;
        this.traceback = List.copyOf(traceback);
    }

    /** A cell that Jupyter's interrupt stopped; the kernel and its variables live on. */
    static CellError interrupted(String label) {
        String msg = label + dlfs.Course.text(" was interrupted; the kernel is still running and keeps its variables.",
                " 被中断了；内核仍在运行，变量都还在。");
        return new CellError(Kind.INTERRUPTED, "Interrupted", msg, List.of("Interrupted: " + msg));
    }

    /** A misused magic, reported at the 0-based {@code line} of cell {@code label}. */
    static CellError magicError(String label, int line, String message) {
        return new CellError(Kind.MAGIC, "MagicError", message,
                List.of("Magic error in " + label + ", line " + (line + 1) + ": " + message));
    }

    public Kind kind() {
        return kind;
    }

    /** The exception's type ({@code java.lang.ArithmeticException}), or "CompileError", "Interrupted", "MagicError". */
    public String errorName() {
        return errorName;
    }

    /** The full report, one line per element. */
    public List<String> traceback() {
        return traceback;
    }

    /** The full report as one string. */
    public String report() {
        return String.join("\n", traceback);
    }

    @Override
    public String toString() {
        return report();
    }
}
