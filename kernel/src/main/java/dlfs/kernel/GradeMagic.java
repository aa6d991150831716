package dlfs.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

import dlfs.grader.GradeReport;
import dlfs.grader.Grader;
import dlfs.grader.Hints;
import dlfs.grader.Lang;

/**
 * {@code %grade ch5.ReluLayer}, {@code %grade ch5}, {@code %grade all}: grades exercises from the
 * notebook with the grader {@code mvn test} uses — the same compile step, bytecode checks,
 * isolated test JVMs, time and heap limits and messages — and shows its report inline: the points
 * per exercise, every test with its message, and the first hint for what lost points.
 *
 * <p>The student's code is read from {@code exercises/src/main/java} and the tests from
 * {@code exercises/src/test/java} of the project: the folder {@code -Ddlfs.root} names (the
 * kernelspec sets it), else the first folder upward from the working directory that has them.
 * The grader's own files go to {@code exercises/target/notebook-grade}, which it clears each time.
 */
final class GradeMagic {
    /** The per-test time limit and the test JVM's heap, as {@code exercises/pom.xml} sets them for {@code mvn test}. */
    static final int TEST_TIMEOUT_SECONDS = 10;
    static final String TEST_XMX = "512m";

    private GradeMagic() {
    }

    /** Grades what {@code selector} names and returns the report; throws IllegalArgumentException for an unknown name. */
    static GradeReport grade(String selector) {
        Path exercises = exercisesFolder();
        Path work = exercises.resolve("target/notebook-grade");
        Grader.Config cfg = new Grader.Config(exercises.resolve("src/main/java"), exercises.resolve("src/test/java"), null,
                work, Grader.currentClasspath(), "exercises " + selector, TEST_TIMEOUT_SECONDS, TEST_XMX, true);
        return new Grader(cfg).only(selector).grade();
    }

    /**
     * The report as a notebook shows it, in the notebook's language ({@code %lang}): Markdown
     * (tables, hints) with the plain-text table beside it.
     */
    static MimeBundle render(GradeReport report) {
        return new MimeBundle()
                .put(MimeBundle.TEXT, report.table(lang()))
                .put("text/markdown", report.markdown(hintsFolder(), lang()));
    }

    /**
     * The project's {@code exercises/hints} (found as {@link #exercisesFolder()} is, so a notebook in
     * {@code notebooks/zh/} finds it too), else {@link Hints#defaultRoot()}.
     */
    static Path hintsFolder() {
        try {
            Path hints = exercisesFolder().resolve("hints");
            if (Files.isDirectory(hints)) return hints;
        } catch (IllegalStateException e) {
            // no project around this kernel: the grader's own search
        }
        return Hints.defaultRoot();
    }

    /** The grader's language for this notebook: {@link dlfs.Course#lang()}, which {@code %lang} sets. */
    static Lang lang() {
        return Lang.of(dlfs.Course.lang());
    }

    /** The project's {@code exercises} folder. */
    static Path exercisesFolder() {
        String root = System.getProperty("dlfs.root");
        if (root != null && !root.isBlank()) {
            Path p = Path.of(root).resolve("exercises");
            if (Files.isDirectory(p.resolve("src/test/java"))) return p.toAbsolutePath().normalize();
            throw new IllegalStateException("-Ddlfs.root=" + root + " has no exercises/src/test/java");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("exercises/src/test/java"))) return d.resolve("exercises").normalize();
            if (Files.isDirectory(d.resolve("src/test/java/dlfs/exercises"))) return d.normalize();
        }
        throw new IllegalStateException("no exercises folder (exercises/src/test/java) in " + Path.of("").toAbsolutePath()
                + " or above it; start the kernel from the project (./start.sh) or set -Ddlfs.root=DIR");
    }
}
