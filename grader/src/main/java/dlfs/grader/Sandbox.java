package dlfs.grader;

import java.io.File;
import java.io.FilePermission;
import java.lang.reflect.ReflectPermission;
import java.net.SocketPermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The guard around student code in the grader's test JVM (Java 17's SecurityManager, allowed with
 * {@code -Djava.security.manager=allow}): {@code System.exit} and {@code Runtime.halt} throw
 * instead of ending the run; files can be read only from the JDK, the classpath, system folders
 * and the grading work folder (so not the solutions, the hidden tests' sources or other students'
 * work), and written only in the work folder; no processes, no network, and student code may not
 * switch off access checks by reflection. Each refusal is reported. This is defence in depth and
 * only names what it refused: its checks read path text and the call stack, which symbolic links,
 * {@code /proc/self/root} and threads without a student frame get around. What holds is the OS
 * sandbox ({@link Isolation}), the refusal of escapes before anything runs ({@link BytecodeCheck}),
 * the signed results ({@link ResultChannel}), the separate JVM, its heap limit, the per-test
 * timeout and the watchdog.
 */
@SuppressWarnings("removal")
final class Sandbox extends SecurityManager {
    private static volatile boolean graderExit;

    private final List<Path> readRoots;
    private final Path workDir;
    private final Set<String> studentClasses;
    private final Consumer<String> violations;

    Sandbox(List<Path> readRoots, Path workDir, Set<String> studentClasses, Consumer<String> violations) {
        this.readRoots = new ArrayList<>(readRoots);
        this.workDir = workDir;
        this.studentClasses = studentClasses;
        this.violations = violations;
    }

    /** Installs the sandbox; false when this JVM does not allow a SecurityManager (Java 18+ without the flag, 24+). */
    static boolean install(Sandbox s) {
        try {
            // load what the checks use before they are in force
            s.check(new FilePermission(s.workDir.resolve("x").toString(), "read"));
            s.fromStudent();
            System.setSecurityManager(s);
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** How the grader refuses {@code what}, here and for a rewritten exit call ({@link ExitCalls}): one message on every JDK. */
    static SecurityException refusal(String what) {
        return new SecurityException("grader: " + what + " is not allowed during grading");
    }

    /** Ends the JVM on the grader's behalf (the sandbox only lets the grader do that). */
    static void exit(int status) {
        graderExit = true;
        Runtime.getRuntime().halt(status);
    }

    private SecurityException deny(String what) {
        violations.accept(what);
        return refusal(what);
    }

    @Override
    public void checkExit(int status) {
        if (!graderExit) throw deny("System.exit(" + status + ")");
    }

    /** Set while a check runs: the checks themselves load classes and read files, which must not recurse. */
    private static final ThreadLocal<Boolean> CHECKING = ThreadLocal.withInitial(() -> false);

    @Override
    public void checkPermission(Permission perm) {
        if (CHECKING.get()) return;
        CHECKING.set(true);
        try {
            check(perm);
        } finally {
            CHECKING.set(false);
        }
    }

    private void check(Permission perm) {
        if (perm instanceof FilePermission fp) checkFile(fp);
        else if (perm instanceof RuntimePermission rp) {
            String n = rp.getName();
            if (n.startsWith("exitVM")) {
                if (!graderExit) throw deny("System.exit(" + n.substring(Math.min(n.length(), 7)) + ")");
            } else if (n.equals("setSecurityManager") || n.equals("createSecurityManager") && fromStudent())
                throw deny("replacing the security manager");
        } else if (perm instanceof SocketPermission sp) {
            if (fromStudent()) throw deny("network access (" + sp.getName() + ")");
        } else if (perm instanceof ReflectPermission rp && rp.getName().equals("suppressAccessChecks")) {
            // the JDK (lambdas, method handles) and JUnit do this all the time on the student's behalf;
            // refuse it only when the student's own code calls setAccessible
            if (studentCallsReflection()) throw deny("setAccessible(true) in exercise code");
        }
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        checkPermission(perm);
    }

    private void checkFile(FilePermission fp) {
        String actions = fp.getActions();
        String name = fp.getName();
        if (name.equals("<<ALL FILES>>")) {
            if (actions.contains("execute")) throw deny("starting a process");
            return;
        }
        Path p;
        try {
            p = workDir.resolve(name).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw deny("the file name '" + name + "'");
        }
        if (actions.contains("execute")) throw deny("running " + p);
        if (actions.contains("write") || actions.contains("delete")) {
            if (!p.startsWith(workDir) && !p.equals(Path.of("/dev/null"))) throw deny("writing " + p);
            return;
        }
        if (p.startsWith(workDir)) return;
        for (Path r : readRoots) if (p.startsWith(r)) return;
        throw deny("reading " + p);
    }

    /** True when a class of the student's (not the tests', the grader's or the JDK's) is on the stack. */
    private boolean fromStudent() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.anyMatch(f -> studentClasses.contains(topLevel(f.getDeclaringClass().getName()))));
    }

