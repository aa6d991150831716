package dlfs.grader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grader's command line.
 * <pre>
 * grade     --src DIR --tests DIR [--hidden DIR] [--out DIR] [--work DIR] [--label NAME]
 *           [--timeout SECONDS] [--xmx SIZE] [--budget SECONDS] [--no-sandbox]
 * grade-all --submissions DIR --tests DIR [--hidden DIR] --out DIR [--jobs N]
 *           [--student-timeout SECONDS] [--timeout SECONDS] [--xmx SIZE]
 *           [--roster FILE [--canvas-assignment NAME] [--canvas-per-exercise true]]
 * gradescope --out FILE.zip [--tests DIR] [--hidden DIR]
 * </pre>
 * {@code grade} grades one source folder and prints the table; it exits 0 whatever the score
 * (a fresh clone scores 0% and that is a correct result) and non-zero only when the grader itself
 * cannot work. {@code grade-all} grades a folder of submissions (one folder or zip per student),
 * each in its own JVM, and writes {@code class-report.csv} and {@code class-report.json}, and with a
 * roster {@code canvas-gradebook.csv} ({@link CanvasExport}). {@code gradescope} builds a Gradescope
 * autograder zip ({@link GradescopeZip}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) {
        if (args.length == 0) throw new IllegalArgumentException("usage: grade --src DIR --tests DIR ... | grade-all --submissions DIR --tests DIR --out DIR ...");
        Map<String, String> o = options(args);
        String cp = o.getOrDefault("classpath", Grader.currentClasspath());
        int timeout = Integer.parseInt(o.getOrDefault("timeout", "10"));
        String xmx = o.getOrDefault("xmx", "512m");
        Path tests = path(o, "tests", null);
        Path hidden = o.containsKey("hidden") && !o.get("hidden").isBlank() ? Path.of(o.get("hidden")) : null;
        switch (args[0]) {
            case "grade" -> {
                Path out = path(o, "out", Path.of("target/grade"));
                Grader.Config cfg = new Grader.Config(path(o, "src", null), tests, hidden,
                        path(o, "work", out.resolve("work")), cp, o.getOrDefault("label", "exercises"), timeout, xmx,
                        !o.containsKey("no-sandbox"));
                GradeReport report = new Grader(cfg).budget(Long.parseLong(o.getOrDefault("budget", "0"))).grade();
                report.write(out);
                if (o.containsKey("save")) report.save(out.resolve("grade-report.ser"));
                if (!o.containsKey("quiet")) {
                    Lang lang = Lang.fromEnvironment();
                    System.out.print(report.table(lang));
                    System.out.println(report.summaryLine(lang) + lang.pick("   (report: ", "   （报告：")
                            + out.toAbsolutePath().resolve("grade-report.md") + lang.pick(")", "）"));
                    if (!report.outcomes().isEmpty() && report.outcomes().stream().allMatch(t -> t.message().startsWith(Messages.NOT_IMPLEMENTED)))
                        System.out.println(lang.pick("No exercise is implemented yet: 0 points is the expected result for a fresh clone. "
                                + "Implement the classes in " + cfg.srcDir() + " (see exercises/README.md) and run mvn test again.",
                                "还没有实现任何练习：刚克隆的项目得 0 分是正常的。请实现 " + cfg.srcDir()
                                + " 中的类（见 exercises/README.md），然后再次运行 mvn test。"));
                }
                return 0;
            }
            case "grade-all" -> {
                ClassGrader cg = new ClassGrader(path(o, "submissions", null), tests, hidden, path(o, "out", null), cp,
                        Integer.parseInt(o.getOrDefault("jobs", "2")), Integer.parseInt(o.getOrDefault("student-timeout", "300")),
                        timeout, xmx);
                List<CanvasExport.Student> roster = o.containsKey("roster") && !o.get("roster").isBlank()
                        ? CanvasExport.readRoster(Path.of(o.get("roster"))) : null;
                ClassGrader.ClassReport r = cg.gradeAll();
                System.out.print(r.table());
                if (roster != null) {
                    Path f = CanvasExport.write(path(o, "out", null), r, roster, o.getOrDefault("canvas-assignment", "DLFS exercises"),
                            o.containsKey("canvas-per-exercise") && !o.get("canvas-per-exercise").equals("false"));
                    System.out.println("Canvas gradebook: " + f);
                    List<String> missing = CanvasExport.unmatched(r, roster);
                    if (!missing.isEmpty()) System.out.println("not in the roster, so not in the Canvas file: " + String.join(", ", missing));
                }
                return 0;
            }
            case "gradescope" -> {
                Path zip = path(o, "out", null);
                GradescopeZip.build(zip, tests, hidden, cp);
                System.out.println("Gradescope autograder: " + zip.toAbsolutePath());
                return 0;
            }
            default -> throw new IllegalArgumentException("grader: unknown command '" + args[0] + "' (grade, grade-all or gradescope)");
        }
    }

    private static Path path(Map<String, String> o, String key, Path dflt) {
        String v = o.get(key);
        if (v == null || v.isBlank()) {
            if (dflt == null) throw new IllegalArgumentException("grader: --" + key + " DIR is required");
            return dflt;
        }
        return Path.of(v);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("grader: unexpected argument '" + a + "'");
            String k = a.substring(2);
            if (k.equals("no-sandbox") || k.equals("quiet")) o.put(k, "true");
            else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("grader: " + a + " needs a value");
                // an empty value (an unset Maven property) may be dropped: the next option is not a value
                if (args[i + 1].startsWith("--")) o.put(k, "");
                else o.put(k, args[++i]);
            }
        }
        return o;
    }
}
