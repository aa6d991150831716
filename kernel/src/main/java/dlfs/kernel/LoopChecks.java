package dlfs.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * Makes every loop in a cell stoppable: before each backward jump of a cell's compiled code (the
 * end of a loop body) it adds a call to {@link CellExits#loopCheck()}, which throws once Jupyter's
 * interrupt has asked the cell to stop. A cell spinning in {@code while (true) { i++; }}, or one
 * that swallows {@link InterruptedException}, thus ends on every JDK, including those without
 * {@code Thread.stop} (JDK 20 on). Library code is not rewritten: its training loops check the
 * thread's interrupt flag themselves ({@link dlfs.Course#stopIfInterrupted()}).
 */
final class LoopChecks {
    private static final String EXITS = CellExits.class.getName().replace('.', '/');

    private LoopChecks() {
    }

    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // the added call takes and leaves nothing on the stack: frames and max stack stay valid
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
                    private final Set<Label> seen = new HashSet<>();

                    @Override
                    public void visitLabel(Label label) {
                        seen.add(label);
                        super.visitLabel(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (seen.contains(label)) super.visitMethodInsn(Opcodes.INVOKESTATIC, EXITS, "loopCheck", "()V", false);
                        super.visitJumpInsn(opcode, label);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
