package dlfs.grader;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a student can read without writing code (the stubs' exception messages and Javadoc, and
 * every level of {@code exercises/hints/<id>.md} and of its Chinese version
 * {@code exercises/hints/zh/<id>.md}) never contains the solution's code: no statement or
 * expression of the reference solution of 12 or more non-space characters, and none of a short
 * list of tell-tale fragments per exercise. Both languages are complete: every exercise has its
 * hints in English and in Chinese with the same levels, and every stub's class Javadoc gives the
 * task in Chinese too.
 */
class NoSolutionInHintsTest {
    static final Path HINTS = ClassGraderTest.ROOT.resolve("exercises/hints");
    /** The Chinese hints: the same file names and levels as {@link #HINTS}. */
    static final Path HINTS_ZH = HINTS.resolve("zh");
    /** How a stub's class Javadoc starts its Chinese version of the task. */
    static final String ZH_PARAGRAPH = "<p><b>中文：</b>";
    static final int MIN_CHARS = 12;

    /** Code fragments that would give an exercise away even when shorter than 12 characters. */
    static final Map<String, List<String>> TELL_TALE = Map.ofEntries(
            Map.entry("ch1.Broadcasting", List.of("broadcastShape(", ".add(", "idx[lead", "rest%", "Math.max(a.length")),
            Map.entry("ch1.Reductions", List.of("*inner+i", "(o*len+j)", "acc+=", "out[o*inner")),
            Map.entry("ch2.Gates", List.of("nand(", "and(s1", "perceptron(x1", "-0.7", "0.5,0.5")),
            Map.entry("ch3.ActivationFunctions", List.of("maximum(0)", "gt(0)", "rdiv(1)", "neg().exp()", "Math.exp(-")),
            Map.entry("ch3.SoftmaxFunction", List.of(".max(", "exp(a-c)", ".sub(c", ".div(")),
            Map.entry("ch4.LossFunctions", List.of("log(y+1e-7", "Math.log(", "0.5*", ".sum()/")),
            Map.entry("ch4.Gradients", List.of("(2*h)", "/(2*", "tmp=", "lr*")),
            Map.entry("ch5.MultiplyLayer", List.of("dout*y", "dout*x", "newdouble[]{")),
            Map.entry("ch5.AdditionLayer", List.of("{dout,dout}", "newdouble[]{", "returnx+y")),
            Map.entry("ch5.ReluLayer", List.of("maximum(0)", "le(0)", "where(mask")),
            Map.entry("ch5.SigmoidLayer", List.of("(1-out)", "rdiv(1)", "Math.exp(-")),
            Map.entry("ch5.AffineLayer", List.of("matmul(", ".dott(", ".tdot(", ".sum(0)", "reshape(")),
            Map.entry("ch5.SoftmaxLossLayer", List.of(".sub(t", "Softmax.")),
            Map.entry("ch5.TwoLayerNetBackprop", List.of("matmul(", ".tdot(", ".dott(", ".sum(0)")),
            Map.entry("ch6.MomentumUpdate", List.of("momentum*v", "lr*grad", ".mul(momentum")),
            Map.entry("ch6.AdamUpdate", List.of("Math.sqrt(1", "Math.pow(", "t++")),
            Map.entry("ch6.DropoutLayer", List.of("mul(mask)", "gt(ratio)", "rng.rand(", "mul(1-ratio)")),
            Map.entry("ch6.BatchNormLayer", List.of("x.mean(0)", "Math.sqrt(", "sum(0)", "Map.of(")),
            Map.entry("ch6.SgdUpdate", List.of("-=lr*", "axpyi(", "lr*g[")),
            Map.entry("ch6.AdaGradUpdate", List.of("Math.sqrt(", "g[i]*g[i]", "computeIfAbsent(")),
            Map.entry("ch6.WeightDecay", List.of("0.5*lambda", "startsWith(\"W\")", "lambda*w", "w*w")),
            Map.entry("ch7.ImageToColumns", List.of("Im2Col.", "(H+2*pad", "/stride+1")),
            Map.entry("ch7.ConvolutionForward", List.of("Im2Col.im2col(", "matmul(", "transpose(", "reshape(")),
            Map.entry("ch7.MaxPoolingForward", List.of("Math.max(", "/stride+1", "NEGATIVE_INFINITY")),
            Map.entry("ch7.ColumnsToImage", List.of("Im2Col.", "col.get(row", "/stride+1", "i*stride+u-pad")),
            Map.entry("ch7.ConvolutionBackward", List.of("Im2Col.col2im(", "transpose(0,2,3,1)", ".tdot(col", "sum(0)", "reshape(-1")),
            Map.entry("ch7.MaxPoolingBackward", List.of("+=d[", "argMax[", "in[at]>in[best]", "NEGATIVE_INFINITY")),
            Map.entry("ch8.DataAugmentation", List.of("w-1-j", "w-1-s", "nextInt(2*pad+1)", "nextDouble()<0.5", "i-dy")),
            Map.entry("seeds.SoftmaxRegressionStep", List.of("matmul(", ".tdot(", ".sum(0)", "Math.log(")),
            Map.entry("seeds.SigmoidHiddenBackprop", List.of("matmul(", ".tdot(", "(1-s", "Math.exp(-")),
            Map.entry("seeds.BinaryCrossEntropyOutput", List.of("sqrt(2", "Math.sqrt(", "(y-t)*dout", "rdiv(1)")),
            Map.entry("seeds.ComputationalGraph", List.of("dout*y", "dout*x", "Math.exp(-", "(1-f)*f", "newdouble[]{")));

