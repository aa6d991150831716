package dlfs.grader;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Takes {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} out of compiled code:
 * every call to one of them (a plain call, a method reference {@code System::exit}, a method-handle
 * constant) is redirected to this class's {@link #systemExit}, {@link #runtimeExit} or
 * {@link #runtimeHalt}, which refuse it (they throw) instead of ending the JVM. Each JVM says how
 * with {@link #refuseWith}: the grader's test JVM reports the attempt and fails the test, the
 * notebook kernel reports it in the cell and runs on. Neither needs the security manager that
 * JDK 24 removed, so the behaviour is the same on every JDK from 17 on.
 *
 * <p>Calls made through reflection ({@code Method.invoke}) are not rewritten: the grader refuses
 * reflection in exercise code before it runs, and runs tests in a separate JVM it restarts.
 */
public final class ExitCalls {
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String EXIT_DESC = "(I)V";
    /** The replacements take the receiver of {@code Runtime.exit/halt} as their first argument. */
    private static final String RUNTIME_DESC = "(Ljava/lang/Runtime;I)V";

    private static final String TARGET = ExitCalls.class.getName().replace('.', '/');
    private static volatile Function<String, RuntimeException> refusal =
            call -> new SecurityException(call + " is not allowed here");

    private ExitCalls() {
    }

    /**
     * How this JVM refuses a rewritten exit call: {@code refusal} gets the call as written, e.g.
     * {@code "System.exit(3)"} or {@code "Runtime.halt(1)"}, and returns the exception to throw.
     */
    public static void refuseWith(Function<String, RuntimeException> refusal) {
        ExitCalls.refusal = refusal;
    }

    /** What a rewritten {@code System.exit(status)} calls. */
    public static void systemExit(int status) {
        throw refusal.apply("System.exit(" + status + ")");
    }

    /** What a rewritten {@code runtime.exit(status)} calls. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refusal.apply("Runtime.exit(" + status + ")");
    }

    /** What a rewritten {@code runtime.halt(status)} calls. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refusal.apply("Runtime.halt(" + status + ")");
    }

    /** The replacement for a call {@code owner.name(desc)}, or null if it is not an exit call. */
    private static String replacement(String owner, String name, String desc) {
        if (owner.equals(SYSTEM) && name.equals("exit") && desc.equals(EXIT_DESC)) return "systemExit";
        if (owner.equals(RUNTIME) && name.equals("exit") && desc.equals(EXIT_DESC)) return "runtimeExit";
        if (owner.equals(RUNTIME) && name.equals("halt") && desc.equals(EXIT_DESC)) return "runtimeHalt";
        return null;
    }

    /** The class file {@code classFile} with every exit call sent here; the same bytes when it has none. */
    public static byte[] rewrite(byte[] classFile) {
        String internalTarget = TARGET;
        ClassReader reader = new ClassReader(classFile);
        // no frames are recomputed: a call is swapped for one that takes the same stack
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                        String r = replacement(owner, mname, mdesc);
                        if (r == null) {
                            super.visitMethodInsn(opcode, owner, mname, mdesc, itf);
                            return;
                        }
                        changed[0] = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, internalTarget, r,
                                owner.equals(SYSTEM) ? EXIT_DESC : RUNTIME_DESC, false);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iname, String idesc, Handle bsm, Object... args) {
                        Object[] out = args.clone();
                        for (int i = 0; i < out.length; i++) out[i] = handle(out[i]);
                        super.visitInvokeDynamicInsn(iname, idesc, bsm, out);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        super.visitLdcInsn(handle(value));
                    }

                    private Object handle(Object o) {
                        if (!(o instanceof Handle h)) return o;
                        String r = replacement(h.getOwner(), h.getName(), h.getDesc());
                        if (r == null) return o;
                        changed[0] = true;
                        return new Handle(Opcodes.H_INVOKESTATIC, internalTarget, r,
                                h.getOwner().equals(SYSTEM) ? EXIT_DESC : RUNTIME_DESC, false);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** Rewrites every {@code .class} file under {@code dir} in place; returns how many changed. */
    public static int rewriteTree(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> classes = s.filter(p -> p.toString().endsWith(".class")).toList();
            for (Path p : classes) {
                byte[] in = Files.readAllBytes(p);
                byte[] out = rewrite(in);
                if (out != in) {
                    Files.write(p, out);
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("grader: cannot rewrite the classes in " + dir + ": " + e.getMessage(), e);
        }
        return n;
    }
}
