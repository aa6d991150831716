package dlfs.grader;

/** How a graded test ended. Only {@link #PASSED} earns points; a hung test is never passed. */
public enum Status {
    PASSED("passed"),
    FAILED("failed"),
    TIMED_OUT("timed out"),
    CRASHED("crashed"),
    NOT_COMPILED("does not compile"),
    /** The exercise's compiled code uses what grading does not allow (see {@link BytecodeCheck}): not run. */
    REFUSED("refused"),
    NOT_RUN("not run");

    public final String label;

    Status(String label) {
        this.label = label;
    }
}
