package dlfs.grader;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grade of one run (one student, or the solutions): every graded test with its points, grouped
 * by exercise, with totals and notes (sandbox violations, restarts). It prints itself as a table
 * and writes {@code grade-report.md}, {@code grade-report.json}, {@code grade-report.csv} (one row
 * per test) and Gradescope's {@code results.json}.
 */
public final class GradeReport implements Serializable {
    private final String label;
    private final List<TestOutcome> outcomes;
    private final List<String> notes;
    private final double seconds;
    private final String isolation;

    /** A report without an isolation status (reports built by hand, as in tests). */
    public GradeReport(String label, List<TestOutcome> outcomes, List<String> notes, double seconds) {
        this(label, outcomes, notes, seconds, "not isolated: no test JVM was run");
    }

    /**
     * {@code isolation} is how the test JVMs ran: "isolated (…)" in the OS sandbox, or "not
     * isolated: why"; every output format shows it.
     */
    public GradeReport(String label, List<TestOutcome> outcomes, List<String> notes, double seconds, String isolation) {
        this.label = label;
        this.isolation = isolation;
        // exercises in name order (ch2 before ch3 ...), tests in the order they came within each
        List<TestOutcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(java.util.Comparator.comparing(TestOutcome::exercise));
        this.outcomes = List.copyOf(sorted);
        this.notes = List.copyOf(notes);
        this.seconds = seconds;
    }

    public String label() { return label; }
    public List<TestOutcome> outcomes() { return outcomes; }
    public List<String> notes() { return notes; }
    public double seconds() { return seconds; }
    public String isolation() { return isolation; }

    /** True when the test JVMs ran in the OS sandbox. */
    public boolean isolated() {
        return isolation.startsWith("isolated");
    }

    public double score() {
        return outcomes.stream().mapToDouble(TestOutcome::score).sum();
    }

    public double maxScore() {
        return outcomes.stream().mapToDouble(TestOutcome::maxScore).sum();
    }

    /** Score as a percentage of the maximum (0 when nothing is graded). */
    public double percent() {
        double max = maxScore();
        return max == 0 ? 0 : 100.0 * score() / max;
    }

    /** One exercise's share of the report. */
    public record ExerciseSummary(String id, String title, double score, double maxScore, int passed, int tests,
                                  String status) implements Serializable {
    }

