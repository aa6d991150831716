package dlfs.grader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Correct-but-different solutions score full marks: the solutions with the files of
 * {@code src/test/fixtures/alternatives/correct} put in their place (explicit loops instead of
 * array operations, other perceptron weights, another loop order, a dropout mask drawn another
 * way, reductions by multi-index, col2im in the book's loop order, augmentation that draws its
 * random numbers in another order) are graded by the engine on those exercises' tests. A wrong dropout (a new mask in
 * backward) from {@code alternatives/wrong} loses exactly the backward test's points.
 */
class AlternativesTest {
    static final Path ALTERNATIVES = Path.of("src/test/fixtures/alternatives").toAbsolutePath();
    static final List<String> EXERCISES = List.of("ch1.Broadcasting", "ch1.Reductions", "ch2.Gates", "ch3.ActivationFunctions",
            "ch3.SoftmaxFunction", "ch4.Gradients", "ch4.LossFunctions", "ch5.AdditionLayer", "ch5.AffineLayer", "ch5.MultiplyLayer",
            "ch5.ReluLayer", "ch5.SigmoidLayer", "ch5.SoftmaxLossLayer", "ch5.TwoLayerNetBackprop", "ch6.AdaGradUpdate",
            "ch6.AdamUpdate", "ch6.BatchNormLayer", "ch6.DropoutLayer", "ch6.MomentumUpdate", "ch6.SgdUpdate", "ch6.WeightDecay",
            "ch7.ColumnsToImage", "ch7.ConvolutionBackward", "ch7.ConvolutionForward", "ch7.ImageToColumns",
            "ch7.MaxPoolingBackward", "ch7.MaxPoolingForward", "ch8.DataAugmentation", "seeds.BinaryCrossEntropyOutput",
            "seeds.ComputationalGraph", "seeds.SigmoidHiddenBackprop", "seeds.SoftmaxRegressionStep");

    static Path root;

    /** A test folder with the shared helpers and only the tests of the given exercises (fast to grade). */
    static Path testsFor(Path dir, List<String> exercises) throws IOException {
        Path ex = ClassGraderTest.TESTS.resolve(ClassGraderTest.EX);
        Files.createDirectories(dir.resolve(ClassGraderTest.EX));
        try (Stream<Path> s = Files.list(ex)) {
            for (Path helper : s.filter(p -> p.toString().endsWith(".java")).toList())
                Files.copy(helper, dir.resolve(ClassGraderTest.EX).resolve(helper.getFileName().toString()));
        }
        for (String id : exercises) {
            String rel = id.replace('.', '/') + "Test.java";
            Files.createDirectories(dir.resolve(ClassGraderTest.EX).resolve(rel).getParent());
            Files.copy(ex.resolve(rel), dir.resolve(ClassGraderTest.EX).resolve(rel));
        }
        return dir;
    }

    /** The solutions with the files under {@code replacements} copied over them. */
    static Path student(Path dir, Path replacements) throws IOException {
        ClassGraderTest.copyTree(ClassGraderTest.SOLUTIONS, dir);
        try (Stream<Path> s = Files.walk(replacements)) {
            for (Path p : s.filter(Files::isRegularFile).toList())
                Files.copy(p, dir.resolve(replacements.relativize(p).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    static GradeReport grade(Path src, Path tests, Path work, String label) {
        Grader.Config cfg = new Grader.Config(src, tests, null, work, Grader.currentClasspath(), label, 10, "384m", true);
        return new Grader(cfg).grade();
    }

    static Map<String, GradeReport.ExerciseSummary> byId(GradeReport r) {
        Map<String, GradeReport.ExerciseSummary> m = new LinkedHashMap<>();
        for (GradeReport.ExerciseSummary e : r.exercises()) m.put(e.id(), e);
        return m;
    }

    @BeforeAll
    static void fixturesDiffer() throws IOException {
        // each alternative really is another implementation, not a copy of the reference
        for (String id : EXERCISES) {
            String rel = ClassGraderTest.EX + id.replace('.', '/') + ".java";
            Path alt = ALTERNATIVES.resolve("correct").resolve(rel);
            assertTrue(Files.exists(alt), alt.toString());
            assertTrue(!Files.readString(alt).equals(Files.readString(ClassGraderTest.SOLUTIONS.resolve(rel))), id);
        }
    }

    @Test
    void correctButDifferentSolutionsScoreFull(@TempDir Path tmp) throws IOException {
        Path src = student(tmp.resolve("src"), ALTERNATIVES.resolve("correct"));
        GradeReport r = grade(src, testsFor(tmp.resolve("tests"), EXERCISES), tmp.resolve("work"), "alternatives");
        Map<String, GradeReport.ExerciseSummary> ex = byId(r);
        assertEquals(EXERCISES, List.copyOf(ex.keySet()), r::table);
        for (GradeReport.ExerciseSummary e : ex.values()) {
            assertTrue(e.maxScore() > 0, e.id());
            assertEquals(e.maxScore(), e.score(), () -> e.id() + ": " + e.status() + "\n" + r.table());
        }
        assertEquals("ok", r.reason(), r::table);
    }

    @Test
    void aDropoutWhoseBackwardDrawsANewMaskLosesTheBackwardPoints(@TempDir Path tmp) throws IOException {
        Path src = student(tmp.resolve("src"), ALTERNATIVES.resolve("wrong"));
        GradeReport r = grade(src, testsFor(tmp.resolve("tests"), List.of("ch6.DropoutLayer")), tmp.resolve("work"), "wrong");
        GradeReport.ExerciseSummary d = byId(r).get("ch6.DropoutLayer");
        assertEquals(6, d.maxScore(), r::table);
        assertEquals(4, d.score(), r::table);
        TestOutcome failed = r.outcomes().stream().filter(t -> !t.passed()).findFirst().orElseThrow();
        assertEquals("trainingKeepsOrDropsEachValueAndBackwardUsesTheSameMask", failed.method(), r::table);
        assertTrue(failed.message().contains("dout where forward kept the value, 0 where it dropped it"), failed.message());
    }
}
