package dlfs.grader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's sandbox around each test JVM: bubblewrap ({@code bwrap}) starts it in
 * new user, pid, network, ipc, uts and cgroup namespaces where the file system holds only
 * <ul>
 *   <li>the system's programs and libraries ({@code /usr}, and the few files of {@code /etc} a JVM reads), read-only;</li>
 *   <li>the JDK, each class path entry the test JVM needs and the compiled classes (the student's and the tests'), read-only;</li>
 *   <li>the run folder, the only place it can write, and a private {@code /tmp} and {@code /dev}.</li>
 * </ul>
 * So the solutions, the tests' and hidden tests' sources, other students' work and the
 * instructor's files are not there at all, whatever path, symbolic link or {@code /proc/self/root}
 * trick the student's code uses; there is no network and no other process to see. There is no
 * {@code /proc} either: {@code /proc/self/mem} would let code read and rewrite its own JVM's memory,
 * and so reach the secret that authenticates the results (see {@link ResultChannel}); the JVM runs
 * without it (its launcher is given its library path instead of reading {@code /proc/self/exe}).
 * The environment is cleared, so the parent's variables do not leak in.
 *
 * <p>Whether this works here is found out once per grader JVM by starting {@code java -version}
 * in that sandbox. Where it does not (no bwrap, as on macOS; no user namespaces), the tests run
 * without it and every report says so: {@link #status()} is then "not isolated: …". Setting the
 * system property or environment variable {@code DLFS_GRADER_BWRAP} to {@code off} forces that
 * (for testing the fallback); to a path, it names the bwrap program.
 */
final class Isolation {
    private static volatile Isolation detected;

    private final String bwrap;
    private final String status;

    private Isolation(String bwrap, String status) {
        this.bwrap = bwrap;
        this.status = status;
    }

    /** True when test JVMs run inside bubblewrap. */
    boolean isolated() {
        return bwrap != null;
    }

    /** The one-line isolation status every report carries: "isolated (…)" or "not isolated: …". */
    String status() {
        return status;
    }

    /** No OS sandbox, for {@code why} (as with {@code --no-sandbox}). */
    static Isolation none(String why) {
        return new Isolation(null, "not isolated: " + why);
    }

    /** What this machine allows, found out once (a sandboxed {@code java -version}). */
    static Isolation detect() {
        Isolation d = detected;
        if (d == null) {
            synchronized (Isolation.class) {
                if (detected == null) detected = probe(setting());
                d = detected;
            }
        }
        return d;
    }

    private static String setting() {
        String s = System.getProperty("DLFS_GRADER_BWRAP");
        return s != null ? s : System.getenv("DLFS_GRADER_BWRAP");
    }

    /** What {@code want} (the DLFS_GRADER_BWRAP setting: null, "off" or bwrap's path) gives on this machine. */
    static Isolation probe(String want) {
        if ("off".equalsIgnoreCase(want))
            return new Isolation(null, "not isolated: the OS sandbox was switched off (DLFS_GRADER_BWRAP=off); "
                    + "the test JVM could read any file this user can read and use the network");
        String bwrap = want != null && !want.isBlank() ? want : onPath("bwrap");
        if (bwrap == null)
            return new Isolation(null, "not isolated: bubblewrap (bwrap) is not installed, so the test JVM could read any file "
                    + "this user can read and use the network (on Debian/Ubuntu: apt-get install bubblewrap)");
        Isolation candidate = new Isolation(bwrap, "isolated (bubblewrap: no network, no /proc, only the JDK, the class path, "
                + "the compiled classes and a scratch folder are visible)");
        Path javaHome = Path.of(System.getProperty("java.home"));
        try {
            Path scratch = Files.createTempDirectory("dlfs-bwrap-probe");
            try {
                List<String> cmd = candidate.wrap(List.of(javaHome.resolve("bin/java").toString(), "-Xshare:auto", "-version"),
                        List.of(), scratch);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Isolation(null, "not isolated: bubblewrap did not start a JVM within 60 s");
                }
                if (p.exitValue() != 0)
                    return new Isolation(null, "not isolated: bubblewrap cannot run the test JVM here (exit " + p.exitValue() + ": "
                            + GradeReport.oneLine(out, 200) + ")");
            } finally {
                ExerciseCompiler.delete(scratch);
            }
        } catch (IOException e) {
            return new Isolation(null, "not isolated: bubblewrap cannot be started (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Isolation(null, "not isolated: interrupted while checking for bubblewrap");
        }
        return candidate;
    }

    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Files of /etc a JVM reads (time zone, libraries, user names, the JDK's own configuration, certificates). */
    private static final List<String> ETC = List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
            "/etc/timezone", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group", "/etc/hosts", "/etc/ssl/certs/java");

    /**
     * The command that runs {@code command} (a {@code java ...} command line) in the sandbox, or
     * the command itself when not isolated. {@code readOnly} are the folders and files it may read
     * besides the JDK and the system's libraries; {@code writable} is its working folder, the only
     * one it may write.
     */
    List<String> wrap(List<String> command, List<Path> readOnly, Path writable) {
        if (bwrap == null) return command;
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        List<String> c = new ArrayList<>(List.of(bwrap, "--unshare-all", "--die-with-parent", "--new-session",
                "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
                "--setenv", "HOME", writable.toString(),
                // no /proc: the launcher cannot find its libraries through /proc/self/exe
                "--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib") + ":" + javaHome.resolve("lib/server"),
                "--ro-bind", "/usr", "/usr", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
            Path p = Path.of(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    c.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException ignored) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) c.addAll(List.of("--ro-bind", top, top));
        }
        Set<Path> binds = new LinkedHashSet<>();
        binds.add(javaHome);
        for (String e : ETC) if (Files.exists(Path.of(e))) binds.add(Path.of(e));
        // the JDK's configuration may live elsewhere through symbolic links (Debian: /etc/java-17-openjdk)
        for (Path link : List.of(javaHome.resolve("conf"), javaHome.resolve("conf/security/java.security"),
                javaHome.resolve("lib/security/cacerts"))) {
            try {
                if (Files.exists(link)) binds.add(link.toRealPath().getParent());
            } catch (IOException ignored) {
                // not there
            }
        }
        for (Path p : readOnly) if (Files.exists(p)) binds.add(p.toAbsolutePath().normalize());
        for (Path p : binds) {
            if (p.startsWith("/usr") && !p.equals(javaHome)) continue;
            c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        c.addAll(List.of("--bind", writable.toString(), writable.toString(), "--chdir", writable.toString()));
        c.addAll(command);
        return c;
    }
}
