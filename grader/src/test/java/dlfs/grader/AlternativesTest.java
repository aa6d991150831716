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
 * {@code src/test/fixtures/alternatives/correct} put in their place (one for every exercise:
 * explicit loops instead of array operations or the other way round, other loop orders, other
 * perceptron weights, algebraically equal formulas, backwards grouped another way; see the
 * fixtures' README) are graded by the engine on every exercise's tests. The mistakes of
 * {@code alternatives/wrong} (a dropout that draws a new mask in backward, AdaGrad without the
 * 1e-7, weight decay on the biases, a col2im that overwrites, a max-pool backward that feeds the
 * whole window) lose exactly the points of the tests they break.
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
        // every exercise has an alternative
        List<String> all;
        try (Stream<Path> s = Files.walk(ClassGraderTest.SOLUTIONS.resolve(ClassGraderTest.EX))) {
            all = s.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> ClassGraderTest.SOLUTIONS.resolve(ClassGraderTest.EX).relativize(p).toString().replace('\\', '/'))
                    .map(r -> r.substring(0, r.length() - ".java".length()).replace('/', '.')).sorted().toList();
        }
        assertEquals(all, EXERCISES.stream().sorted().toList(), "the exercises in solutions/ and the alternatives of EXERCISES");
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

    /** A mistake in {@code alternatives/wrong}: the exercise's points, what it must score, and the tests that must fail. */
    record Wrong(String id, double maxScore, double score, List<String> failing) {
    }

    static final List<Wrong> WRONG = List.of(
            // AdaGrad without the 1e-7: every step is off (and a zero gradient with h = 0 gives 0/0 = NaN)
            new Wrong("ch6.AdaGradUpdate", 7, 0, List.of("firstStepAndAZeroGradient", "hAccumulatesSoStepsShrink", "matchesTheLibraryOverSeveralSteps")),
            // dropout whose backward draws a new mask
            new Wrong("ch6.DropoutLayer", 6, 4, List.of("trainingKeepsOrDropsEachValueAndBackwardUsesTheSameMask")),
            // weight decay on the biases and gamma/beta too
            new Wrong("ch6.WeightDecay", 7, 0, List.of("penaltyOverTheWeightsOnly", "gradientTermOnTheWeightsOnly", "matchesTheLibrarysNet")),
            // col2im that overwrites instead of adding
            new Wrong("ch7.ColumnsToImage", 9, 1, List.of("overlappingWindowsAreSummed", "valuesMatchTheLibrary", "strideAndPadding",
                    "theAdjointOfIm2col")),
            // max-pool backward that sends the gradient to every element of the window
            new Wrong("ch7.MaxPoolingBackward", 9, 1, List.of("theBooksExampleRoutesToTheMaximum", "matchesTheLibrary",
                    "overlappingWindowsAddUpAndPaddingNeverWins", "gradientCheck")));

    @Test
    void wrongSolutionsLoseThePointsOfTheTestsTheyBreak(@TempDir Path tmp) throws IOException {
        List<String> ids = WRONG.stream().map(Wrong::id).toList();
        for (String id : ids)
            assertTrue(Files.exists(ALTERNATIVES.resolve("wrong").resolve(ClassGraderTest.EX + id.replace('.', '/') + ".java")), id);
        Path src = student(tmp.resolve("src"), ALTERNATIVES.resolve("wrong"));
        GradeReport r = grade(src, testsFor(tmp.resolve("tests"), ids), tmp.resolve("work"), "wrong");
        Map<String, GradeReport.ExerciseSummary> ex = byId(r);
        for (Wrong w : WRONG) {
            GradeReport.ExerciseSummary e = ex.get(w.id());
            assertTrue(e != null, () -> w.id() + " not graded\n" + r.table());
            assertEquals(w.maxScore(), e.maxScore(), () -> w.id() + "\n" + r.table());
            assertEquals(w.score(), e.score(), () -> w.id() + "\n" + r.table());
            List<String> failed = r.outcomes().stream().filter(t -> t.exercise().equals(w.id()) && !t.passed()).map(TestOutcome::method).sorted().toList();
            assertEquals(w.failing().stream().sorted().toList(), failed, () -> w.id() + "\n" + r.table());
        }
        TestOutcome dropout = r.outcomes().stream().filter(t -> t.exercise().equals("ch6.DropoutLayer") && !t.passed()).findFirst().orElseThrow();
        assertTrue(dropout.message().contains("dout where forward kept the value, 0 where it dropped it"), dropout.message());
    }
}
