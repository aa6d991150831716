package dlfs.grader;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's numbers and formats, the plan read from sources, and the failure messages. */
class GradeReportTest {
    private static TestOutcome t(String ex, String m, double max, Status st, String msg, Visibility v) {
        TestOutcome planned = new TestOutcome(ex, "title " + ex, "p." + ex + "Test", m, m, max, 0, Status.NOT_RUN, "", v);
        return planned.with(st, msg);
    }

    private static GradeReport sample() {
        return new GradeReport("alice", List.of(
                t("ch5.Affine", "forward", 2, Status.PASSED, "", Visibility.VISIBLE),
                t("ch5.Affine", "backward", 3, Status.FAILED, "dx: at (0, 1) expected 1.0, got 2.0, \"quoted\"", Visibility.VISIBLE),
                t("ch2.Gates", "xor", 1.5, Status.TIMED_OUT, "xor() timed out after 10 seconds", Visibility.HIDDEN)),
                List.of("sandbox: refused System.exit(1)"), 3.2);
    }

    @Test
    void totalsAndExerciseOrder() {
        GradeReport r = sample();
        assertEquals(2, r.score());
        assertEquals(6.5, r.maxScore());
        assertEquals(100 * 2 / 6.5, r.percent(), 1e-12);
        assertEquals(List.of("ch2.Gates", "ch5.Affine"), r.exercises().stream().map(GradeReport.ExerciseSummary::id).toList());
        assertEquals("timed out: ch2.Gates; failed tests: ch5.Affine 2/5; sandbox: refused System.exit(1)", r.reason());
        assertEquals("alice: 30.8% (2/6.5 points)", r.summaryLine());
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradescopeResults() {
        Map<String, Object> gs = sample().toGradescope();
        assertEquals(2.0, gs.get("score"));
        List<Map<String, Object>> tests = (List<Map<String, Object>>) gs.get("tests");
        assertEquals(3, tests.size());
        Map<String, Object> hidden = tests.get(0);
        assertEquals("ch2.Gates: xor", hidden.get("name"));
        assertEquals(0.0, hidden.get("score"));
        assertEquals(1.5, hidden.get("max_score"));
        assertEquals("hidden", hidden.get("visibility"));
        assertEquals("failed", hidden.get("status"));
        assertTrue(((String) hidden.get("output")).startsWith("timed out: "));
        String json = Json.write(gs);
        assertTrue(json.contains("\"max_score\": 1.5") && json.contains("\"score\": 2,"), json);
    }

    @Test
    void csvQuotesMessages() {
        String csv = sample().csv();
        assertTrue(csv.startsWith("label,exercise,test,score,max_score,status,visibility,message,isolated\n"), csv);
        assertTrue(csv.contains("alice,ch5.Affine,backward,0,3,failed,visible,\"dx: at (0, 1) expected 1.0, got 2.0, \"\"quoted\"\"\",no"), csv);
    }

    @Test
    void everyFormatCarriesTheIsolationStatus() {
        GradeReport r = new GradeReport("bob", sample().outcomes(), List.of(), 1, "not isolated: bubblewrap (bwrap) is not installed");
        assertTrue(!r.isolated());
        assertTrue(r.table().contains("isolation: not isolated: bubblewrap"), r.table());
        assertTrue(r.markdown().contains("**Isolation:** not isolated: bubblewrap"), r.markdown());
        assertEquals(false, r.toJson().get("isolated"));
        assertTrue(((String) r.toGradescope().get("output")).contains("isolation: not isolated"));
        assertTrue(r.csv().lines().skip(1).allMatch(l -> l.endsWith(",no")), r.csv());
        GradeReport ok = new GradeReport("bob", sample().outcomes(), List.of(), 1, "isolated (bubblewrap)");
        assertTrue(ok.isolated() && ok.csv().lines().skip(1).allMatch(l -> l.endsWith(",yes")), ok.csv());
    }

    @Test
    void planFromSourcesWithHiddenTests() {
        Plan plan = Plan.read(ClassGraderTest.TESTS, ClassGraderTest.HIDDEN);
        Plan.ExerciseSpec gates = plan.exercises().stream().filter(e -> e.id().equals("ch2.Gates")).findFirst().orElseThrow();
        assertEquals("dlfs/exercises/ch2/Gates.java", gates.relativeSource().toString());
        assertEquals(10, gates.tests().stream().mapToDouble(Plan.TestSpec::points).sum());
        Plan.TestSpec hidden = gates.tests().stream().filter(s -> s.method().equals("xorIsSymmetric")).findFirst().orElseThrow();
        assertEquals(Visibility.HIDDEN, hidden.visibility());
        assertEquals("dlfs.exercises.ch2.GatesHiddenTest", hidden.testClass());
        assertEquals(Visibility.VISIBLE, gates.tests().get(0).visibility());
    }

    @Test
    void messagesStudentsCanActOn() {
        assertEquals("not implemented yet: ch5 Affine: x·W + b",
                Messages.describe(new UnsupportedOperationException("ch5 Affine: x·W + b")));
        TimeoutException te = new TimeoutException("andTruthTable() timed out after 10 seconds");
        assertEquals(Status.TIMED_OUT, Messages.statusOf(te));
        assertTrue(Messages.describe(te).startsWith("andTruthTable() timed out after 10 seconds"));
        assertEquals("System.exit(3) is not allowed during grading",
                Messages.describe(new SecurityException("grader: System.exit(3) is not allowed during grading")));
        assertEquals("expected 2 but was 3", Messages.describe(new AssertionError("expected 2 but was 3")));
        assertEquals(Status.FAILED, Messages.statusOf(new AssertionError("x")));
    }

    /** Every exercise names the library classes it replaces, and each name is real (a typo would let a wrapper through). */
    @Test
    void everyExerciseNamesRealLibraryClassesItReplaces() throws Exception {
        Plan plan = Plan.read(ClassGraderTest.TESTS, null);
        assertEquals(32, plan.exercises().size());
        ClassLoader cl = getClass().getClassLoader();
        for (Plan.ExerciseSpec e : plan.exercises()) {
            assertTrue(!e.replaces().isEmpty(), e.id() + " names no library class it replaces");
            for (String r : e.replaces()) {
                String cls = r.contains("#") ? r.substring(0, r.indexOf('#')) : r;
                if (cls.endsWith(".*")) {
                    String pkg = cls.substring(0, cls.length() - 2).replace('.', '/');
                    assertTrue(cl.getResource(pkg) != null, e.id() + ": no package " + cls);
                    continue;
                }
                Class<?> c = Class.forName(cls, false, cl);
                if (r.contains("#")) {
                    String m = r.substring(r.indexOf('#') + 1);
                    assertTrue(java.util.Arrays.stream(c.getMethods()).anyMatch(x -> x.getName().equals(m)), e.id() + ": no method " + r);
                }
            }
        }
        assertEquals(List.of("dlfs.layers.Sigmoid", "dlfs.layers.SigmoidWithLoss", "dlfs.functions.Activations#sigmoid"),
                plan.exercises().stream().filter(e -> e.id().equals("ch5.SigmoidLayer")).findFirst().orElseThrow().replaces());
    }

    @Test
    void aMalformedReplacesIsAClearError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path f = tmp.resolve("p/XTest.java");
        java.nio.file.Files.createDirectories(f.getParent());
        java.nio.file.Files.writeString(f, "package p;\n@Exercise(value = X.class, replaces = {Sigmoid.class})\nclass XTest {\n"
                + "  @Test @Points(1) void a() { }\n}\n");
        IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Plan.read(tmp, null));
        assertTrue(ex.getMessage().contains("XTest.java: @Exercise(replaces = ...) takes fully qualified class names as strings"), ex.getMessage());
    }

    @Test
    void theChineseTableLinesUpInATerminalWhereAChineseCharacterTakesTwoColumns() {
        assertEquals(4, GradeReport.columns("练习"));
        assertEquals(8, GradeReport.columns("Exercise"));
        assertEquals(7, GradeReport.columns("合计（2"));
        for (Lang lang : List.of(Lang.EN, Lang.ZH)) {
            String table = sample().table(lang);
            // every row's points and tests end in the columns where their headers end
            List<int[]> ends = new java.util.ArrayList<>();
            for (String line : table.split("\\R")) {
                String[] cells = line.split(" {2,}");
                boolean header = line.startsWith(lang.pick("Exercise", "练习"));
                if (cells.length >= 4 && (header || cells[1].matches("[0-9.]+/[0-9.]+")))
                    ends.add(ends(line, cells[0], cells[1], cells[2]));
            }
            assertTrue(ends.size() >= 4, lang + ": the header, the exercises and the total\n" + table);
            for (int[] e : ends)
                assertTrue(e[0] == ends.get(0)[0] && e[1] == ends.get(0)[1], lang + ": misaligned columns\n" + table);
        }
    }

    /** The terminal columns where each of {@code cells} (but the first, which starts the line) ends in {@code line}. */
    private static int[] ends(String line, String... cells) {
        int[] out = new int[cells.length - 1];
        int at = cells[0].length();
        for (int i = 1; i < cells.length; i++) {
            at = line.indexOf(cells[i], at) + cells[i].length();
            out[i - 1] = GradeReport.columns(line.substring(0, at));
        }
        return out;
    }

    @Test
    void chineseReportTranslatesTheGradersWordsAndKeepsTheMachineReadOnesEnglish() {
        GradeReport r = sample();
        String table = r.table(Lang.ZH);
        assertTrue(table.contains("评分报告：alice") && table.contains("合计") && table.contains("alice：30.8%（2/6.5 分）"), table);
        assertTrue(table.contains("超时：xor() timed out after 10 seconds"), "the grader's word in Chinese, the detail as written: " + table);
        String md = r.markdown(null, Lang.ZH);
        assertTrue(md.startsWith("# 评分报告：alice") && md.contains("| 练习 | 测试 | 得分 | 结果 | 信息 |") && md.contains("| 失败 |"), md);
        assertEquals(r.table(Lang.EN), r.table(Lang.fromEnvironment(null, "en", java.util.Locale.CHINA)),
                "-Ddlfs.lang=en wins over a Chinese locale");
        assertEquals(Lang.ZH, Lang.fromEnvironment(null, null, java.util.Locale.SIMPLIFIED_CHINESE), "a zh locale asks for Chinese");
        assertEquals(Lang.ZH, Lang.fromEnvironment("zh_CN.UTF-8", "en", java.util.Locale.US), "DLFS_LANG first");
        assertEquals(Lang.EN, Lang.fromEnvironment(null, null, java.util.Locale.US));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lang.of("fr"));
        assertTrue(e.getMessage().contains("en, zh"), e.getMessage());
        // JSON and the Gradescope output stay English whatever the language
        assertEquals("alice: 30.8% (2/6.5 points)", r.summaryLine());
        assertTrue(r.toJson().toString().contains("timed out: ch2.Gates"));
    }

    @Test
    void chineseMessagesForTheGradersOwnPhrases() {
        assertEquals("尚未实现：ch5 ReluLayer.forward: see this class's Javadoc；提示：%hint ch5.ReluLayer",
                Lang.ZH.say("not implemented yet: ch5 ReluLayer.forward: see this class's Javadoc; %hint ch5.ReluLayer gives hints"));
        assertEquals("全部通过", Lang.ZH.say("ok"));
        assertTrue(Lang.ZH.say("isolated (bubblewrap: no network, no /proc, only the JDK, the class path, the compiled classes and a scratch folder are visible)").startsWith("已隔离"));
        assertTrue(Lang.ZH.say("not isolated: bubblewrap (bwrap) is not installed").startsWith("未隔离："));
        assertEquals("f() timed out after 10 seconds（死循环？测试已被停止，计为失败）",
                Lang.ZH.say("f() timed out after 10 seconds (an endless loop? the test was stopped and counts as failed)"));
        String any = "dx: at (0, 1) expected 1.0, got 2.0";
        assertEquals(any, Lang.EN.say(any));
        assertEquals(any, Lang.ZH.say(any), "the tests' own words stay as written");
    }
}