    /** True when the caller of setAccessible (the first frame outside the checks and java.lang.reflect) is the student's. */
    private boolean studentCallsReflection() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(s -> s
                .map(f -> f.getDeclaringClass().getName())
                .filter(n -> !n.equals(Sandbox.class.getName()) && !n.equals("java.lang.SecurityManager")
                        && !n.startsWith("java.lang.reflect.") && !n.equals("java.security.AccessController")
                        && !n.startsWith("jdk.internal.reflect."))
                .findFirst()
                .map(n -> studentClasses.contains(topLevel(n)))
                .orElse(false));
    }

    /**
     * When {@code t} (a failed test's exception) comes from a file outside the scratch folder
     * {@code workDir} that could not be reached (not there, or refused: what the OS sandbox does),
     * says which, naming the symbolic link it went through; null otherwise.
     */
    static String outsideAttempt(Throwable t, Path workDir) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String file = null;
            if (c instanceof java.nio.file.FileSystemException fse) file = fse.getFile();
            else if (c instanceof java.io.FileNotFoundException && c.getMessage() != null && c.getMessage().contains(" ("))
                file = c.getMessage().substring(0, c.getMessage().lastIndexOf(" ("));
            if (file == null || file.isBlank()) continue;
            Path p;
            try {
                p = workDir.resolve(file).normalize();
            } catch (RuntimeException e) {
                continue;
            }
            String what = c.getClass().getSimpleName();
            if (!p.startsWith(workDir)) return "reaching " + p + " outside the scratch folder (" + what + ")";
            for (Path q = p; q != null && q.startsWith(workDir) && !q.equals(workDir); q = q.getParent())
                if (java.nio.file.Files.isSymbolicLink(q)) {
                    try {
                        Path target = q.getParent().resolve(java.nio.file.Files.readSymbolicLink(q)).normalize();
                        if (!target.startsWith(workDir))
                            return "reaching " + target.resolve(q.relativize(p).toString()) + " through the link "
                                    + workDir.relativize(q) + " (" + what + ")";
                    } catch (java.io.IOException | RuntimeException e) {
                        return "reaching a file through the link " + workDir.relativize(q) + " (" + what + ")";
                    }
                }
        }
        return null;
    }

    static String topLevel(String className) {
        int i = className.indexOf('$');
        return i < 0 ? className : className.substring(0, i);
    }

    /** Read roots for a JVM: the JDK, the classpath entries and the usual system folders. */
    static List<Path> defaultReadRoots(String classpath) {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
        for (String e : classpath.split(File.pathSeparator))
            if (!e.isBlank()) roots.add(Path.of(e).toAbsolutePath().normalize());
        for (String s : List.of("/usr", "/etc", "/dev", "/proc", "/sys", "/lib", "/lib64")) roots.add(Path.of(s));
        return roots;
    }
}
