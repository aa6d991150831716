package dlfs.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hint reader, the instructors' switch and the hints in the Markdown grade report. */
class HintsTest {
    static final Path HINTS = NoSolutionInHintsTest.HINTS;

    /** Runs {@code body} with {@code -Ddlfs.hints=value}, restoring the old value afterwards. */
    static void withHints(String value, Runnable body) {
        String old = System.getProperty("dlfs.hints");
        System.setProperty("dlfs.hints", value);
        try {
            body.run();
        } finally {
            if (old == null) System.clearProperty("dlfs.hints");
            else System.setProperty("dlfs.hints", old);
        }
    }

    @Test
    void readsTheThreeLevelsOfAHintFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("ch9.Demo.md"), "# ch9.Demo\n\nintro\n\n## 1 The idea\n\nidea text\n\n## 2 The formula\n\n"
                + "y = x²\n\n## 3 The shapes\n\n(N, D) in,\n(N, D) out\n");
        Hints h = Hints.of(tmp, "ch9.Demo");
        assertEquals(3, h.levels());
        assertEquals(List.of("idea text", "y = x²", "(N, D) in,\n(N, D) out"), List.of(h.level(1), h.level(2), h.level(3)));
        assertEquals("The formula", h.title(2));
        assertThrows(IllegalArgumentException.class, () -> h.level(4));
        assertEquals(0, Hints.of(tmp, "ch9.Missing").levels());
        assertThrows(IllegalArgumentException.class, () -> Hints.of(tmp, "../../etc/passwd"));
    }

    @Test
    void showGivesTheLevelsUpToTheOneAskedFor() {
        withHints("on", () -> {
            Hints h = Hints.of(HINTS, "ch5.ReluLayer");
            String two = Hints.show(HINTS, "ch5.ReluLayer", 2);
            assertTrue(two.contains(h.level(1)) && two.contains(h.level(2)), two);
            assertFalse(two.contains(h.level(3)), two);
            assertTrue(two.contains("%hint ch5.ReluLayer 3"), two);
            assertTrue(Hints.show(HINTS, "ch5.ReluLayer", 9).contains(h.level(3)));
            assertTrue(Hints.show(HINTS, "ch5.NoSuchLayer", 1).startsWith("no hints for ch5.NoSuchLayer"));
        });
    }

    @Test
    void instructorsSwitchHintsOff() {
        withHints("off", () -> {
            assertFalse(Hints.enabled());
            assertEquals(Hints.OFF, Hints.show(HINTS, "ch5.ReluLayer", 3));
        });
        withHints("on", () -> assertTrue(Hints.enabled()));
        assertFalse(Hints.enabled(null, "off"), "DLFS_HINTS=off");
        assertFalse(Hints.enabled("OFF", null));
        assertFalse(Hints.enabled("false", "on"));
        assertTrue(Hints.enabled(null, null));
        assertTrue(Hints.enabled("on", ""));
    }

    private static GradeReport report() {
        TestOutcome relu = new TestOutcome("ch5.ReluLayer", "ReLU", "p.ReluLayerTest", "forward", "forward", 3, 0, Status.NOT_RUN, "",
                Visibility.VISIBLE).with(Status.FAILED, Messages.NOT_IMPLEMENTED + ": ch5 ReluLayer.forward is not written yet");
        TestOutcome gates = new TestOutcome("ch2.Gates", "Gates", "p.GatesTest", "and", "and", 2, 0, Status.NOT_RUN, "",
                Visibility.VISIBLE).with(Status.PASSED, "");
        return new GradeReport("alice", List.of(relu, gates), List.of(), 1.0);
    }

    @Test
    void theReportGivesTheIdeaOfEveryExerciseThatLostPoints() {
        withHints("on", () -> {
            String md = report().markdown(HINTS);
            assertTrue(md.contains("## Hints"), md);
            assertTrue(md.contains("### ch5.ReluLayer: the idea\n\n" + Hints.of(HINTS, "ch5.ReluLayer").level(1)), md);
            assertTrue(md.contains("`%hint ch5.ReluLayer 2`"), md);
            assertFalse(md.contains(Hints.of(HINTS, "ch5.ReluLayer").level(2)), "only level 1 in the report");
            assertFalse(md.contains("### ch2.Gates"), "full points, no hint: " + md);
            assertFalse(report().markdown(null).contains("## Hints"));
        });
    }

    @Test
    void theReportSaysWhenHintsAreOff() {
        withHints("off", () -> {
            String md = report().markdown(HINTS);
            assertTrue(md.contains("Hints are switched off for this assessment."), md);
            assertFalse(md.contains(Hints.of(HINTS, "ch5.ReluLayer").level(1)), md);
        });
    }

    @Test
    void chineseHintsComeFromTheZhFolderAndFallBackToEnglish(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("zh"));
        Files.writeString(tmp.resolve("ch9.Both.md"), "## 1 The idea\n\nenglish idea\n\n## 2 The formula\n\ny = x\n");
        Files.writeString(tmp.resolve("zh/ch9.Both.md"), "## 1 思路\n\n中文思路\n\n## 2 公式\n\ny = x\n");
        Files.writeString(tmp.resolve("ch9.OnlyEnglish.md"), "## 1 The idea\n\nonly english\n");
        withHints("on", () -> {
            String zh = Hints.show(tmp, "ch9.Both", 1, Lang.ZH);
            assertTrue(zh.startsWith("ch9.Both 的提示（第 1 级，共 2 级）") && zh.contains("中文思路") && zh.contains("（%hint ch9.Both 2 显示下一级）"), zh);
            assertTrue(Hints.show(tmp, "ch9.Both", 1, Lang.EN).contains("english idea"));
            assertTrue(Hints.show(tmp, "ch9.OnlyEnglish", 1, Lang.ZH).contains("only english"), "not translated yet: the English");
            assertTrue(Hints.show(tmp, "ch9.None", 1, Lang.ZH).startsWith("没有 ch9.None 的提示"));
            String real = Hints.show(HINTS, "ch5.ReluLayer", 3, Lang.ZH);
            assertTrue(real.contains(Hints.of(HINTS.resolve("zh"), "ch5.ReluLayer").level(3)), real);
        });
        withHints("off", () -> assertEquals(Hints.OFF_ZH, Hints.show(tmp, "ch9.Both", 1, Lang.ZH)));
    }
}
