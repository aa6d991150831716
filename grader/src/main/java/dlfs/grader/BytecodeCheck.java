package dlfs.grader;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the student's compiled classes (never runs them) and refuses an exercise, before its tests
 * run, when its code, or any student class it uses, either
 * <ul>
 *   <li>uses a way out of the grading: reflection, method handles, {@code sun.misc.Unsafe} and other
 *       JDK internals, class loaders (classes defined from bytes would escape this check), native
 *       code ({@code System.load}, the foreign-function API), processes, the network, threads,
 *       agents, scripting or the compiler; these are what it would take to reach the
 *       {@link ResultChannel}'s key, and no exercise needs them; or</li>
 *   <li>uses the file system: {@code java.nio.file}, {@code java.io.File} and the file streams,
 *       readers, writers and channels, {@code PrintStream}/{@code PrintWriter}/{@code Formatter}
 *       opened on a file name, zip and jar files, class path resources, preferences, the logging
 *       {@code FileHandler} and configuration, and the APIs that open files or URLs they are given
 *       by name (XML, the desktop and image classes, JDBC); or reads the environment; or changes
 *       the system properties (the logging configuration, for one, names a file the JDK reads).
 *       No exercise needs files. The OS sandbox ({@link Isolation}) hides what a student must not
 *       see, but a read it stops that the student's code catches and ignores would leave no trace,
 *       so the attempt is refused and named here, on every JDK; or</li>
 *   <li>calls a library class the exercise is to replace, as its {@code @Exercise(replaces = …)}
 *       names them ({@code "dlfs.layers.Sigmoid"}, {@code "dlfs.nets.*"}, or one method
 *       {@code "dlfs.functions.Activations#sigmoid"}): wrapping the answer earns nothing.</li>
 * </ul>
 * The reason names the class and the member, e.g. "SigmoidLayer calls dlfs.layers.Sigmoid.forward,
 * which this exercise is to replace: write it yourself", or "Gates calls java.nio.file.Path.of (the
 * file system), which grading does not allow". A JDK method whose parameters or result are one of
 * the refused types (a {@code Scanner} made from a {@code File} the code got without naming it)
 * counts as a use of that type.
 */
final class BytecodeCheck {
    private BytecodeCheck() {
    }

