package dlfs.grader;

import java.util.function.Consumer;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} do in a student's
 * compiled exercises: {@link ExitCalls} sends those calls here, where they are refused (the test
 * that made one fails with the message) and reported to the grader, on every JDK. Public only
 * because the rewritten student classes call it.
 */
public final class ChildExits {
    private static volatile Consumer<String> report = what -> { };

    private ChildExits() {
    }

    /** Where refusals are reported ({@link ChildMain} writes them to its results channel). */
    static void reportTo(Consumer<String> r) {
        report = r;
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

    private static SecurityException refuse(String what) {
        report.accept(what);
        return refusal(what);
    }

    /** How the grader refuses {@code what} here and in {@link Sandbox}: one message on every JDK. */
    static SecurityException refusal(String what) {
        return new SecurityException("grader: " + what + " is not allowed during grading");
    }
}
