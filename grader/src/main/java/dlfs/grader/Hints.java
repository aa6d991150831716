package dlfs.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tiered hints for one exercise, read from {@code exercises/hints/<id>.md} (e.g.
 * {@code ch5.ReluLayer.md}): sections {@code ## 1 The idea}, {@code ## 2 The formula},
 * {@code ## 3 The shapes}, each a step closer to the answer and none with code.
 * <p>
 * {@code Hints.of(root, "ch5.ReluLayer").level(2)} is the second section's text. Instructors
 * switch hints off for an assessment with {@code -Ddlfs.hints=off} or {@code DLFS_HINTS=off}:
 * then {@link #show} and the grade report say {@link #OFF} instead. No library is needed, so a
 * kernel magic ({@code %hint ch5.ReluLayer 2}) or the command line
 * ({@code java -cp grader.jar dlfs.grader.Hints ch5.ReluLayer 2}) can call it.
 */
public final class Hints {
    /** What students read when hints are switched off. */
    public static final String OFF = "hints are switched off for this assessment";
    /** {@link #OFF} in Chinese. */
    public static final String OFF_ZH = "本次测验已关闭提示";

    private static final Pattern SECTION = Pattern.compile("(?m)^##\\s+(\\d+)\\s+(.*)$");

    private final String id;
    private final List<String> titles;
    private final List<String> bodies;

    private Hints(String id, List<String> titles, List<String> bodies) {
        this.id = id;
        this.titles = titles;
        this.bodies = bodies;
    }

    /** Reads {@code root/<id>.md}; an exercise without a hint file has no levels. */
    public static Hints of(Path root, String id) {
        if (!id.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*"))
            throw new IllegalArgumentException("not an exercise id: '" + id + "' (e.g. ch5.ReluLayer)");
        Path file = root.resolve(id + ".md");
        List<String> titles = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the hints " + file + ": " + e.getMessage(), e);
            }
            Matcher m = SECTION.matcher(text);
            List<int[]> at = new ArrayList<>();
            while (m.find()) {
                titles.add(m.group(2).strip());
                at.add(new int[]{m.start(), m.end()});
            }
            for (int i = 0; i < at.size(); i++)
                bodies.add(text.substring(at.get(i)[1], i + 1 < at.size() ? at.get(i + 1)[0] : text.length()).strip());
        }
        return new Hints(id, List.copyOf(titles), List.copyOf(bodies));
    }

    /** The exercise's id ("ch5.ReluLayer"). */
    public String id() { return id; }

    /** How many levels there are (0 without a hint file). */
    public int levels() { return bodies.size(); }

    /** The text of one level (1 = the idea, 2 = the formula, 3 = the shapes). */
    public String level(int n) {
        if (n < 1 || n > bodies.size())
            throw new IllegalArgumentException(id + " has hint levels 1 to " + bodies.size() + ", not " + n);
        return bodies.get(n - 1);
    }

    /** The title of one level ("The idea"). */
    public String title(int n) {
        level(n);
        return titles.get(n - 1);
    }

    /** False when {@code -Ddlfs.hints=off} or {@code DLFS_HINTS=off} (also "false", "0", "no"). */
    public static boolean enabled() {
        return enabled(System.getProperty("dlfs.hints"), System.getenv("DLFS_HINTS"));
    }

    /** Whether hints are on for this value of the property and of the environment variable (null: unset). */
    static boolean enabled(String property, String environment) {
        return !isOff(property) && !isOff(environment);
    }

    private static boolean isOff(String v) {
        return v != null && List.of("off", "false", "0", "no").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Where the hints are: {@code -Ddlfs.hints.dir}, else the first of {@code hints},
     * {@code exercises/hints}, {@code ../exercises/hints} that exists (null if none).
     */
    public static Path defaultRoot() {
        String dir = System.getProperty("dlfs.hints.dir");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        for (String p : List.of("hints", "exercises/hints", "../exercises/hints"))
            if (Files.isDirectory(Path.of(p))) return Path.of(p).toAbsolutePath().normalize();
        return null;
    }

    /** {@link #show(Path, String, int, Lang)} in {@link Lang#fromEnvironment()}'s language. */
    public static String show(Path root, String id, int level) {
        return show(root, id, level, Lang.fromEnvironment());
    }

    /**
     * What {@code %hint id level} prints: levels 1 up to {@code level}, each under its title, or
     * {@link #OFF}, or a sentence saying what is missing. In Chinese the hints come from
     * {@code root/zh} ({@link Lang#hints}), and from {@code root} for an exercise not translated yet.
     */
    public static String show(Path root, String id, int level, Lang lang) {
        if (!enabled()) return lang.pick(OFF, OFF_ZH);
        if (root == null) return lang.pick("no hints folder found (exercises/hints; -Ddlfs.hints.dir=DIR names another)",
                "找不到提示文件夹（exercises/hints；可用 -Ddlfs.hints.dir=DIR 指定）");
        Path dir = lang.hints(root);
        Hints h = of(dir, id);
        if (h.levels() == 0 && !dir.equals(root)) h = of(root, id);
        if (h.levels() == 0) return lang.pick("no hints for " + id + " (looked for " + root.resolve(id + ".md") + ")",
                "没有 " + id + " 的提示（查找了 " + dir.resolve(id + ".md") + "）");
        int upTo = Math.max(1, Math.min(level, h.levels()));
        StringBuilder sb = new StringBuilder(lang.pick("Hints for " + id + " (level " + upTo + " of " + h.levels() + ")\n",
                id + " 的提示（第 " + upTo + " 级，共 " + h.levels() + " 级）\n"));
        for (int n = 1; n <= upTo; n++) sb.append("\n").append(n).append(" ").append(h.title(n)).append("\n").append(h.level(n)).append("\n");
        if (upTo < h.levels())
            sb.append(lang.pick("\n(%hint " + id + " " + (upTo + 1) + " gives the next level)\n",
                    "\n（%hint " + id + " " + (upTo + 1) + " 显示下一级）\n"));
        return sb.toString();
    }

    /** {@code dlfs.grader.Hints <id> [level]}: prints the hints up to that level (default 1). */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: dlfs.grader.Hints <exercise id, e.g. ch5.ReluLayer> [level 1-3]");
            System.exit(2);
        }
        int level = args.length == 2 ? Integer.parseInt(args[1]) : 1;
        System.out.println(show(defaultRoot(), args[0], level));
    }
}