    /** What the file-system refusals say. */
    private static final String FILES = "the file system";
    /** What refusing a change of the JVM's settings says: many of them name a file the JDK then reads. */
    private static final String SETTINGS = "changing the JVM's settings, which name files it reads";
    /** Packages no student class may touch, with what they are. */
    private static final Map<String, String> PACKAGES = new LinkedHashMap<>();
    /** Classes no student class may touch (any member), with what they are. */
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        PACKAGES.put("java/lang/reflect/", "reflection");
        PACKAGES.put("java/lang/invoke/", "method handles");
        PACKAGES.put("java/lang/instrument/", "an agent");
        PACKAGES.put("java/lang/foreign/", "native code");
        PACKAGES.put("java/lang/management/", "JVM management");
        PACKAGES.put("javax/management/", "JVM management");
        PACKAGES.put("sun/", "JDK internals");
        PACKAGES.put("jdk/", "JDK internals");
        PACKAGES.put("com/sun/", "JDK internals");
        PACKAGES.put("javax/script/", "scripting");
        PACKAGES.put("javax/tools/", "the compiler");
        PACKAGES.put("java/beans/", "reflection");
        PACKAGES.put("java/rmi/", "the network");
        PACKAGES.put("javax/naming/", "the network");
        PACKAGES.put("java/net/", "the network");
        PACKAGES.put("javax/net/", "the network");
        PACKAGES.put("java/nio/file/", FILES);
        PACKAGES.put("java/util/prefs/", FILES);
        PACKAGES.put("java/nio/channels/spi/", "the network");
        for (String p : List.of("javax/xml/", "org/w3c/", "org/xml/")) PACKAGES.put(p, "XML, which opens the files and URLs it names");
        for (String p : List.of("java/awt/", "javax/swing/", "javax/imageio/", "javax/sound/", "javax/print/"))
            PACKAGES.put(p, "the desktop, which opens the files and URLs it names");
        for (String p : List.of("java/sql/", "javax/sql/")) PACKAGES.put(p, "databases, which open files and the network");
        PACKAGES.put("dlfs/grader/", "the grader's own classes");
        // the benchmark is a module of its own (bench/, not on the exercises' class path); refused by name all the
        // same, should a grading class path ever include it
        PACKAGES.put("dlfs/bench/", "the benchmark harness, which starts processes");
        for (String c : List.of("java/lang/ClassLoader", "java/security/SecureClassLoader", "java/lang/ClassValue"))
            CLASSES.put(c, "class loading");
        for (String c : List.of("java/lang/ProcessBuilder", "java/lang/Process")) CLASSES.put(c, "starting a process");
        CLASSES.put("java/lang/ProcessHandle", "other processes");
        for (String c : List.of("java/lang/Module", "java/lang/ModuleLayer", "java/util/ServiceLoader")) CLASSES.put(c, "class loading");
        for (String c : List.of("java/lang/ThreadGroup", "java/util/concurrent/Executors", "java/util/concurrent/ThreadPoolExecutor",
                "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/Timer", "java/util/concurrent/ThreadFactory",
                "java/util/concurrent/ForkJoinWorkerThread", "java/util/concurrent/StructuredTaskScope"))
            CLASSES.put(c, "threads");
        for (String c : List.of("java/nio/channels/SocketChannel", "java/nio/channels/ServerSocketChannel", "java/nio/channels/DatagramChannel",
                "java/nio/channels/AsynchronousSocketChannel", "java/nio/channels/AsynchronousServerSocketChannel"))
            CLASSES.put(c, "the network");
        for (String c : List.of("java/io/File", "java/io/FileInputStream", "java/io/FileOutputStream", "java/io/FileReader",
                "java/io/FileWriter", "java/io/RandomAccessFile", "java/io/FileDescriptor", "java/nio/channels/FileChannel",
                "java/nio/channels/AsynchronousFileChannel", "java/nio/channels/FileLock", "java/util/zip/ZipFile",
                "java/util/jar/JarFile", "java/util/logging/FileHandler", "java/util/logging/LogManager"))
            CLASSES.put(c, FILES);
        CLASSES.put("java/security/Security", SETTINGS);
        CLASSES.put("java/lang/ref/Cleaner", "threads");
    }

    /** Classes whose constructors taking a {@code String} (or a {@code File}) as first parameter open that file. */
    private static final Set<String> OPENS_FILE_NAMED = Set.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter");

    /** The members of {@code Thread} a student may use: nothing that makes or configures a thread. */
    private static final Set<String> THREAD_OK = Set.of("currentThread", "sleep", "interrupted", "isInterrupted", "interrupt",
            "onSpinWait", "getName", "getId", "threadId", "yield", "holdsLock", "isAlive", "isDaemon", "getPriority", "getStackTrace");
    /** The members of {@code Class} that reflect (get at members by name, load, or create). */
    private static final List<String> CLASS_REFLECTS = List.of("forName", "getDeclared", "getMethod", "getField", "getConstructor",
            "newInstance", "getClassLoader", "getModule", "getResource", "getProtectionDomain", "getRecordComponents",
            "getEnclosing", "getNestHost", "getNestMembers", "getPermittedSubclasses");

    /**
     * Why a reference to {@code owner.member} (member null: the type itself; {@code desc} its
     * descriptor, or null) is a way out, or null when it is not.
     */
    static String escape(String owner, String member, String desc) {
        for (Map.Entry<String, String> e : PACKAGES.entrySet()) if (owner.startsWith(e.getKey())) return e.getValue();
        String top = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        if (CLASSES.containsKey(top)) return CLASSES.get(top);
        if (member == null) return null;
        if (OPENS_FILE_NAMED.contains(owner) && member.equals("<init>") && desc != null
                && (desc.startsWith("(Ljava/lang/String;") || desc.startsWith("(Ljava/io/File;")))
            return FILES;
        switch (owner) {
            case "java/lang/Class" -> {
                if (member.startsWith("getResource")) return FILES;
                for (String r : CLASS_REFLECTS) if (member.startsWith(r)) return "reflection";
            }
            case "java/lang/Thread" -> {
                if (!THREAD_OK.contains(member)) return "threads";
            }
            case "java/lang/Runtime" -> {
                if (member.equals("exec")) return "starting a process";
                if (member.startsWith("load")) return "native code";
                if (member.equals("addShutdownHook")) return "threads";
            }
            case "java/lang/System" -> {
                if (member.startsWith("load")) return "native code";
                if (member.equals("setSecurityManager")) return "replacing the security manager";
                if (member.equals("getenv")) return "the environment, which may hold the grading machine's secrets";
                if (member.equals("setProperty") || member.equals("setProperties") || member.equals("clearProperty")) return SETTINGS;
            }
            case "java/util/concurrent/ForkJoinPool" -> {
                if (member.equals("<init>")) return "threads";
            }
            default -> { }
        }
        return null;
    }

    /** Whether {@code owner.member} is one of the library classes (or methods) {@code replaces} names. */
    static boolean replaced(List<String> replaces, String owner, String member) {
        String dotted = owner.replace('/', '.');
        String top = dotted.contains("$") ? dotted.substring(0, dotted.indexOf('$')) : dotted;
        for (String r : replaces) {
            int hash = r.indexOf('#');
            String cls = hash < 0 ? r : r.substring(0, hash);
            boolean classMatch = cls.endsWith(".*") ? top.startsWith(cls.substring(0, cls.length() - 1)) : top.equals(cls);
            if (classMatch && (hash < 0 || r.substring(hash + 1).equals(member))) return true;
        }
        return false;
    }

    /** One reference from a compiled class: {@code kind} is "calls", "uses" or "extends"; {@code desc} is a called member's descriptor. */
    record Ref(String owner, String member, String desc, String kind) {
        Ref(String owner, String member, String kind) {
            this(owner, member, null, kind);
        }

        String describe() {
            String o = owner.replace('/', '.');
            return member == null || member.equals("<init>") ? kind + " " + o : kind + " " + o + "." + member;
        }
    }

    /** A compiled class: its name, the source file it came from (relative path), and what it refers to. */
    record ClassFile(String name, String source, Set<Ref> refs) {
        String simpleName() {
            String n = name.substring(name.lastIndexOf('/') + 1);
            return n.contains("$") ? n.substring(0, n.indexOf('$')) : n;
        }
    }

    static ClassFile read(byte[] bytes) {
        Set<Ref> refs = new LinkedHashSet<>();
        String[] name = {null}, source = {null};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String n, String sig, String superName, String[] interfaces) {
                name[0] = n;
                if (superName != null) refs.add(new Ref(superName, null, "extends"));
                if (interfaces != null) for (String i : interfaces) refs.add(new Ref(i, null, "extends"));
            }

            @Override
            public void visitSource(String s, String debug) {
                source[0] = s;
            }

            @Override
            public FieldVisitor visitField(int access, String n, String desc, String sig, Object value) {
                type(Type.getType(desc));
                return null;
            }

            void type(Type t) {
                if (t.getSort() == Type.ARRAY) t = t.getElementType();
                if (t.getSort() == Type.OBJECT) refs.add(new Ref(t.getInternalName(), null, "uses"));
                if (t.getSort() == Type.METHOD) {
                    for (Type a : t.getArgumentTypes()) type(a);
                    type(t.getReturnType());
                }
            }

            void handle(Object o) {
                if (o instanceof Handle h) {
                    refs.add(new Ref(h.getOwner(), h.getName(), h.getDesc(), "calls"));
                    signature(h.getDesc());
                } else if (o instanceof Type t) type(t);
            }

            /** The refused types among a called member's parameters and result: using them is using the type. */
            void signature(String desc) {
                Type t = Type.getType(desc);
                List<Type> types = new ArrayList<>();
                if (t.getSort() == Type.METHOD) {
                    types.addAll(List.of(t.getArgumentTypes()));
                    types.add(t.getReturnType());
                } else types.add(t);
                for (Type x : types) {
                    if (x.getSort() == Type.ARRAY) x = x.getElementType();
                    if (x.getSort() == Type.OBJECT && escape(x.getInternalName(), null, null) != null)
                        refs.add(new Ref(x.getInternalName(), null, "uses"));
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String desc, String sig, String[] exceptions) {
                type(Type.getMethodType(desc));
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String m, String d, boolean itf) {
                        signature(d);
                        if (owner.startsWith("[")) return;
                        refs.add(new Ref(owner, m, d, "calls"));
                    }

                    @Override
                    public void visitFieldInsn(int op, String owner, String f, String d) {
                        refs.add(new Ref(owner, f, "uses"));
                        signature(d);
                    }

                    @Override
                    public void visitTypeInsn(int op, String t) {
                        type(t.startsWith("[") ? Type.getType(t) : Type.getObjectType(t));
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String d, int dims) {
                        type(Type.getType(d));
                    }

                    @Override
                    public void visitLdcInsn(Object v) {
                        handle(v);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String in, String d, Handle bsm, Object... args) {
                        // the bootstrap is javac's (lambdas, string concatenation, records, switches); what it links to is checked
                        signature(d);
                        for (Object a : args) if (a instanceof Handle) handle(a);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        String pkg = name[0].contains("/") ? name[0].substring(0, name[0].lastIndexOf('/') + 1) : "";
        return new ClassFile(name[0], source[0] == null ? null : pkg + source[0], refs);
    }

    private static boolean namesMethod(Ref r) {
        return r.kind().equals("calls") && !r.member().equals("<init>");
    }

    /** Every class under {@code dir}, by internal name. */
    static Map<String, ClassFile> readTree(Path dir) {
        Map<String, ClassFile> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassFile c = read(Files.readAllBytes(p));
                out.put(c.name(), c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("grader: cannot read the compiled classes in " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * For each exercise of {@code plan} whose classes are in {@code classesDir}, the reason it is
     * refused, if it is. Student classes are those compiled from a file of {@code srcDir}.
     */
    static Map<String, String> check(Plan plan, Path srcDir, Path classesDir) {
        Set<String> studentFiles = new LinkedHashSet<>();
        for (Path p : Plan.javaFiles(srcDir)) studentFiles.add(srcDir.relativize(p).toString().replace('\\', '/'));
        Map<String, ClassFile> student = new LinkedHashMap<>();
        for (ClassFile c : readTree(classesDir).values()) if (c.source() != null && studentFiles.contains(c.source())) student.put(c.name(), c);
        Map<String, String> refused = new LinkedHashMap<>();
        for (Plan.ExerciseSpec e : plan.exercises()) {
            String file = e.relativeSource().toString().replace('\\', '/');
            Deque<ClassFile> todo = new ArrayDeque<>();
            for (ClassFile c : student.values()) if (file.equals(c.source())) todo.add(c);
            Set<String> seen = new LinkedHashSet<>();
            String why = null;
            while (!todo.isEmpty() && why == null) {
                ClassFile c = todo.poll();
                if (!seen.add(c.name())) continue;
                // the first offending reference, preferring a method call (it names the method) to a mere use of the type
                Ref worst = null;
                String what = null;
                for (Ref r : c.refs()) {
                    if (student.containsKey(r.owner())) {
                        todo.add(student.get(r.owner()));
                        continue;
                    }
                    String esc = escape(r.owner(), r.member(), r.desc());
                    String w = esc != null ? " (" + esc + "), which grading does not allow"
                            : replaced(e.replaces(), r.owner(), r.member()) ? ", which this exercise is to replace: write it yourself" : null;
                    if (w == null || worst != null && !namesMethod(r)) continue;
                    if (worst == null || !namesMethod(worst)) {
                        worst = r;
                        what = w;
                    }
                }
                if (worst != null) why = c.simpleName() + " " + worst.describe() + what;
            }
            if (why != null) refused.put(e.id(), "refused: " + why);
        }
        return refused;
    }
}
