package dlfs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evaluation, display conversion and error reports, through the evaluator the kernel uses. */
class EvaluatorTest extends EvaluatorSession {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    private String text(String cell) throws CellError {
        Optional<MimeBundle> v = ev.eval(cell, "cell T");
        assertTrue(v.isPresent(), "expected a value from: " + cell);
        return v.get().get(MimeBundle.TEXT);
    }

    private CellError fails(String cell) {
        return assertThrows(CellError.class, () -> ev.eval(cell, "cell E"));
    }

    @Test
    void lastExpressionIsTheValueAndPrintsLikeJShell() throws CellError {
        assertEquals("3", text("1 + 2"));
        assertEquals("\"hi\"", text("\"h\" + \"i\""));
        assertEquals("int[3] { 1, 2, 3 }", text("new int[] {1, 2, 3}"));
        assertEquals("6", text("int a = 2;\nint b = a * 3;\nb"));
        assertEquals("null", text("String nothing = null;\nnothing"));
        assertEquals(Optional.empty(), ev.eval("int c = 4;", "cell T"));
        assertEquals(Optional.empty(), ev.eval("1 + 1;\nint d = 1;", "cell T"), "a declaration last: no value");
        assertEquals("8", text("b + 2  // a comment after the expression"));
    }

    @Test
    void statementsRunInOrderAndPrint() throws CellError {
        assertEquals(Optional.empty(), ev.eval("for (int i = 0; i < 3; i++) {\n  System.out.print(i);\n}\nSystem.out.println();", "cell T"));
        assertEquals("012\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCellEndingInPrintfShowsWhatItPrintedAndNoStreamObject() throws CellError {
        assertEquals(Optional.empty(), ev.eval("System.out.printf(\"%d apples%n\", 2)", "cell T"));
        assertEquals(Optional.empty(), ev.eval("int n = 3;\nSystem.out.format(\"%d oranges%n\", n)", "cell T"));
        assertEquals("2 apples\n3 oranges\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("5", text("n + 2"), "other values still show");
    }

    @Test
    void xchartChartIsACrispPngAtItsOwnSize() throws Exception {
        Optional<MimeBundle> v = ev.eval("""
                import org.knowm.xchart.*;
                var chart = new XYChartBuilder().width(500).height(300).title("sigmoid").build();
                double[] xs = new double[50], ys = new double[50];
                for (int i = 0; i < 50; i++) { xs[i] = i / 5.0 - 5; ys[i] = 1 / (1 + Math.exp(-xs[i])); }
                chart.addSeries("sigmoid", xs, ys);
                chart
                """, "cell T");
        MimeBundle b = v.orElseThrow();
        BufferedImage img = png(b);
        assertEquals(1000, img.getWidth(), "2 image pixels per CSS pixel");
        assertEquals(600, img.getHeight());
        assertEquals(Map.of("width", 500, "height", 300), b.metadata().get(MimeBundle.PNG));
        assertEquals("<XYChart 'sigmoid' (500x300)>", b.get(MimeBundle.TEXT));
        // not a blank image: the curve and axes put dark pixels on the white background
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) < 100) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 1000, "chart has drawn pixels: " + dark);
    }

    @Test
    void displayShowsMidCellAndTakesASize() throws Exception {
        ev.eval("""
                import org.knowm.xchart.*;
                var c2 = new CategoryChartBuilder().width(400).height(200).title("bars").build();
                c2.addSeries("a", new double[] {1, 2}, new double[] {3, 4});
                display(c2);
                System.out.println("between");
                display(c2, 200, 100);
                """, "cell T");
        assertEquals(2, displayed.size());
        assertEquals(800, png(displayed.get(0)).getWidth());
        assertEquals(400, png(displayed.get(1)).getWidth());
        assertEquals(Map.of("width", 200, "height", 100), displayed.get(1).metadata().get(MimeBundle.PNG));
        CellError e = fails("display(\"text\", 10, 10);");
        assertTrue(e.report().contains("a size applies to an XChart chart or an image, not to java.lang.String"), e.report());
    }

    @Test
    void imageScaleCanBeChosen() throws Exception {
        try {
            ev.eval("setImageScale(1);", "cell T");
            MimeBundle b = ev.eval("var c3 = new org.knowm.xchart.XYChartBuilder().width(300).height(200).build();\n"
                    + "c3.addSeries(\"s\", new double[] {0, 1}, new double[] {0, 1});\nc3", "cell T").orElseThrow();
            assertEquals(300, png(b).getWidth());
            assertTrue(fails("setImageScale(0);").report().contains("image scale must be between 0.25 and 8, got 0.0"));
        } finally {
            ev.eval("setImageScale(2);", "cell T");
        }
    }

    @Test
    void smallImagesAreEnlargedPixelByPixel() throws Exception {
        MimeBundle b = ev.eval("""
                var img = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                img.getRaster().setSample(3, 4, 0, 255);
                img
                """, "cell T").orElseThrow();
        BufferedImage shown = png(b);
        // 28 px -> x9 (256/28) capped at 8 -> 224 CSS px, x2 image pixels
        assertEquals(448, shown.getWidth());
        assertEquals(Map.of("width", 224, "height", 224), b.metadata().get(MimeBundle.PNG));
        assertEquals(0xffffffff, shown.getRGB(3 * 16 + 8, 4 * 16 + 8), "the white pixel stays a sharp 16x16 block");
        assertEquals(0xff000000, shown.getRGB(2 * 16 + 15, 4 * 16 + 8));
    }

    @Test
    void tablesawTableIsHtmlWithPlainFallback() throws CellError {
        MimeBundle b = ev.eval("""
                import tech.tablesaw.api.*;
                Table t = Table.create("history",
                    IntColumn.create("epoch", new int[] {1, 2, 3}),
                    DoubleColumn.create("loss", new double[] {2.3, 0.5, 0.25}));
                t
                """, "cell T").orElseThrow();
        String html = b.get(MimeBundle.HTML);
        assertTrue(html.contains("<caption>history</caption>"), html);
        assertTrue(html.contains("<th title=\"INTEGER\">epoch</th><th title=\"DOUBLE\">loss</th>"), html);
        assertTrue(html.contains("<tr><td>2</td><td>0.5</td></tr>"), html);
        assertTrue(html.contains("3 rows &times; 2 columns"), html);
        String plain = b.get(MimeBundle.TEXT);
        assertTrue(plain.contains("history") && plain.contains("epoch") && plain.contains("0.25"), plain);
    }

    @Test
    void longTablesShowHeadAndTail() throws CellError {
        String html = ev.eval("""
                tech.tablesaw.api.Table.create("big", tech.tablesaw.api.IntColumn.create("i",
                    java.util.stream.IntStream.range(0, 100).toArray()))
                """, "cell T").orElseThrow().get(MimeBundle.HTML);
        assertTrue(html.contains("<td>19</td>") && html.contains("<td>&hellip;</td>") && html.contains("<td>95</td>"), html);
        assertFalse(html.contains("<td>20</td>") || html.contains("<td>94</td>"), html);
        assertTrue(html.contains("100 rows"), html);
    }

    @Test
    void compileErrorNamesMessageAndLine() {
        CellError e = fails("int x = 1;\nint y = x +;\nint z = 3;");
        assertEquals(CellError.Kind.COMPILE, e.kind());
        assertEquals(List.of("Compile error in cell E, line 2:", "    int y = x +;", "               ^",
                "illegal start of expression"), e.traceback());
        CellError types = fails("\n\nString s = 5;");
        assertEquals("Compile error in cell E, line 3:", types.traceback().get(0));
        assertTrue(types.report().contains("incompatible types: int cannot be converted to java.lang.String"), types.report());
    }

    @Test
    void exceptionShowsTypeMessageAndUserFramesOnly() throws CellError {
        ev.eval("int half(int a) {\n  int zero = 0;\n  return a / zero;\n}", "In [1]");
        CellError e = fails("int k = 3;\nhalf(k)");
        assertEquals(CellError.Kind.EXCEPTION, e.kind());
        assertEquals("java.lang.ArithmeticException", e.errorName());
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "    at half (In [1], line 3)",
                "    at (cell E, line 2)"), e.traceback());
        assertEquals("5", text("k + 2"), "the kernel goes on after an exception, keeping earlier snippets");
        CellError multi = fails("\n\n// halve it\nif (k > 0) {\n    half(k);\n}\n");
        assertEquals("    at (cell E, line 5)", multi.traceback().get(2));
    }

    @Test
    void exceptionFromLibraryCodeKeepsLibraryFramesAndCauses() {
        CellError e = fails("""
                try {
                    List.of(1).get(5);
                } catch (IndexOutOfBoundsException ex) {
                    throw new IllegalStateException("wrapped", ex);
                }
                """);
        String r = e.report();
        assertTrue(r.startsWith("java.lang.IllegalStateException: wrapped\n    at (cell E, line 4)"), r);
        assertTrue(r.contains("Caused by: java.lang.ArrayIndexOutOfBoundsException") || r.contains("Caused by: java.lang.IndexOutOfBoundsException"), r);
        assertTrue(r.contains("java.util.ImmutableCollections$List12.get(ImmutableCollections.java:"), r);
        assertFalse(r.contains("dlfs.kernel") || r.contains("jdk.jshell") || r.contains("reflect"), r);
    }

    @Test
    void systemExitIsRefusedAndTheKernelGoesOn() throws CellError {
        CellError e = fails("System.out.println(\"bye\");\nSystem.exit(3);");
        assertEquals("java.lang.SecurityException", e.errorName());
        assertEquals(List.of("System.exit(3) was called in a cell; the kernel keeps running (to start afresh, use Kernel > Restart)."),
                e.traceback());
        assertEquals("2", text("1 + 1"));
        // the same without a security manager on every JDK, whichever way the cell names the call
        assertEquals(List.of("Runtime.halt(4) was called in a cell; the kernel keeps running (to start afresh, use Kernel > Restart)."),
                fails("Runtime.getRuntime().halt(4);").traceback());
        assertEquals(List.of("System.exit(5) was called in a cell; the kernel keeps running (to start afresh, use Kernel > Restart)."),
                fails("java.util.function.IntConsumer quit = System::exit;\nquit.accept(5);").traceback());
        assertEquals(List.of("Runtime.exit(6) was called in a cell; the kernel keeps running (to start afresh, use Kernel > Restart)."),
                fails("void leave() { Runtime.getRuntime().exit(6); }\nleave();").traceback());
        assertEquals("2", text("1 + 1"));
    }

    /** Runs {@code code} as {@code label} on another thread, interrupts it once it runs, returns its error. */
    private CellError interruptWhileRunning(String code, String label) throws Exception {
        var result = new java.util.concurrent.CompletableFuture<CellError>();
        Thread t = new Thread(() -> {
            try {
                ev.eval(code, label);
                result.complete(null);
            } catch (CellError e) {
                result.complete(e);
            }
        });
        t.start();
        while (!ev.isRunning()) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        ev.interrupt();
        return result.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aVariableWhoseCellWasInterruptedIsNamedWithThatCellNotJShellInternals() throws Exception {
        ev.eval("String slow() { while (true) { } }", "In [1]");
        CellError stop = interruptWhileRunning("String history = slow();", "In [2]");
        assertEquals(CellError.Kind.INTERRUPTED, stop.kind());
        CellError later = assertThrows(CellError.class, () -> ev.eval("history.length()", "In [3]"));
        assertFalse(later.report().contains("REPL."), later.report());
        assertFalse(later.report().contains("$JShell$"), later.report());
        assertTrue(later.report().contains("because \"history\" is null"), later.report());
        assertTrue(later.report().contains("In [2] was interrupted before it assigned history; run that cell again"),
                later.report());
        ev.eval("history = \"done\";", "In [4]");
        assertEquals("4", text("history.length()"));
        ev.eval("history = null;", "In [5]");
        CellError plainNull = assertThrows(CellError.class, () -> ev.eval("history.length()", "In [6]"));
        assertFalse(plainNull.report().contains("interrupted"), "assigned since: " + plainNull.report());
    }

    @Test
    void interruptStopsABusyLoopAndTheKernelStaysUsable() throws Exception {
        ev.eval("long spins = 0;", "cell T");
        // a busy loop, a loop that swallows the interrupt, and a long library loop (numerical gradient of 10^7 elements)
        for (String loop : List.of("while (true) { spins++; }",
                "while (true) { try { Thread.sleep(10); } catch (InterruptedException ignored) { } }",
                "dlfs.gradient.NumericalGradient.numericalGradient(() -> java.util.stream.IntStream.range(0, 300).sum(),"
                        + " dlfs.nd.NDArray.zeros(10_000_000));")) {
            CellError e = interruptWhileRunning(loop, "cell L");
            assertEquals(CellError.Kind.INTERRUPTED, e.kind(), loop);
            assertTrue(e.report().contains("cell L was interrupted"), e.report());
        }
        assertTrue(Long.parseLong(text("spins")) > 0);
        assertEquals("7", text("3 + 4"));
    }

    @Test
    void anInterruptedLibraryLoopFinishesTidyingUpBeforeAnythingStopsItsThread() throws Exception {
        // Trainer does this: the interrupt ends its loop, its catch draws the bar's last state, then
        // rethrows. The tidying (a JDK sort here, which no interrupt reaches) must not be cut off.
        ev.eval("boolean tidied = false;", "cell A");
        CellError e = interruptWhileRunning("try { dlfs.gradient.NumericalGradient.numericalGradient("
                + "() -> java.util.stream.IntStream.range(0, 300).sum(), dlfs.nd.NDArray.zeros(10_000_000)); }"
                + " catch (RuntimeException stop) { double[] a = new java.util.Random(1).doubles(2_000_000).toArray();"
                + " java.util.Arrays.sort(a); tidied = a[0] < a[1]; throw stop; }", "cell B");
        assertEquals(CellError.Kind.INTERRUPTED, e.kind(), e.report());
        assertEquals("true", text("tidied"));
    }

    @Test
    void aLoopThatChecksNothingIsStoppedAfterTheGraceOnJdksThatCanStopAThread() throws Exception {
        // no loop in cell code and no interrupt check: only Thread.stop (JDK 17 to 19) ends it
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 20,
                "JDK " + Runtime.version().feature() + " cannot stop a thread; such a loop runs until Kernel > Restart");
        long t0 = System.nanoTime();
        CellError e = interruptWhileRunning("java.util.stream.LongStream.iterate(0, i -> i + 1).filter(i -> i < 0).findFirst()",
                "cell S");
        assertEquals(CellError.Kind.INTERRUPTED, e.kind(), e.report());
        assertTrue(System.nanoTime() - t0 >= CellExecutionControl.GRACE_MS * 1_000_000, "stopped only after the grace");
        assertEquals("7", text("3 + 4"));
    }

    @Test
    void redefiningAMethodKeepsOtherVariables() throws CellError {
        ev.eval("int rate() { return 1; }\nint kept = 41 + rate();", "cell 1");
        ev.eval("int rate() { return 2; }", "cell 2");
        assertEquals("42", text("kept"));
        assertEquals("2", text("rate()"));
    }

    @Test
    void redefiningAClassSaysWhichVariableWasReset() throws CellError {
        ev.eval("class Box { int v = 1; }\nBox box = new Box();", "cell 1");
        ev.eval("class Box { int v = 2; int w; }", "cell 2");
        String notes = err.toString(StandardCharsets.UTF_8);
        assertTrue(notes.contains("note: variable box was re-declared because a definition it depends on changed; its value is now null"),
                notes);
    }

    @Test
    void forwardReferenceIsReportedNotSilent() throws CellError {
        ev.eval("void later() { notYet(); }", "cell 1");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("note: method later() was created, but cannot be used until method notYet() is declared"),
                err.toString(StandardCharsets.UTF_8));
        CellError e = fails("later();");
        assertTrue(e.report().startsWith("UnresolvedReference: method later() cannot be used until method notYet() is declared"), e.report());
        ev.eval("void notYet() { System.out.println(\"now\"); }", "cell 3");
        ev.eval("later();", "cell 4");
        assertEquals("now\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void langMagicSetsTheLanguageOfChartsAndSaysWhichIsOn() throws Exception {
        try {
            ev.eval("%lang zh", "In [1]");
            assertEquals("\"zh\"", text("dlfs.Course.lang()"));
            assertEquals("\"迭代次数\"", text("dlfs.plot.Plots.lossCurve(new double[] {2, 1}).getXAxisTitle()"));
            ev.eval("%lang", "In [2]");
            ev.eval("%lang en", "In [3]");
            assertEquals("\"iteration\"", text("dlfs.plot.Plots.lossCurve(new double[] {2, 1}).getXAxisTitle()"));
            assertEquals("语言：中文 (zh)：图表和提示使用中文；%lang en 切换为英文\n"
                    + "语言：中文 (zh)：图表和提示使用中文；%lang en 切换为英文\n"
                    + "language: English (en): charts and messages in English; %lang zh for Chinese\n",
                    out.toString(StandardCharsets.UTF_8));
            assertTrue(fails("%lang fr").report().contains("%lang takes zh or en"));
            ev.eval("%lang zh", "In [4]");
            assertTrue(CellError.interrupted("In [5]").report().contains("In [5] 被中断了；内核仍在运行，变量都还在。"),
                    CellError.interrupted("In [5]").report());
            assertTrue(fails("%quick maybe").report().contains("%quick 的参数是 on 或 off"));
            ev.eval("%lang en", "In [6]");
            assertTrue(CellError.interrupted("In [5]").report().contains(
                    "In [5] was interrupted; the kernel is still running and keeps its variables."));
            ev.eval("dlfs.Course.lang(null);", "In [4]");
            assertTrue(Magics.LIST.contains("%lang [zh|en]"), Magics.LIST);
        } finally {
            dlfs.Course.lang(null);
        }
    }

    @Test
    void timeMagicPrintsWallTimeAndKeepsTheValue() throws CellError {
        assertEquals("45", text("%%time\nint s = 0;\nfor (int i = 0; i < 10; i++) s += i;\ns"));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("Wall time: [0-9.]+ (µs|ms|s)\\n"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quickMagicAndCallComeBeforeTheEnvironment() throws Exception {
        assertEquals("1", System.getenv("DLFS_QUICK"), "surefire runs the kernel tests with DLFS_QUICK=1");
        try {
            ev.eval("%quick off", "In [1]");
            assertEquals("false", text("dlfs.Course.quick()"));
            assertEquals("10000", text("dlfs.Course.pick(10000, 300)"));
            ev.eval("%quick on", "In [2]");
            assertEquals("300", text("dlfs.Course.pick(10000, 300)"));
            ev.eval("dlfs.Course.quick(false);", "In [3]");
            assertEquals("false", text("dlfs.Course.quick()"));
            ev.eval("dlfs.Course.quick(null);", "In [4]");
            assertEquals("true", text("dlfs.Course.quick()"), "null: back to DLFS_QUICK");
            assertTrue(fails("%quick maybe").report().contains("%quick takes on or off"));
        } finally {
            dlfs.Course.quick(null);
        }
    }

    @Test
    void hintMagicPrintsTheLevelsAskedForOrThatHintsAreOff() throws Exception {
        java.nio.file.Path hints = java.nio.file.Path.of("../exercises/hints");
        dlfs.grader.Hints relu = dlfs.grader.Hints.of(hints, "ch5.ReluLayer");
        String old = System.getProperty("dlfs.hints");
        try {
            System.clearProperty("dlfs.hints");
            ev.eval("%hint ch5.ReluLayer 2", "In [1]");
            String shown = out.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains(relu.level(1)) && shown.contains(relu.level(2)) && !shown.contains(relu.level(3)), shown);
            out.reset();
            System.setProperty("dlfs.hints", "off");
            ev.eval("%hint ch5.ReluLayer 3", "In [2]");
            assertEquals("hints are switched off for this assessment", out.toString(StandardCharsets.UTF_8));
            assertTrue(fails("%hint").report().contains("%hint takes an exercise and a level"));
            assertTrue(fails("%hint ch5.ReluLayer x").report().contains("%hint takes an exercise and a level"));
        } finally {
            if (old == null) System.clearProperty("dlfs.hints");
            else System.setProperty("dlfs.hints", old);
        }
    }

    @Test
    void magicErrorsAreClear() {
        CellError e = fails("int q = 1;\n%jars /nonexistent/dir/*.jar");
        assertEquals(CellError.Kind.MAGIC, e.kind());
        assertTrue(e.report().startsWith("Magic error in cell E, line 2: %jars: no .jar file matches '/nonexistent/dir/*.jar'"), e.report());
        assertTrue(fails("%nosuch").report().contains("unknown magic %nosuch; line magics: %jars"));
        assertTrue(fails("int r = 1;\n%%time").report().contains("%%time is a cell magic: it must be the first line of the cell"));
    }

    @Test
    void classpathMagicListsAndAddsJars() throws Exception {
        ev.eval("%classpath", "cell T");
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("xchart-3.8.8.jar") && listed.contains("tablesaw-core-0.43.1.jar"), listed);
        // a jar made here, with a class the JVM has never seen
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("dlfs-jars");
        java.nio.file.Path src = dir.resolve("extra/Greeter.java");
        java.nio.file.Files.createDirectories(src.getParent());
        java.nio.file.Files.writeString(src, "package extra; public class Greeter { public static String hi() { return \"hi from jar\"; } }");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("classes").toString(), src.toString()));
        java.nio.file.Path jar = dir.resolve("greeter.jar");
        try (var jos = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            jos.putNextEntry(new java.util.jar.JarEntry("extra/Greeter.class"));
            jos.write(java.nio.file.Files.readAllBytes(dir.resolve("classes/extra/Greeter.class")));
            jos.closeEntry();
        }
        assertEquals("\"hi from jar\"", text("%jars " + dir + "/*.jar\nextra.Greeter.hi()"));
    }

    @Test
    void completionAndInspectionComeFromJShell() throws CellError {
        ev.eval("String greeting = \"hello\";", "cell T");
        Evaluator.Completion c = ev.complete("int a = 1;\nMath.ma", 18);
        assertTrue(c.candidates().contains("max("), c.candidates().toString());
        assertEquals(16, c.start());
        assertEquals(18, c.end());
        Evaluator.Completion v = ev.complete("greeting.toUpp", 14);
        assertEquals(List.of("toUpperCase("), v.candidates());
        assertEquals(9, v.start());
        String doc = ev.inspect("Math.max(", 9).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)") || doc.contains("max(int"), doc);
        assertEquals(List.of(), ev.complete("%jar", 4).candidates());
        assertEquals("complete", ev.isComplete("int z = 1;"));
        assertEquals("incomplete", ev.isComplete("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void shiftTabShowsTheLibrarysJavadoc() throws CellError {
        String pick = ev.inspect("dlfs.Course.pick(", 17).orElseThrow();
        assertTrue(pick.startsWith("int dlfs.Course.pick(int full, int quick)\n"), pick);
        assertTrue(pick.contains("full normally, quick in quick mode: Course.pick(10_000, 300)"), pick);
        ev.eval("import dlfs.train.*;", "cell D");
        String trainer = ev.inspect("new Trainer(", 12).orElseThrow();
        assertTrue(trainer.contains("Trainer(dlfs.nets.Net net, dlfs.optim.Optimizer optimizer)\nThe training loop of the kit"),
                "a constructor without a comment shows its class's: " + trainer);
        String cls = ev.inspect("Progress", 8).orElseThrow();
        assertTrue(cls.contains("Progress of one training run"), cls);
        assertFalse(cls.contains("{@link") || cls.contains("<pre>"), "Javadoc markup is turned into text: " + cls);
        ev.eval("var st = new Progress.Status(\"t\", 1, 2, 0, 0, 0.1, Double.NaN, Double.NaN, 1, false, false);", "cell E");
        String nested = ev.inspect("st.fraction(", 12).orElseThrow();
        assertTrue(nested.contains("Share of the iterations done"), nested);
    }

    static BufferedImage png(MimeBundle b) throws java.io.IOException {
        assertTrue(b.has(MimeBundle.PNG), "expected image/png in " + b);
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get(MimeBundle.PNG))));
    }
}