    record Exercise(String id, Path solution, Path stub) {
    }

    static List<Exercise> exercises() throws IOException {
        List<Exercise> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ClassGraderTest.SOLUTIONS.resolve(ClassGraderTest.EX))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String rel = ClassGraderTest.SOLUTIONS.resolve(ClassGraderTest.EX).relativize(p).toString();
                Path stub = ClassGraderTest.STUBS.resolve(ClassGraderTest.EX).resolve(rel);
                if (!Files.exists(stub)) continue;
                out.add(new Exercise(rel.replace('/', '.').replaceAll("\\.java$", ""), p, stub));
            }
        }
        return out;
    }

    /** Removes all whitespace (the comparison ignores layout). */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * The solution's code as pieces of 12 or more non-space characters: its statements (split at
     * ';', '{' and '}'), each also without a leading {@code return}, and their right-hand sides.
     */
    static Set<String> codePieces(String solution) {
        String code = solution.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        Set<String> pieces = new LinkedHashSet<>();
        for (String raw : code.split("[;{}]")) {
            String st = squeeze(raw);
            if (st.startsWith("import") || st.startsWith("package") || st.startsWith("@")) continue;
            List<String> forms = new ArrayList<>(List.of(st));
            if (st.startsWith("return")) forms.add(st.substring("return".length()));
            int eq = st.indexOf('=');
            if (eq > 0 && eq + 1 < st.length() && st.charAt(eq + 1) != '=') forms.add(st.substring(eq + 1));
            for (String f : forms) if (f.length() >= MIN_CHARS) pieces.add(f);
        }
        return pieces;
    }

    private static final Pattern THROW = Pattern.compile("throw\\s+new\\s+UnsupportedOperationException\\s*\\((.*?)\\)\\s*;", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

    /** The text of the string literals of the stub's {@code throw} statements, one entry per throw. */
    static List<String> messages(String stub) {
        List<String> out = new ArrayList<>();
        Matcher m = THROW.matcher(stub);
        while (m.find()) {
            StringBuilder sb = new StringBuilder();
            Matcher l = LITERAL.matcher(m.group(1));
            while (l.find()) sb.append(l.group(1).replace("\\\"", "\""));
            out.add(sb.toString());
        }
        return out;
    }

    /** What a student reads about one exercise without solving it: labelled texts. */
    static Map<String, String> readable(Exercise e) throws IOException {
        String stub = Files.readString(e.stub());
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        List<String> msgs = messages(stub);
        for (int i = 0; i < msgs.size(); i++) texts.put("stub message " + (i + 1), msgs.get(i));
        Matcher j = JAVADOC.matcher(stub);
        for (int i = 1; j.find(); i++) texts.put("stub Javadoc " + i, j.group(1).replaceAll("(?m)^\\s*\\*", " "));
        for (Map.Entry<String, Path> lang : Map.of("hint", HINTS, "zh hint", HINTS_ZH).entrySet()) {
            if (!Files.exists(lang.getValue().resolve(e.id() + ".md"))) continue;
            Hints h = Hints.of(lang.getValue(), e.id());
            for (int level = 1; level <= h.levels(); level++) texts.put(lang.getKey() + " level " + level, h.level(level));
        }
        return texts;
    }

    /** Every leak found in one exercise: "where: piece". */
    static List<String> leaks(Exercise e) throws IOException {
        Set<String> pieces = codePieces(Files.readString(e.solution()));
        pieces.addAll(TELL_TALE.getOrDefault(e.id(), List.of()).stream().map(NoSolutionInHintsTest::squeeze).toList());
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> t : readable(e).entrySet()) {
            String hay = squeeze(t.getValue().replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")
                    .replaceAll("\\{@code\\s*([^}]*)}", "$1"));
            for (String p : pieces) if (hay.contains(p)) found.add(e.id() + " " + t.getKey() + ": " + p);
        }
        return found;
    }

    @Test
    void noStubMessageJavadocOrHintContainsTheSolutionsCode() throws IOException {
        List<Exercise> all = exercises();
        assertEquals(32, all.size(), all.toString());
        List<String> found = new ArrayList<>();
        for (Exercise e : all) found.addAll(leaks(e));
        assertTrue(found.isEmpty(), found.size() + " piece(s) of solution code a student can read:\n" + String.join("\n", found));
    }

    @Test
    void everyExerciseHasAllHintLevelsAndEveryStubPointsToThem() throws IOException {
        for (Exercise e : exercises()) {
            Hints h = Hints.of(HINTS, e.id());
            assertEquals(3, h.levels(), e.id());
            for (int level = 1; level <= 3; level++) assertFalse(h.level(level).isBlank(), e.id() + " level " + level);
            for (String m : messages(Files.readString(e.stub())))
                assertTrue(m.contains("%hint " + e.id()), e.id() + ": the message should name its hint: " + m);
        }
    }

    /** True if {@code s} holds a Chinese character (a translation, not a copy of the English). */
    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everyExerciseHasItsHintsInChineseWithTheSameLevels() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Exercise e : exercises()) {
            ids.add(e.id());
            Hints en = Hints.of(HINTS, e.id());
            Hints zh = Hints.of(HINTS_ZH, e.id());
            assertEquals(en.levels(), zh.levels(), e.id() + ": " + HINTS_ZH.resolve(e.id() + ".md") + " should have the English file's levels");
            StringBuilder all = new StringBuilder();
            for (int level = 1; level <= zh.levels(); level++) {
                assertFalse(zh.level(level).isBlank(), e.id() + " zh level " + level);
                assertTrue(hasChinese(zh.title(level)), e.id() + " zh level " + level + ": the title is not in Chinese: " + zh.title(level));
                all.append(zh.level(level));
            }
            assertTrue(hasChinese(all.toString()), e.id() + ": the Chinese hints are not in Chinese");
        }
        try (Stream<Path> s = Files.list(HINTS_ZH)) {
            for (Path p : s.sorted().toList())
                assertTrue(ids.contains(p.getFileName().toString().replaceAll("\\.md$", "")), "no exercise for the Chinese hints " + p);
        }
    }

    @Test
    void everyStubsClassJavadocGivesTheTaskInChineseToo() throws IOException {
        for (Exercise e : exercises()) {
            Matcher j = JAVADOC.matcher(Files.readString(e.stub()));
            assertTrue(j.find(), e.id() + " has no class Javadoc");
            String doc = j.group(1);
            int zh = doc.indexOf(ZH_PARAGRAPH);
            assertTrue(zh > 0 && hasChinese(doc.substring(zh + ZH_PARAGRAPH.length())),
                    e.id() + ": the class Javadoc should end with the task in Chinese, starting " + ZH_PARAGRAPH);
            assertTrue(doc.substring(0, zh).strip().startsWith("* Exercise "), e.id() + ": the English text comes first");
        }
    }

    /** The check itself catches what it is for (so it cannot pass by finding nothing to look for). */
    @Test
    void theCheckFindsCodeWhereThereIsCode() {
        Set<String> pieces = codePieces("class A { NDArray f(NDArray x) { m = x.le(0);\n return x.maximum( 0 ); } }");
        assertTrue(pieces.contains("x.maximum(0)"), pieces.toString());
        assertTrue(pieces.contains("returnx.maximum(0)"), pieces.toString());
        assertFalse(pieces.contains("m=x.le(0)"), "11 characters are below the limit: " + pieces);
        assertEquals(List.of("ch5 relu: x.maximum(0), \"quoted\""),
                messages("throw new UnsupportedOperationException(\"ch5 relu: \"\n + \"x.maximum(0), \\\"quoted\\\"\");"));
    }
}
