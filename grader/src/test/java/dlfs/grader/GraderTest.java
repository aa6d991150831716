package dlfs.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on the shipped sources: stubs score 0 with "not implemented" messages, solutions score 100 %. */
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
    }

    @Test
    void solutionsScoreFull(@TempDir Path tmp) {
        GradeReport r = grade(ClassGraderTest.SOLUTIONS, tmp, "solutions");
        assertEquals(r.maxScore(), r.score(), () -> r.table());
        assertEquals("ok", r.reason());
    }
}
