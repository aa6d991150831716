package dlfs.grader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way compiled code names an exit call is rewritten, and each one, run, is refused with the
 * grader's message instead of ending this JVM (if the rewriting missed one, this test JVM would
 * end and Surefire would report the crash). Runs the same on every JDK: no security manager is
 * involved.
 */
class ExitCallsTest {
    /** One method per way to end the JVM a student might write. */
    static final String SOURCE = """
            package dlfs.exercises;
            import java.util.function.IntConsumer;
            import java.util.function.ObjIntConsumer;
            public class Quitter {
                public static void plain() { System.exit(3); }
                public static void runtimeExit() { Runtime.getRuntime().exit(4); }
                public static void halt() { Runtime.getRuntime().halt(5); }
                public static void methodReference() { IntConsumer q = System::exit; q.accept(6); }
                public static void boundHalt() { IntConsumer q = Runtime.getRuntime()::halt; q.accept(7); }
                public static void unboundExit() { ObjIntConsumer<Runtime> q = Runtime::exit; q.accept(Runtime.getRuntime(), 8); }
                public static void inLambda() { Runnable r = () -> System.exit(9); r.run(); }
                public static void onAnotherThread() throws Exception {
                    Throwable[] seen = new Throwable[1];
                    Thread t = new Thread(() -> System.exit(10));
                    t.setUncaughtExceptionHandler((th, e) -> seen[0] = e);
                    t.start();
                    t.join();
                    if (seen[0] instanceof RuntimeException e) throw e;
                }
                public static int harmless() { return Math.max(1, 2); }
            }
            """;

    @Test
    void everyExitCallIsRefusedWithTheGradersMessage(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("dlfs/exercises/Quitter.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));

        int rewritten = ExitCalls.rewriteTree(classes);
        assertEquals(1, rewritten, "one class file has exit calls");
        List<String> reported = new ArrayList<>();
        ExitCalls.refuseWith(what -> {
            reported.add(what);
            return Sandbox.refusal(what);
        });
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> q = loader.loadClass("dlfs.exercises.Quitter");
            String[][] cases = {{"plain", "System.exit(3)"}, {"runtimeExit", "Runtime.exit(4)"}, {"halt", "Runtime.halt(5)"},
                    {"methodReference", "System.exit(6)"}, {"boundHalt", "Runtime.halt(7)"}, {"unboundExit", "Runtime.exit(8)"},
                    {"inLambda", "System.exit(9)"}, {"onAnotherThread", "System.exit(10)"}};
            for (String[] c : cases) {
                var m = q.getMethod(c[0]);
                Throwable t = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> m.invoke(null)).getCause();
                assertTrue(t instanceof SecurityException, c[0] + ": " + t);
                assertEquals("grader: " + c[1] + " is not allowed during grading", t.getMessage(), c[0]);
            }
            assertEquals(2, q.getMethod("harmless").invoke(null));
        } finally {
            ExitCalls.refuseWith(what -> new SecurityException(what));
        }
        assertEquals(List.of("System.exit(3)", "Runtime.exit(4)", "Runtime.halt(5)", "System.exit(6)", "Runtime.halt(7)",
                "Runtime.exit(8)", "System.exit(9)", "System.exit(10)"), reported);
    }

    @Test
    void classesWithoutExitCallsAreLeftByteForByte() throws Exception {
        byte[] own;
        try (var in = ExitCallsTest.class.getResourceAsStream("ExitCallsTest.class")) {
            own = in.readAllBytes();
        }
        assertSame(own, ExitCalls.rewrite(own));
    }
}
