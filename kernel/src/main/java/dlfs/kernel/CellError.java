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
