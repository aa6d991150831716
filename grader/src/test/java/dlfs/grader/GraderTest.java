package dlfs.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on the shipped sources: the stubs (the fixture copy in {@code src/test/fixtures}, not
 * the student's {@code exercises/}) score 0 with "not implemented" messages, solutions score 100 %.
 */
class GraderTest {
    private static GradeReport grade(Path src, Path out, String label) {
        Grader.Config cfg = new Grader.Config(src, ClassGraderTest.TESTS, null, out.resolve("work"), Grader.currentClasspath(),
                label, 10, "384m", true);
        GradeReport r = new Grader(cfg).grade();
        r.write(out);
        return r;
    }

    @Test
    void stubsScoreZeroAndSayWhatToDo(@TempDir Path tmp) throws Exception {
        GradeReport r = grade(ClassGraderTest.STUBS, tmp, "stubs");
        Plan plan = Plan.read(ClassGraderTest.TESTS, null);
        assertEquals(0, r.score());
        assertEquals(plan.maxScore(), r.maxScore());
        assertTrue(plan.exercises().size() >= 15, "at least 15 exercises, got " + plan.exercises().size());
        for (TestOutcome t : r.outcomes())
            assertTrue(t.message().startsWith(Messages.NOT_IMPLEMENTED), t.key() + ": " + t.message());
        String md = Files.readString(tmp.resolve("grade-report.md"));
        assertTrue(md.contains("# Grade report: stubs") && md.contains("**0 / " + Json.number(plan.maxScore()) + " points (0%)**"), md);
        assertTrue(Files.exists(tmp.resolve("grade-report.csv")) && Files.exists(tmp.resolve("grade-report.json")));
        if (Hints.enabled()) // every exercise lost its points: each gets the idea of its hints, from exercises/hints
            for (Plan.ExerciseSpec e : plan.exercises())
                assertTrue(md.contains("### " + e.id() + ": the idea\n\n" + Hints.of(NoSolutionInHintsTest.HINTS, e.id()).level(1)), e.id() + "\n" + md);
    }

    @Test
    void aTimeBudgetKeepsWhatWasEarnedAndStopsTheRest(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        ClassGraderTest.copyTree(ClassGraderTest.SOLUTIONS, src);
        // every Gates method hangs; Gates is graded first
        ClassGraderTest.edit(src, "ch2/Gates.java", "return b + w1 * x1 + w2 * x2 > 0 ? 1 : 0;", "while (b < 1e9) { x1++; } return x1;");
        Grader.Config cfg = new Grader.Config(src, ClassGraderTest.TESTS, null, tmp.resolve("work"), Grader.currentClasspath(),
                "budget", 30, "256m", true);
        // the budget covers compiling too: 20 s leaves the test JVM time to start the hanging test
        GradeReport r = new Grader(cfg).budget(20).grade();
        assertTrue(r.notes().contains("grading: time limit of 20 s reached"), r.notes().toString());
        assertTrue(r.reason().contains("grading: time limit of 20 s reached"), r.reason());
        TestOutcome hung = r.outcomes().stream().filter(t -> t.status() == Status.TIMED_OUT).findFirst().orElseThrow(() -> new AssertionError(r.table()));
        assertEquals("ch2.Gates", hung.exercise());
        assertTrue(hung.message().contains("time limit of 20 s"), hung.message());
        for (TestOutcome t : r.outcomes())
            if (t.status() == Status.NOT_RUN) assertTrue(t.message().contains("time limit of 20 s"), t.key() + ": " + t.message());
        assertTrue(r.score() < r.maxScore());
    }

    @Test
    void solutionsScoreFull(@TempDir Path tmp) {
        GradeReport r = grade(ClassGraderTest.SOLUTIONS, tmp, "solutions");
        assertEquals(r.maxScore(), r.score(), () -> r.table());
        assertEquals("ok", r.reason());
    }
}
