package dlfs.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dlfs.grader.ExitCalls;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's own JVM (like JShell's "local" engine) and keeps
 * the last value as a real object, so the kernel can show a chart or a table rather than its
 * {@code toString}.
 *
 * <p>Each snippet runs on its own thread, so that {@link #stop()} (an interrupt from
 * Jupyter) can end a running training loop and leave the kernel usable.
 */
final class CellExecutionControl extends DirectExecutionControl {

    /** Marks "no value was produced by the last snippet". */
    static final Object NO_VALUE = new Object();

    /** Every cell's code runs in this thread group. */
    static final ThreadGroup CELL_THREADS = new ThreadGroup("dlfs-cells");
    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile Object lastValue = NO_VALUE;
    private volatile boolean stopped;

    /** True if a snippet was stopped since the last call (JShell itself reports a stop as no error). */
    boolean takeStopped() {
        boolean s = stopped;
        stopped = false;
        return s;
    }

    /** The value of the last snippet that produced one, or {@link #NO_VALUE}. */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = NO_VALUE;
        return v;
    }

    /** Loads a cell's classes with their exit calls refused ({@link CellExits#install()}) and their loops made stoppable. */
    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(withoutExits(cbcs));
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.redefine(withoutExits(cbcs));
    }

    private static ClassBytecodes[] withoutExits(ClassBytecodes[] cbcs) {
        ClassBytecodes[] out = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++)
            out[i] = new ClassBytecodes(cbcs[i].name(),
                    LoopChecks.rewrite(ExitCalls.rewrite(cbcs[i].bytecodes())));
        return out;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        stopRequested = false;
        Thread t = new Thread(CELL_THREADS, () -> {
            try {
                result.set(doit.invoke(null));
            } catch (InvocationTargetException e) {
                failure.set(e);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "cell");
        t.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        running = t;
        try {
            t.start();
            t.join();
        } finally {
            running = null;
            CellExits.stop(null);
        }
        Throwable f = failure.get();
        // after an interrupt, whatever ended the cell (a loop check, an InterruptedException, a
        // library loop's CancellationException, Thread.stop where the JDK still has it) is the stop
        if (f != null && stopRequested) {
            stopped = true;
            throw new ExecutionControl.StoppedException();
        }
        if (f instanceof Exception e) {
            throw e;  // DirectExecutionControl turns InvocationTargetException into a UserException
        }
        if (f instanceof Error e) {
            throw new InvocationTargetException(e);
        }
        lastValue = result.get();
        return valueString(result.get());
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        try {
            Field field = findClass(className).getField(varName);
            field.setAccessible(true);
            Object value = field.get(null);
            lastValue = value;
            return valueString(value);
        } catch (ReflectiveOperationException e) {
            return super.varValue(className, varName);
        }
    }

    /**
     * How long an interrupted cell has to end by itself before, on JDKs that still allow it, its
     * thread is stopped. The library's loops end at their next step and then tidy up (a training
     * run draws its bar's last state); an immediate {@code Thread.stop} would land in the middle of
     * that, and could cut a message to Jupyter in half.
     */
    static final long GRACE_MS = 2_000;

    /**
     * Ends the running cell: asks its loops to stop, interrupts it, and if it is still running
     * {@link #GRACE_MS} later (code that checks neither, such as a student's own class stuck in a
     * loop), stops its thread on JDKs that still can (17 to 19).
     */
    @Override
    public void stop() {
        Thread t = running;
        if (t == null) {
            return;
        }
        stopRequested = true;
        CellExits.stop(t);
        t.interrupt();
        if (Runtime.version().feature() < 20) {
            Thread stopper = new Thread(() -> stopIfStillRunning(t), "dlfs-cell-stopper");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopIfStillRunning(Thread cell) {
        try {
            cell.join(GRACE_MS);
        } catch (InterruptedException e) {
            return;
        }
        if (cell.isAlive()) {
            try {
                cell.stop();
            } catch (UnsupportedOperationException notOnThisJdk) {
                // the interrupt and the loop checks are all this JDK allows
            }
        }
    }

    /** {@code value} as JShell prints it: strings quoted, arrays listed ({@code int[2] { 1, 2 }}). */
    static String jshellString(Object value) {
        return valueString(value);
    }

    /** True while a snippet runs. */
    boolean isRunning() {
        return running != null;
    }

    /** Makes this control available to {@code JShell.builder().executionEngine(provider, null)}. */
    static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control;

        Provider(CellExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "dlfs-cells";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
