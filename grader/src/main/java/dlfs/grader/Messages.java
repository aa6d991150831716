package dlfs.grader;

import java.util.concurrent.TimeoutException;

/**
 * Turns a test's failure into one short message a student can act on: the assertion's own text,
 * "not implemented yet: hint" for a stub, the time limit for a hung test, and for any other
 * exception its type, message and the first line of the student's code it came from.
 */
public final class Messages {
    public static final String NOT_IMPLEMENTED = "not implemented yet";
    private static final int MAX = 500;

    private Messages() {
    }

    /** The status a failure maps to: {@link Status#TIMED_OUT} for JUnit's timeout, else FAILED. */
    public static Status statusOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause())
            if (c instanceof TimeoutException) return Status.TIMED_OUT;
        return Status.FAILED;
    }

    public static String describe(Throwable t) {
        if (t == null) return "";
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException) return clip(NOT_IMPLEMENTED + ": " + nz(c.getMessage()));
            if (c instanceof TimeoutException)
                return clip(nz(c.getMessage()) + " (an endless loop? the test was stopped and counts as failed)");
            if (c instanceof SecurityException && c.getMessage() != null && c.getMessage().startsWith("grader:"))
                return clip(c.getMessage().substring("grader:".length()).strip());
            if (c instanceof OutOfMemoryError)
                return clip("ran out of memory (" + nz(c.getMessage()) + "); the grader's heap limit is "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
            if (c instanceof StackOverflowError) return clip("StackOverflowError: endless recursion?" + where(c));
            root = c;
        }
        if (t instanceof AssertionError) {
            String m = t.getMessage();
            return clip(m == null || m.isBlank() ? "assertion failed" + where(t) : m);
        }
        String type = root.getClass().getSimpleName();
        String m = root.getMessage();
        return clip(type + (m == null || m.isBlank() ? "" : ": " + m) + where(root));
    }

    /** " (at AffineLayer.java:42)": the first frame outside the JDK, JUnit and the tests. */
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("org.junit.")
                    || c.startsWith("dlfs.grader.") || e.getFileName() == null || e.getFileName().endsWith("Test.java"))
                continue;
            return " (at " + e.getFileName() + ":" + e.getLineNumber() + ")";
        }
        return "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String clip(String s) {
        String t = s.strip();
        return t.length() <= MAX ? t : t.substring(0, MAX - 1) + "…";
    }
}
