package dlfs.grader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of what the grader writes for people: the printed table, the Markdown report, the
 * hints and the grader's own sentences in the messages ("not implemented yet", "timed out", ...).
 * English or Chinese. The machine-read outputs (JSON, CSV, Canvas, Gradescope) stay in English, so
 * scripts and gradebooks read the same columns whatever the language.
 * <p>
 * On the command line ({@code mvn test}) it is {@link #fromEnvironment()}: {@code DLFS_LANG}, else
 * {@code -Ddlfs.lang}, else the locale ({@code zh_CN} gives Chinese). In a notebook the kernel
 * passes the notebook's language ({@code %lang zh}).
 */
public enum Lang {
    EN, ZH;

    /** {@code en} in English, {@code zh} in Chinese. */
    public String pick(String en, String zh) {
        return this == ZH ? zh : en;
    }

    /** "en" or "zh". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * "en", "zh", "zh_CN.UTF-8", "ZH-cn" ...
     *
     * @throws IllegalArgumentException for another language, naming the ones there are
     */
    public static Lang of(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (c.equals("en") || c.startsWith("en_") || c.startsWith("en-") || c.startsWith("en.")) return EN;
        if (c.equals("zh") || c.startsWith("zh_") || c.startsWith("zh-") || c.startsWith("zh.")) return ZH;
        throw new IllegalArgumentException("unknown language '" + code + "'; the grader speaks en, zh (en English, zh Chinese)");
    }

    /** {@code DLFS_LANG}, else {@code -Ddlfs.lang}, else the JVM's locale (Chinese for zh, English otherwise). */
    public static Lang fromEnvironment() {
        return fromEnvironment(System.getenv("DLFS_LANG"), System.getProperty("dlfs.lang"), Locale.getDefault());
    }

    static Lang fromEnvironment(String env, String property, Locale locale) {
        if (env != null && !env.isBlank()) return of(env);
        if (property != null && !property.isBlank()) return of(property);
        return locale.getLanguage().equals("zh") ? ZH : EN;
    }

    /** The hints folder for this language: {@code root/zh} in Chinese where it exists, else {@code root}. */
    public Path hints(Path root) {
        if (root == null || this == EN) return root;
        Path zh = root.resolve(code());
        return Files.isDirectory(zh) ? zh : root;
    }

    /** What {@link Status} a test ended with, as a person reads it. */
    public String label(Status s) {
        if (this == EN) return s.label;
        return switch (s) {
            case PASSED -> "通过";
            case FAILED -> "失败";
            case TIMED_OUT -> "超时";
            case CRASHED -> "测试 JVM 崩溃";
            case NOT_COMPILED -> "无法编译";
            case REFUSED -> "被拒绝";
            case NOT_RUN -> "未运行";
        };
    }

    // the grader's own words at the start of a message or a status, in the order they are tried
    private static final List<Map.Entry<String, String>> PHRASES = List.of(
            Map.entry(Messages.NOT_IMPLEMENTED, "尚未实现"),
            Map.entry("does not compile", "无法编译"),
            Map.entry("refused", "被拒绝"),
            Map.entry("timed out", "超时"),
            Map.entry("crashed", "测试 JVM 崩溃"),
            Map.entry("failed", "失败"),
            Map.entry("not run", "未运行"),
            Map.entry("skipped", "跳过"),
            Map.entry("isolated (bubblewrap: no network, no /proc, only the JDK, the class path, the compiled classes and a scratch folder are visible)",
                    "已隔离（bubblewrap：无网络、无 /proc，只能看到 JDK、类路径、编译后的类和一个临时文件夹）"),
            Map.entry("not isolated", "未隔离"),
            Map.entry("ok", "全部通过"));
    private static final List<Map.Entry<String, String>> INSIDE = List.of(
            Map.entry(" (an endless loop? the test was stopped and counts as failed)", "（死循环？测试已被停止，计为失败）"),
            Map.entry("; %hint ", "；提示：%hint "),
            Map.entry(" gives hints", ""));

    /**
     * A message or status the grader wrote, with the grader's own words in this language (the
     * student's and the tests' words, and javac's, stay as they are).
     */
    public String say(String message) {
        if (this == EN || message == null) return message;
        String m = message;
        for (Map.Entry<String, String> p : PHRASES) {
            if (m.equals(p.getKey())) return p.getValue();
            if (m.startsWith(p.getKey() + ": ")) {
                m = p.getValue() + "：" + m.substring(p.getKey().length() + 2);
                break;
            }
            if (m.startsWith(p.getKey() + " (")) {
                m = p.getValue() + m.substring(p.getKey().length());
                break;
            }
        }
        for (Map.Entry<String, String> p : INSIDE) m = m.replace(p.getKey(), p.getValue());
        return m;
    }
}
