package dlfs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * Where the kit lives and how long it trains. Notebooks, tests and the data loaders find
 * {@code data/} from the project root, never from the working directory (a trap the book's own
 * repository falls into), read the quick mode that CI uses to keep training short, and the
 * language ({@link #lang()}, English or Chinese) of the library's own words on charts.
 */
public final class Course {
    /** Environment variable that turns on quick mode (any value but "", "0" or "false"). */
    public static final String QUICK_ENV = "DLFS_QUICK";

    /** System property that turns on quick mode when {@link #QUICK_ENV} is not set. */
    public static final String QUICK_PROPERTY = "dlfs.quick";

    /** Environment variable that sets the language ("en" or "zh"; "zh_CN.UTF-8" counts as "zh"). */
    public static final String LANG_ENV = "DLFS_LANG";

    /** System property that sets the language when {@link #LANG_ENV} is not set. */
    public static final String LANG_PROPERTY = "dlfs.lang";

    /** The languages the kit speaks: English and (Simplified) Chinese. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private static volatile Boolean quickSet;
    private static volatile String langSet;

    private Course() {
    }

    /**
     * True in quick mode: training cells cap their iterations and data (a notebook runs in a minute
     * or two, CI keeps its runs short). Decided by, in order: {@link #quick(Boolean)}, the environment
     * variable {@code DLFS_QUICK} ({@code ./start.sh --quick} sets it for the kernel), the system
     * property {@code dlfs.quick}; off if none is set.
     */
    public static boolean quick() {
        Boolean set = quickSet;
        if (set != null) return set;
        String v = System.getenv(QUICK_ENV);
        if (v == null) v = System.getProperty(QUICK_PROPERTY);
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** System property naming the course's default dtype ({@code float64} or {@code float32}). */
    public static final String DTYPE_PROPERTY = "dlfs.dtype";
    private static volatile dlfs.nd.Dtype dtypeSet;

    /**
     * The course's default dtype for data and activations: {@link dlfs.nd.Dtype#FLOAT64}, the
     * teaching default and the gradient checks' precision, unless {@link #dtype(dlfs.nd.Dtype)} or
     * {@code -Ddlfs.dtype=float32} chose FLOAT32 (half the memory, {@code sgemm}). Training code
     * converts its inputs with {@code x.astype(Course.dtype())}; parameters stay float64 either way
     * (the layers meet a float32 batch with float32 copies of their weights, and the optimizers
     * update float64 arrays).
     */
    public static dlfs.nd.Dtype dtype() {
        dlfs.nd.Dtype set = dtypeSet;
        if (set != null) return set;
        String v = System.getProperty(DTYPE_PROPERTY, "float64").strip();
        if (v.equalsIgnoreCase("float32")) return dlfs.nd.Dtype.FLOAT32;
        if (v.equalsIgnoreCase("float64")) return dlfs.nd.Dtype.FLOAT64;
        throw new IllegalArgumentException(DTYPE_PROPERTY + " must be float64 or float32, got '" + v + "'");
    }

    /** Sets the course's default dtype for this JVM (FLOAT64 or FLOAT32); {@code null} goes back to {@code dlfs.dtype}. */
    public static void dtype(dlfs.nd.Dtype dtype) {
        if (dtype == dlfs.nd.Dtype.FLOAT16)
            throw new IllegalArgumentException("Course.dtype: float16 is a rounding (NDArray.astype), not a storage; use FLOAT32 or FLOAT64");
        dtypeSet = dtype;
    }

    /**
     * Turns quick mode on or off for this JVM (a notebook's first cell: {@code Course.quick(true);}),
     * ahead of {@code DLFS_QUICK} and {@code dlfs.quick}; {@code null} goes back to those.
     */
    public static void quick(Boolean on) {
        quickSet = on;
    }

    /**
     * The language of the library's own words: chart titles, axis labels and legend names, the
     * progress bar; {@code "en"} or {@code "zh"}. Decided by, in order: {@link #lang(String)} in
     * this JVM (the Chinese notebooks' first cell is the kernel magic {@code %lang zh}, which calls
     * it), the environment variable {@code DLFS_LANG}, the system property {@code dlfs.lang};
     * English if none is set. The operating system's locale is deliberately not followed: a notebook's
     * charts are in the notebook's language, whoever runs it and wherever (a Chinese notebook on an
     * English machine draws Chinese charts, an English one on a Chinese machine English charts).
     *
     * @throws IllegalArgumentException if {@code DLFS_LANG} or {@code dlfs.lang} names another
     *         language (the message lists en, zh)
     */
    public static String lang() {
        String set = langSet;
        if (set != null) return set;
        String v = System.getenv(LANG_ENV);
        String from = LANG_ENV;
        if (v == null || v.isBlank()) {
            v = System.getProperty(LANG_PROPERTY);
            from = "-D" + LANG_PROPERTY;
        }
        if (v == null || v.isBlank()) return "en";
        return normalize(v, from);
    }

    /**
     * Sets the language for this JVM ({@code Course.lang("zh")}, or {@code %lang zh} in a
     * notebook), ahead of {@code DLFS_LANG} and {@code dlfs.lang}; {@code null} goes back to those.
     * Charts made afterwards use it; charts already made keep their words.
     *
     * @param lang "en" or "zh" (case and a region or encoding are ignored: "zh_CN.UTF-8", "EN")
     * @throws IllegalArgumentException for any other language; the message lists en, zh
     */
    public static void lang(String lang) {
        langSet = lang == null ? null : normalize(lang, "Course.lang");
    }

    /**
     * The text for the current {@link #lang() language}: {@code en} in English, {@code zh} in
     * Chinese, e.g. {@code Course.text("loss", "损失函数值")}. The one place the library picks a language.
     */
    public static String text(String en, String zh) {
        return lang().equals("zh") ? zh : en;
    }

    /** "zh", "ZH", "zh-CN", "zh_CN.UTF-8" give "zh"; likewise for "en"; anything else is refused. */
    private static String normalize(String lang, String from) {
        String base = lang.strip().toLowerCase(Locale.ROOT).split("[-_.@]", 2)[0];
        if (!LANGUAGES.contains(base))
            throw new IllegalArgumentException(from + ": unknown language '" + lang + "'; the kit speaks "
                    + String.join(", ", LANGUAGES) + " (en English, zh Chinese)");
        return base;
    }

    /**
     * Ends a long computation whose thread was interrupted (Kernel &gt; Interrupt in a notebook, or
     * {@link Thread#interrupt()}): the library's training and gradient loops call this once per step,
     * so that an interrupt stops them on every JDK (JDK 20 and later cannot stop a thread otherwise).
     *
     * @throws java.util.concurrent.CancellationException if the current thread was interrupted
     */
    public static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted())
            throw new java.util.concurrent.CancellationException("interrupted");
    }

    /** {@code full} normally, {@code quick} in quick mode: {@code Course.pick(10_000, 300)}. */
    public static int pick(int full, int quick) {
        return quick() ? quick : full;
    }

    /**
     * The project root: the nearest folder, walking up from the working directory and then from
     * where this class was loaded, whose {@code pom.xml} is the kit's parent pom. The system
     * property {@code dlfs.root} overrides it.
     */
    public static Path projectRoot() {
        String prop = System.getProperty("dlfs.root");
        if (prop != null && !prop.isBlank()) return Paths.get(prop).toAbsolutePath().normalize();
        Path found = walkUp(Paths.get("").toAbsolutePath());
        if (found == null) {
            try {
                var src = Course.class.getProtectionDomain().getCodeSource();
                if (src != null) found = walkUp(Paths.get(src.getLocation().toURI()).toAbsolutePath());
            } catch (URISyntaxException | SecurityException ignored) {
                // fall through to the error below
            }
        }
        if (found == null)
            throw new IllegalStateException("cannot find the DLFS-Java project root (a folder whose pom.xml has "
                    + "artifactId dlfs-parent) above " + Paths.get("").toAbsolutePath()
                    + "; run from inside the project or set -Ddlfs.root=/path/to/project");
        return found;
    }

    /** {@code <project root>/data}. */
    public static Path dataDir() {
        return projectRoot().resolve("data");
    }

    /** True for the kit's parent pom itself, not a module pom naming it in {@code <parent>}. */
    private static boolean isParentPom(String pom) {
        return pom.replaceAll("(?s)<parent>.*?</parent>", "").contains("<artifactId>dlfs-parent</artifactId>");
    }

    private static Path walkUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && isParentPom(Files.readString(pom)))
                    return p;
            } catch (IOException ignored) {
                // unreadable pom: keep walking
            }
        }
        return null;
    }
}
