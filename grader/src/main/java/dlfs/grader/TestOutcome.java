package dlfs.grader;

import java.io.Serializable;

/**
 * One graded test's result: which exercise it belongs to, the points it earned out of those it is
 * worth, how it ended, and a short message the student can act on (empty when it passed).
 */
public record TestOutcome(String exercise, String exerciseTitle, String testClass, String method, String name,
                          double maxScore, double score, Status status, String message, Visibility visibility)
        implements Serializable {

    public boolean passed() {
        return status == Status.PASSED;
    }

    /** {@code testClass#method}: how the engine matches a planned test with its result. */
    public String key() {
        return testClass + "#" + method;
    }

    public TestOutcome with(Status newStatus, String newMessage) {
        return new TestOutcome(exercise, exerciseTitle, testClass, method, name, maxScore,
                newStatus == Status.PASSED ? maxScore : 0, newStatus, newMessage == null ? "" : newMessage, visibility);
    }
}
