package dlfs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the kit lives and how long it trains. Notebooks, tests and the data loaders find
 * {@code data/} from the project root, never from the working directory (a trap the book's own
 * repository falls into), and read the quick mode that CI uses to keep training short.
 */
public final class Course {
    /** Environment variable that turns on quick mode (any value but "", "0" or "false"). */
    public static final String QUICK_ENV = "DLFS_QUICK";

    /** System property that turns on quick mode when {@link #QUICK_ENV} is not set. */
    public static final String QUICK_PROPERTY = "dlfs.quick";

    private static volatile Boolean quickSet;

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

    /**
     * Turns quick mode on or off for this JVM (a notebook's first cell: {@code Course.quick(true);}),
     * ahead of {@code DLFS_QUICK} and {@code dlfs.quick}; {@code null} goes back to those.
     */
    public static void quick(Boolean on) {
        quickSet = on;
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
