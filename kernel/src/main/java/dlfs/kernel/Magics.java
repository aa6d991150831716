package dlfs.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

/**
 * The kernel's magics, spelled as IJava spells them. A line magic takes a whole line of a cell;
 * a cell magic is the cell's first line and applies to the rest of the cell.
 * <ul>
 *   <li>{@code %jars <glob>...} adds jar files (globs allowed, relative to the notebook's folder).</li>
 *   <li>{@code %classpath [<path or glob>...]} adds jars or class folders; with no argument, lists
 *       what cells see.</li>
 *   <li>{@code %quick on|off} turns quick mode (shortened training) on or off; alone, says which is on.</li>
 *   <li>{@code %lang zh|en} sets the language of the library's words (chart titles, axis labels,
 *       legends, the progress bar; {@link dlfs.Course#lang(String)}); alone, says which is on, in
 *       that language. The Chinese notebooks' first code cell starts with {@code %lang zh}.</li>
 *   <li>{@code %%time} runs the cell and prints its wall-clock time.</li>
 *   <li>{@code %hint <exercise> [level]} prints an exercise's hints up to that level (1 the idea, 2 the
 *       formula, 3 the shapes; default 1) from {@code exercises/hints}, or that hints are switched
 *       off ({@code -Ddlfs.hints=off}, {@code DLFS_HINTS=off}).</li>
 *   <li>{@code %grade <exercise>|<chapter>|all} grades exercises ({@code ch5.ReluLayer}, {@code ch5}) with
 *       the grader {@code mvn test} uses, isolated the same way, and shows the report inline
 *       ({@link GradeMagic}).</li>
 *   <li>{@code %lsmagic} lists these.</li>
 * </ul>
 */
final class Magics {
    static final String LIST = "line magics: %jars <glob>..., %classpath [<path>...], %quick [on|off], %lang [zh|en], %hint <exercise> [level],"
            + " %grade <exercise>|<chapter>|all,"
            + " %lsmagic;"
            + " cell magics: %%time";

    private final Evaluator evaluator;

    Magics(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    void lineMagic(String text, String label, int line) throws CellError {
        List<String> words = split(text, label, line);
        if (words.isEmpty()) {
            throw CellError.magicError(label, line, "'%' alone is not a magic; " + LIST);
        }
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "jars" -> {
                if (args.isEmpty()) {
                    throw CellError.magicError(label, line, "%jars needs at least one jar file or glob, e.g. %jars lib/*.jar");
                }
                for (String arg : args) {
                    List<Path> found = glob(arg, label, line);
                    List<Path> jars = found.stream().filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jar")).toList();
                    if (jars.isEmpty()) {
                        throw CellError.magicError(label, line, "%jars: no .jar file matches '" + arg + "' (relative to "
                                + Paths.get("").toAbsolutePath() + ")");
                    }
                    jars.forEach(p -> evaluator.addToClasspath(p.toString()));
                }
            }
            case "classpath" -> {
                if (args.isEmpty()) {
                    evaluator.classpath().forEach(System.out::println);
                    return;
                }
                for (String arg : args) {
                    List<Path> found = glob(arg, label, line);
                    if (found.isEmpty()) {
                        throw CellError.magicError(label, line, "%classpath: nothing matches '" + arg + "' (relative to "
                                + Paths.get("").toAbsolutePath() + ")");
                    }
                    found.forEach(p -> evaluator.addToClasspath(p.toString()));
                }
            }
            case "quick" -> quick(args, label, line);
            case "lang" -> lang(args, label, line);
            case "hint" -> hint(args, label, line);
            case "grade" -> grade(args, label, line);
            case "lsmagic" -> System.out.println(LIST);
            default -> throw CellError.magicError(label, line, "unknown magic %" + name + "; " + LIST);
        }
    }

    /** {@code %quick on|off}: {@link dlfs.Course#quick(Boolean)}; no argument tells which mode is on. */
    private static void quick(List<String> args, String label, int line) throws CellError {
        if (args.size() > 1 || !args.isEmpty() && !List.of("on", "off").contains(args.get(0))) {
            throw CellError.magicError(label, line, dlfs.Course.text("%quick takes on or off, e.g. %quick on",
                    "%quick 的参数是 on 或 off，例如 %quick on"));
        }
        if (!args.isEmpty()) {
            dlfs.Course.quick(args.get(0).equals("on"));
        }
        System.out.println(dlfs.Course.quick()
                ? dlfs.Course.text("quick mode is on: training cells run shortened (a minute or two per notebook)",
                        "快速模式已开启：训练单元格缩短运行（每个笔记本一两分钟）")
                : dlfs.Course.text("quick mode is off: training cells run at full length (the book's numbers)",
                        "快速模式已关闭：训练单元格完整运行（得到书中的数值）"));
    }

