package dlfs.grader;

/** How an exercise is named in reports: its class name without the {@code dlfs.exercises.} prefix ("ch5.AffineLayer"). */
public final class ExerciseIds {
    public static final String PREFIX = "dlfs.exercises.";

    private ExerciseIds() {
    }

    public static String shortName(String className) {
        return className.startsWith(PREFIX) ? className.substring(PREFIX.length()) : className;
    }
}
