package dlfs.grader;

/** Who sees a test's result, in Gradescope's terms ({@code results.json} "visibility"). */
public enum Visibility {
    VISIBLE("visible"), HIDDEN("hidden"), AFTER_DUE_DATE("after_due_date"), AFTER_PUBLISHED("after_published");

    public final String gradescope;

    Visibility(String gradescope) {
        this.gradescope = gradescope;
    }
}