    /** {@code %lang zh|en}: {@link dlfs.Course#lang(String)}; no argument tells which language is on. */
    private static void lang(List<String> args, String label, int line) throws CellError {
        if (args.size() > 1 || !args.isEmpty() && !dlfs.Course.LANGUAGES.contains(args.get(0))) {
            throw CellError.magicError(label, line, dlfs.Course.text("%lang takes zh or en, e.g. %lang zh",
                    "%lang 的参数是 zh 或 en，例如 %lang zh"));
        }
        if (!args.isEmpty()) {
            dlfs.Course.lang(args.get(0));
        }
        System.out.println(dlfs.Course.text(
                "language: English (en): charts and messages in English; %lang zh for Chinese",
                "语言：中文 (zh)：图表和提示使用中文；%lang en 切换为英文"));
    }

    /** {@code %hint ch5.ReluLayer 2}: {@link dlfs.grader.Hints#show}, levels 1 up to the one asked for. */
    private static void hint(List<String> args, String label, int line) throws CellError {
        String usage = "%hint takes an exercise and a level from 1 to 3, e.g. %hint ch5.ReluLayer 2";
        if (args.isEmpty() || args.size() > 2 || args.size() == 2 && !args.get(1).matches("[1-9]")) {
            throw CellError.magicError(label, line, usage);
        }
        int level = args.size() == 2 ? Integer.parseInt(args.get(1)) : 1;
        try {
            System.out.print(dlfs.grader.Hints.show(GradeMagic.hintsFolder(), args.get(0), level, GradeMagic.lang()));
        } catch (IllegalArgumentException e) {
            throw CellError.magicError(label, line, "%hint: " + e.getMessage() + "; " + usage);
        }
    }

    /**
     * {@code %grade ch5.ReluLayer}: grades on this thread (an interrupt stops it and its test JVM)
     * and displays {@link GradeMagic#render the report}.
     */
    private void grade(List<String> args, String label, int line) throws CellError {
        String usage = "%grade takes an exercise, a chapter or all, e.g. %grade ch5.ReluLayer, %grade ch5";
        if (args.size() != 1) throw CellError.magicError(label, line, usage);
        dlfs.grader.GradeReport report;
        try {
            report = evaluator.interruptibly(() -> GradeMagic.grade(args.get(0)));
        } catch (IllegalArgumentException e) {
            Thread.interrupted();
            throw CellError.magicError(label, line, "%grade: " + e.getMessage());
        } catch (IllegalStateException e) {
            if (Thread.interrupted()) throw CellError.interrupted(label);
            throw CellError.magicError(label, line, "%grade: " + e.getMessage());
        }
        Display.sink().accept(GradeMagic.render(report));
    }

    Optional<Object> cellMagic(String header, String body, int bodyLine, String label) throws CellError {
        List<String> words = split(header, label, bodyLine - 1);
        String name = words.isEmpty() ? "" : words.get(0);
        if (name.equals("time")) {
            long start = System.nanoTime();
            try {
                return evaluator.evalToObject(body, label, bodyLine);
            } finally {
                System.out.println("Wall time: " + formatNanos(System.nanoTime() - start));
            }
        }
        throw CellError.magicError(label, bodyLine - 1, "unknown cell magic %%" + name + "; " + LIST);
    }

    static String formatNanos(long nanos) {
        if (nanos < 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static List<Path> glob(String pattern, String label, int line) throws CellError {
        Path literal = Paths.get(pattern);
        if (Files.exists(literal)) {
            return List.of(literal.toAbsolutePath().normalize());
        }
        List<Path> out = new ArrayList<>();
        try {
            for (Path p : new GlobFinder(pattern).computeMatchingPaths()) {
                out.add(p.toAbsolutePath().normalize());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();  // a folder in the pattern does not exist: nothing matches
        } catch (IOException | RuntimeException e) {
            throw CellError.magicError(label, line, "cannot read '" + pattern + "': " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    /** Splits on spaces, keeping "quoted words" (paths with spaces) together. */
    static List<String> split(String text, String label, int line) throws CellError {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw CellError.magicError(label, line, "unclosed quote " + quote + " in magic: " + text);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