    /** Exercises in the order their tests appear, each with its score and a one-line status. */
    public List<ExerciseSummary> exercises() {
        Map<String, List<TestOutcome>> by = byExercise();
        List<ExerciseSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<TestOutcome>> e : by.entrySet()) {
            List<TestOutcome> ts = e.getValue();
            double s = ts.stream().mapToDouble(TestOutcome::score).sum();
            double m = ts.stream().mapToDouble(TestOutcome::maxScore).sum();
            int passed = (int) ts.stream().filter(TestOutcome::passed).count();
            String status;
            if (passed == ts.size()) status = "ok";
            else {
                TestOutcome first = ts.stream().filter(t -> !t.passed()).findFirst().orElseThrow();
                status = first.status() == Status.NOT_COMPILED || first.status() == Status.REFUSED ? first.message()
                        : first.status().label + ": " + first.message();
            }
            out.add(new ExerciseSummary(e.getKey(), ts.get(0).exerciseTitle(), s, m, passed, ts.size(), status));
        }
        return out;
    }

    private Map<String, List<TestOutcome>> byExercise() {
        Map<String, List<TestOutcome>> by = new LinkedHashMap<>();
        for (TestOutcome t : outcomes) by.computeIfAbsent(t.exercise(), k -> new ArrayList<>()).add(t);
        return by;
    }

    /**
     * A one-line account of every point lost and why ("ok" only at full score): exercises that do
     * not compile, were refused, timed out, crashed the test JVM or failed tests (with their
     * points), the sandbox's refusals and the grading notes, and how many are not implemented.
     */
    public String reason() {
        List<String> parts = new ArrayList<>();
        List<String> notCompiled = new ArrayList<>();
        List<String> hung = new ArrayList<>();
        List<String> crashed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int unimplemented = 0;
        Map<String, List<TestOutcome>> by = byExercise();
        for (ExerciseSummary e : exercises()) {
            List<TestOutcome> ts = by.get(e.id());
            if (ts.stream().allMatch(t -> t.message().startsWith(Messages.NOT_IMPLEMENTED))) {
                unimplemented++;
                continue;
            }
            if (ts.stream().anyMatch(t -> t.status() == Status.NOT_COMPILED)) notCompiled.add(e.id());
            else if (ts.stream().anyMatch(t -> t.status() == Status.REFUSED)) { } // named by its note
            else if (ts.stream().anyMatch(t -> t.status() == Status.TIMED_OUT)) hung.add(e.id());
            else if (ts.stream().anyMatch(t -> t.status() == Status.CRASHED)) crashed.add(e.id());
            else if (e.score() < e.maxScore())
                failed.add(e.id() + " " + Json.number(e.score()) + "/" + Json.number(e.maxScore()));
        }
        if (!notCompiled.isEmpty()) parts.add("does not compile: " + String.join(", ", notCompiled));
        for (String n : notes) if (n.startsWith("refused ")) parts.add(n);
        if (!hung.isEmpty()) parts.add("timed out: " + String.join(", ", hung));
        if (!crashed.isEmpty()) parts.add("crashed the test JVM: " + String.join(", ", crashed));
        if (!failed.isEmpty()) parts.add("failed tests: " + String.join(", ", failed));
        for (String n : notes) if (n.startsWith("sandbox:") || n.startsWith("grading:")) parts.add(n);
        if (unimplemented > 0) parts.add(unimplemented + " exercise(s) not implemented");
        if (parts.isEmpty() && score() < maxScore()) parts.add("lost " + Json.number(maxScore() - score()) + " points");
        return parts.isEmpty() ? "ok" : String.join("; ", parts);
    }

    // ---------------------------------------------------------------- text

    /** The table printed at the end of a run, in {@link Lang#fromEnvironment()}'s language. */
    public String table() {
        return table(Lang.fromEnvironment());
    }

    /** The table printed at the end of a run, in {@code lang}. */
    public String table(Lang lang) {
        StringBuilder sb = new StringBuilder();
        List<ExerciseSummary> ex = exercises();
        int w = Math.max(8, ex.stream().mapToInt(e -> e.id().length()).max().orElse(8));
        String line = "-".repeat(w + 2 + 9 + 2 + 7 + 2 + 50);
        sb.append(line).append('\n');
        sb.append(lang.pick("Grade report: ", "评分报告：")).append(label).append('\n');
        sb.append(line).append('\n');
        row(sb, w, lang.pick("Exercise", "练习"), lang.pick("Points", "得分"), lang.pick("Tests", "测试"), lang.pick("Status", "状态"));
        for (ExerciseSummary e : ex)
            row(sb, w, e.id(), Json.number(e.score()) + "/" + Json.number(e.maxScore()), e.passed() + "/" + e.tests(),
                    oneLine(lang.say(e.status()), 90));
        sb.append(line).append('\n');
        long passed = outcomes.stream().filter(TestOutcome::passed).count();
        row(sb, w, lang.pick("TOTAL", "合计"), Json.number(score()) + "/" + Json.number(maxScore()),
                passed + "/" + outcomes.size(), summaryLine(lang));
        sb.append(lang.pick("isolation: ", "隔离：")).append(oneLine(lang.say(isolation), 200)).append('\n');
        for (String n : notes) sb.append(lang.pick("note: ", "注：")).append(oneLine(n, 200)).append('\n');
        sb.append(line).append('\n');
        return sb.toString();
    }

    /** "exercises: 0% (0/96 points)", as printed last (and in the JSON, always in English). */
    public String summaryLine() {
        return summaryLine(Lang.EN);
    }

    /** {@link #summaryLine()} in {@code lang}: "exercises：0%（0/96 分）". */
    public String summaryLine(Lang lang) {
        return String.format(Locale.ROOT, lang.pick("%s: %s%% (%s/%s points)", "%s：%s%%（%s/%s 分）"), label,
                Json.number(Math.round(percent() * 10) / 10.0), Json.number(score()), Json.number(maxScore()));
    }

    /** One line of the table: the exercise left-aligned in {@code w} columns, points and tests right-aligned in 9 and 7. */
    private static void row(StringBuilder sb, int w, String exercise, String points, String tests, String status) {
        sb.append(exercise).append(" ".repeat(Math.max(0, w - columns(exercise)))).append("  ")
                .append(" ".repeat(Math.max(0, 9 - columns(points)))).append(points).append("  ")
                .append(" ".repeat(Math.max(0, 7 - columns(tests)))).append(tests).append("  ")
                .append(status).append(System.lineSeparator());
    }

    /**
     * How many terminal columns {@code s} takes: Chinese characters and full-width punctuation take
     * two (East Asian Wide and Fullwidth), so that "练习" lines up under "Exercise"'s column.
     */
    static int columns(String s) {
        int cols = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            cols += wide(c) ? 2 : 1;
        }
        return cols;
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }

    static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s*\\R\\s*", " | ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /** The Markdown report, with hints from {@link Hints#defaultRoot()}, in {@link Lang#fromEnvironment()}'s language. */
    public String markdown() {
        return markdown(Hints.defaultRoot());
    }

    /** {@link #markdown(Path, Lang)} in {@link Lang#fromEnvironment()}'s language. */
    public String markdown(Path hintsRoot) {
        return markdown(hintsRoot, Lang.fromEnvironment());
    }

    /**
     * The Markdown report in {@code lang}. After the tests, for every exercise that lost points
     * (failed or not implemented yet), the idea of its hints (level 1) from {@code hintsRoot} (its
     * {@code zh} folder in Chinese), with where to read more; when hints are switched off
     * ({@link Hints#enabled()}), one line saying so. No hints section when nothing was lost or
     * {@code hintsRoot} is null.
     */
    public String markdown(Path hintsRoot, Lang lang) {
        StringBuilder sb = new StringBuilder();
        sb.append(lang.pick("# Grade report: ", "# 评分报告：")).append(label).append("\n\n");
        sb.append(String.format(Locale.ROOT, lang.pick("**%s / %s points (%s%%)**, %d of %d tests passed, graded in %.1f s.%n%n",
                        "**%s / %s 分（%s%%）**，%d / %d 个测试通过，评分用时 %.1f 秒。%n%n"),
                Json.number(score()), Json.number(maxScore()), Json.number(Math.round(percent() * 10) / 10.0),
                outcomes.stream().filter(TestOutcome::passed).count(), outcomes.size(), seconds));
        sb.append(lang.pick("**Isolation:** ", "**隔离：**")).append(md(lang.say(isolation))).append("\n\n");
        sb.append(lang.pick("| Exercise | Title | Points | Tests passed | Status |", "| 练习 | 标题 | 得分 | 通过的测试 | 状态 |"))
                .append("\n|---|---|---:|---:|---|\n");
        for (ExerciseSummary e : exercises())
            sb.append("| ").append(e.id()).append(" | ").append(md(e.title())).append(" | ")
                    .append(Json.number(e.score())).append(" / ").append(Json.number(e.maxScore())).append(" | ")
                    .append(e.passed()).append(" / ").append(e.tests()).append(" | ").append(md(oneLine(lang.say(e.status()), 160))).append(" |\n");
        sb.append(lang.pick("\n## Tests\n\n| Exercise | Test | Points | Result | Message |", "\n## 测试\n\n| 练习 | 测试 | 得分 | 结果 | 信息 |"))
                .append("\n|---|---|---:|---|---|\n");
        for (TestOutcome t : outcomes)
            sb.append("| ").append(t.exercise()).append(" | ").append(md(t.name()))
                    .append(t.visibility() == Visibility.VISIBLE ? "" : " (" + t.visibility().gradescope + ")").append(" | ")
                    .append(Json.number(t.score())).append(" / ").append(Json.number(t.maxScore())).append(" | ")
                    .append(lang.label(t.status())).append(" | ").append(md(oneLine(lang.say(t.message()), 400))).append(" |\n");
        if (!notes.isEmpty()) {
            sb.append(lang.pick("\n## Notes\n\n", "\n## 注\n\n"));
            for (String n : notes) sb.append("- ").append(md(oneLine(n, 600))).append('\n');
        }
        appendHints(sb, lang.hints(hintsRoot), hintsRoot, lang);
        return sb.toString();
    }

    private void appendHints(StringBuilder sb, Path hintsRoot, Path englishHints, Lang lang) {
        List<ExerciseSummary> lost = exercises().stream().filter(e -> e.score() < e.maxScore()).toList();
        if (lost.isEmpty() || hintsRoot == null) return;
        sb.append(lang.pick("\n## Hints\n\n", "\n## 提示\n\n"));
        if (!Hints.enabled()) {
            String off = lang.pick(Hints.OFF, Hints.OFF_ZH);
            sb.append(Character.toUpperCase(off.charAt(0))).append(off.substring(1)).append(lang.pick(".", "。")).append("\n");
            return;
        }
        for (ExerciseSummary e : lost) {
            Hints h = Hints.of(hintsRoot, e.id());
            if (h.levels() == 0) h = Hints.of(englishHints, e.id());  // not translated yet: the English hints
            if (h.levels() == 0) continue;
            sb.append("### ").append(e.id()).append(lang.pick(": ", "：")).append(lang.pick(h.title(1).toLowerCase(Locale.ROOT), h.title(1)))
                    .append("\n\n").append(h.level(1)).append("\n\n");
            if (h.levels() > 1)
                sb.append(lang.pick("More: `%hint ", "更多提示：`%hint ")).append(e.id()).append(" 2`")
                        .append(lang.pick(" (up to " + h.levels() + ") or exercises/hints/", "（最多到 " + h.levels() + "）或 exercises/hints/"
                                + (lang == Lang.ZH ? "zh/" : "")))
                        .append(e.id()).append(lang.pick(".md.\n\n", ".md。\n\n"));
        }
    }

    private static String md(String s) {
        return s.replace("|", "\\|");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("label", label);
        root.put("score", score());
        root.put("max_score", maxScore());
        root.put("percent", Math.round(percent() * 100) / 100.0);
        root.put("seconds", Math.round(seconds * 100) / 100.0);
        root.put("reason", reason());
        root.put("isolated", isolated());
        root.put("isolation", isolation);
        List<Object> exs = new ArrayList<>();
        Map<String, List<TestOutcome>> by = byExercise();
        for (ExerciseSummary e : exercises()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("title", e.title());
            m.put("score", e.score());
            m.put("max_score", e.maxScore());
            m.put("status", e.status());
            List<Object> tests = new ArrayList<>();
            for (TestOutcome t : by.get(e.id())) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("name", t.name());
                tm.put("test", t.key());
                tm.put("score", t.score());
                tm.put("max_score", t.maxScore());
                tm.put("status", t.status().label);
                tm.put("message", t.message());
                tm.put("visibility", t.visibility().gradescope);
                tests.add(tm);
            }
            m.put("tests", tests);
            exs.add(m);
        }
        root.put("exercises", exs);
        root.put("notes", new ArrayList<Object>(notes));
        return root;
    }

    /** Gradescope's results.json: per test name, score, max_score, status, output, visibility. */
    public Map<String, Object> toGradescope() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", score());
        root.put("execution_time", (long) Math.ceil(seconds));
        root.put("output", summaryLine() + "\nisolation: " + isolation + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes)));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        List<Object> tests = new ArrayList<>();
        int i = 0;
        for (TestOutcome t : outcomes) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.exercise() + ": " + t.name());
            tm.put("number", Integer.toString(++i));
            tm.put("score", t.score());
            tm.put("max_score", t.maxScore());
            tm.put("status", t.passed() ? "passed" : "failed");
            tm.put("output", t.passed() ? "" : t.status().label + ": " + t.message());
            tm.put("visibility", t.visibility().gradescope);
            tests.add(tm);
        }
        root.put("tests", tests);
        return root;
    }

    /** CSV, one row per test. */
    public String csv() {
        StringBuilder sb = new StringBuilder("label,exercise,test,score,max_score,status,visibility,message,isolated\n");
        for (TestOutcome t : outcomes)
            sb.append(String.join(",", csv(label), csv(t.exercise()), csv(t.name()), Json.number(t.score()),
                    Json.number(t.maxScore()), csv(t.status().label), csv(t.visibility().gradescope), csv(oneLine(t.message(), 400)),
                    isolated() ? "yes" : "no")).append('\n');
        return sb.toString();
    }

    static String csv(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Saves the report for {@link ClassGrader} to read back (Java serialization). */
    void save(Path file) {
        try (var os = new java.io.ObjectOutputStream(Files.newOutputStream(file))) {
            os.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the grade report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes grade-report.md/.json/.csv and results.json into {@code dir}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("grade-report.md"), markdown(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("grade-report.json"), Json.write(toJson()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("grade-report.csv"), csv(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("results.json"), Json.write(toGradescope()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade report to " + dir + ": " + e.getMessage(), e);
        }
    }
}
