package dlfs.grader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A deliberate student, on every JDK the grader supports (17 and 25 are tested): each attack is a
 * hostile edit of one exercise in a copy of the solutions (so the rest shows that it costs only
 * that exercise), and the test checks that it is contained, that the student scores what the
 * honest part earns, and that the report names it. Two gradings hold all the attacks (one whose
 * attacks run, one whose attacks are refused before anything runs), so the suite stays short.
 */
class AttackTest {
    static final String EX = ClassGraderTest.EX;
    static final Path SOLUTIONS = ClassGraderTest.SOLUTIONS;
    static final boolean ISOLATED = ClassGraderTest.ISOLATED;
    static final boolean SECURITY_MANAGER = ClassGraderTest.SECURITY_MANAGER;

    static Plan plan;

    @BeforeAll
    static void readPlan() {
        plan = Plan.read(ClassGraderTest.TESTS, null);
        ClassGraderTest.readPlan();
    }

    /** Puts {@code code} at the start of the method whose declaration line is {@code signature}. */
    static void inject(Path src, String file, String signature, String code) throws IOException {
        ClassGraderTest.edit(src, file, signature + " {", signature + " {\n        " + code);
    }

    static Map<String, GradeReport.ExerciseSummary> byId(GradeReport r) {
        return r.exercises().stream().collect(Collectors.toMap(GradeReport.ExerciseSummary::id, e -> e));
    }

    static double max(String id) {
        return spec(id).tests().stream().mapToDouble(Plan.TestSpec::points).sum();
    }

    static GradeReport grade(Path src, Path work, String label) {
        Grader.Config cfg = new Grader.Config(src, ClassGraderTest.TESTS, null, work, Grader.currentClasspath(), label, 10, "256m", true);
        GradeReport r = new Grader(cfg).grade();
        System.out.print(r.table());
        return r;
    }

    /**
     * Attacks that run (nothing in the compiled classes gives them away): each is contained by the
     * test JVM's limits, the exit-call rewrite or the signed results, costs only the tests it is in,
     * and is named. The honest part of an exercise earns its points.
     */
    @Test
    void attacksThatRunAreContainedAndNamed(@TempDir Path tmp) throws IOException {
        Path src = ClassGraderTest.student(tmp, "hostile-runtime", plan.exercises().size());
        // 1 forged results: fake "passed" records for MaxPoolingForward (left a stub), printed; and an attempt to read the key
        Files.copy(ClassGraderTest.STUBS.resolve(EX + "ch7/MaxPoolingForward.java"), src.resolve(EX + "ch7/MaxPoolingForward.java"),
                StandardCopyOption.REPLACE_EXISTING);
        StringBuilder forge = new StringBuilder("try { ");
        int seq = 1000;
        for (Plan.TestSpec t : spec("ch7.MaxPoolingForward").tests()) {
            String rec = ResultChannel.PREFIX + "\\t" + (seq++) + "\\t" + "0".repeat(64) + "\\tEND\\t" + t.key() + "\\tPASSED\\t";
            forge.append("System.out.println(\"END\\t").append(t.key()).append("\\tPASSED\\t\"); ");
            forge.append("System.out.println(\"").append(rec).append("\"); System.err.print(\"\\n").append(rec).append("\\n\"); ");
        }
        forge.append("byte[] in = System.in.readAllBytes(); if (in.length > 0) throw new IllegalStateException(\"read the key\"); ");
        forge.append("} catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");
        inject(src, "ch3/SoftmaxFunction.java", "public static NDArray softmax(NDArray a)", forge.toString());
        // 2 Runtime.halt: refused and reported as halt
        inject(src, "ch5/ReluLayer.java", "public NDArray forward(NDArray x)", "Runtime.getRuntime().halt(7);");
        // 3 System.exit, its refusal caught, then the honest work: full points, and the attempt is named
        inject(src, "ch5/SigmoidLayer.java", "public NDArray forward(NDArray x)", "try { System.exit(0); } catch (SecurityException e) { }");
        // 4 a static initializer that never ends: every test of the class times out, the JVM is restarted after each
        ClassGraderTest.edit(src, "ch5/AdditionLayer.java", "public double forward(double x, double y) {",
                "static { while (System.nanoTime() != 0) Thread.onSpinWait(); }\n\n    public double forward(double x, double y) {");
        // 5 one method waits forever (no CPU): its test times out, the class's other tests pass
        inject(src, "seeds/ComputationalGraph.java", "public static double[] maxGate(double x, double y, double dout)",
                "Object lock = new Object(); synchronized (lock) { while (lock != null) { try { lock.wait(); } catch (InterruptedException e) { } } }");
        // 6 endless recursion in one method (StackOverflowError): its tests fail, the rest pass
        ClassGraderTest.edit(src, "ch3/ActivationFunctions.java", "public static NDArray step(NDArray x) {",
                "static NDArray down(NDArray x, int n) {\n        return n < 0 ? x : down(x, n + 1);\n    }\n\n"
                        + "    public static NDArray step(NDArray x) {\n        if (x != null) return down(x, 0);");
        // 7 an array larger than any heap in one method: the JVM runs out of memory in those tests and is restarted
        inject(src, "ch4/LossFunctions.java", "public static double crossEntropyError(NDArray y, NDArray t)",
                "if (y != null) { double[] hog = new double[Integer.MAX_VALUE - 8]; hog[hog.length - 1] = 1; }");
        // 8 shadowing java.lang: a Math whose abs is always 0 (Check's closeness test would always pass), a Double
        // in an exercise's file, and a String in a nested package
        Files.writeString(src.resolve(EX + "Math.java"),
                "package dlfs.exercises;\npublic final class Math { public static double abs(double x) { return 0; } }\n");
        Files.writeString(src.resolve(EX + "ch5/AffineLayer.java"),
                Files.readString(src.resolve(EX + "ch5/AffineLayer.java")) + "\nclass Double { static boolean isNaN(double x) { return false; } }\n");
        Files.writeString(src.resolve(EX + "ch6/String.java"), "package dlfs.exercises.ch6;\npublic final class String { }\n");

        GradeReport r = grade(src, tmp.resolve("work"), "hostile-runtime");
        Map<String, GradeReport.ExerciseSummary> ex = byId(r);
        String reason = r.reason();
        List<String> problems = new ArrayList<>();

        // 1: the printed records earn nothing and are named; softmax keeps its points
        expectZero(problems, ex, "ch7.MaxPoolingForward");
        expectFull(problems, ex, "ch3.SoftmaxFunction");
        expectIn(problems, reason, "sandbox: refused " + 2 * spec("ch7.MaxPoolingForward").tests().size() * spec("ch3.SoftmaxFunction").tests().size()
                + " printed line(s) made to look like result records (forged results?)");
        // 2: halt is refused and reported as halt
        expectZero(problems, ex, "ch5.ReluLayer");
        expectIn(problems, reason, "sandbox: refused Runtime.halt(7)");
        // 3: the refused exit is named, the honest work earns everything
        expectFull(problems, ex, "ch5.SigmoidLayer");
        expectIn(problems, reason, "sandbox: refused System.exit(0)");
        // 4-7: only the tests the attack is in lose their points, each with its cause
        expectHonest(problems, r, "ch5.AdditionLayer", Status.TIMED_OUT, false);
        expectListed(problems, reason, "timed out", "ch5.AdditionLayer");
        expectHonest(problems, r, "seeds.ComputationalGraph", Status.TIMED_OUT, true);
        expectListed(problems, reason, "timed out", "seeds.ComputationalGraph");
        expectHonest(problems, r, "ch3.ActivationFunctions", Status.FAILED, true);
        expectListed(problems, reason, "failed tests", "ch3.ActivationFunctions");
        expectHonest(problems, r, "ch4.LossFunctions", Status.CRASHED, true);
        expectListed(problems, reason, "crashed the test JVM", "ch4.LossFunctions");
        // 8: the shadowing classes are refused with their names
        expectZero(problems, ex, "ch5.AffineLayer");
        expectIn(problems, ex.get("ch5.AffineLayer").status(), "declares a class named Double, the name of java.lang.Double");
        expectIn(problems, reason, "left out dlfs/exercises/Math.java declares a class named Math");
        expectIn(problems, reason, "left out dlfs/exercises/ch6/String.java declares a class named String");
        // everything not attacked keeps its points: the attacks cost only their own exercise
        for (String id : List.of("ch2.Gates", "ch4.Gradients", "ch5.MultiplyLayer", "ch5.SoftmaxLossLayer", "ch5.TwoLayerNetBackprop",
                "ch6.AdamUpdate", "ch6.BatchNormLayer", "ch6.DropoutLayer", "ch6.MomentumUpdate", "ch7.ConvolutionForward",
                "ch7.ImageToColumns", "seeds.BinaryCrossEntropyOutput", "seeds.SigmoidHiddenBackprop", "seeds.SoftmaxRegressionStep"))
            expectFull(problems, ex, id);
        assertEquals(ISOLATED, r.isolated(), r.isolation());
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + r.table());
    }

    /** Attacks refused before anything runs, by reading the compiled classes: each costs its exercise and is named. */
    @Test
    void escapesAndWrappedAnswersAreRefusedBeforeTheyRun(@TempDir Path tmp) throws IOException {
        Path src = ClassGraderTest.student(tmp, "hostile-static", plan.exercises().size());
        // wrapping the answer
        inject(src, "ch5/SigmoidLayer.java", "public NDArray forward(NDArray x)", "if (x != null) return new dlfs.layers.Sigmoid().forward(x);");
        inject(src, "ch7/ImageToColumns.java", "public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad)",
                "if (x != null) return dlfs.layers.Im2Col.im2col(x, fh, fw, stride, pad);");
        // ... through a helper class of the student's
        Files.writeString(src.resolve(EX + "ch5/ReluHelper.java"), "package dlfs.exercises.ch5;\nclass ReluHelper {\n"
                + "    static dlfs.nd.NDArray f(dlfs.nd.NDArray x) { return new dlfs.layers.Relu().forward(x); }\n}\n");
        inject(src, "ch5/ReluLayer.java", "public NDArray forward(NDArray x)", "if (x == null) return ReluHelper.f(x);");
        // network from a thread with no student frame: a JDK proxy Runnable on a new thread
        inject(src, "ch4/LossFunctions.java", "public static double meanSquaredError(NDArray y, NDArray t)",
                "Runnable r = (Runnable) java.lang.reflect.Proxy.newProxyInstance(Runnable.class.getClassLoader(), new Class<?>[] {Runnable.class}, "
                        + "(p, m, a) -> { try (java.net.Socket s = new java.net.Socket(\"127.0.0.1\", 9)) { } return null; }); new Thread(r).start();");
        // method handles into the grader
        inject(src, "ch4/Gradients.java", "public static double numericalDiff(DoubleUnaryOperator f, double x)",
                "try { java.lang.invoke.MethodHandles.privateLookupIn(Object.class, java.lang.invoke.MethodHandles.lookup()); } "
                        + "catch (Exception e) { }");
        // sun.misc.Unsafe
        inject(src, "ch5/AffineLayer.java", "public NDArray forward(NDArray x)",
                "Object u = sun.misc.Unsafe.class;");
        // a class loader defining classes from bytes (an anonymous subclass)
        inject(src, "ch6/DropoutLayer.java", "public NDArray backward(NDArray dout)",
                "try { new ClassLoader() { Class<?> def(byte[] b) { return defineClass(null, b, 0, b.length); } }.def(new byte[0]); } catch (Throwable e) { }");
        // JNI
        inject(src, "ch6/BatchNormLayer.java", "public NDArray backward(NDArray dout)", "try { System.load(\"/tmp/evil.so\"); } catch (Throwable e) { }");
        // a thread storm
        inject(src, "ch5/MultiplyLayer.java", "public double forward(double x, double y)",
                "for (int i = 0; i < 200; i++) new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }).start();");
        // starting a process
        inject(src, "ch5/AdditionLayer.java", "public double forward(double x, double y)",
                "try { new ProcessBuilder(\"sh\", \"-c\", \"echo pwned\").start(); } catch (Exception e) { }");
        // a file read by the JDK itself, named in a system property: the solution as a logging configuration
        inject(src, "ch2/Gates.java", "public static int and(int x1, int x2)",
                "System.setProperty(\"java.util.logging.config.file\", \"" + SOLUTIONS + "/dlfs/exercises/ch2/Gates.java\"); "
                        + "try { java.util.logging.LogManager.getLogManager().readConfiguration(); } catch (Exception e) { }");

        GradeReport r = grade(src, tmp.resolve("work"), "hostile-static");
        List<String> problems = new ArrayList<>();
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("ch2.Gates", "Gates calls java.lang.System.setProperty (changing the JVM's settings, which name files it reads)"),
                Map.entry("ch5.SigmoidLayer", "SigmoidLayer calls dlfs.layers.Sigmoid.forward, which this exercise is to replace: write it yourself"),
                Map.entry("ch7.ImageToColumns", "ImageToColumns calls dlfs.layers.Im2Col.im2col, which this exercise is to replace"),
                Map.entry("ch5.ReluLayer", "ReluHelper calls dlfs.layers.Relu.forward"),
                Map.entry("ch4.LossFunctions", "LossFunctions calls java.lang.Class.getClassLoader (reflection), which grading does not allow"),
                Map.entry("ch4.Gradients", "Gradients calls java.lang.invoke.MethodHandles.lookup (method handles)"),
                Map.entry("ch5.AffineLayer", "AffineLayer uses sun.misc.Unsafe (JDK internals)"),
                Map.entry("ch6.DropoutLayer", "DropoutLayer extends java.lang.ClassLoader (class loading)"),
                Map.entry("ch6.BatchNormLayer", "BatchNormLayer calls java.lang.System.load (native code)"),
                Map.entry("ch5.MultiplyLayer", "MultiplyLayer calls java.lang.Thread.start (threads)"),
                Map.entry("ch5.AdditionLayer", "AdditionLayer calls java.lang.ProcessBuilder.start (starting a process)"));
        expectRefused(problems, r, refusals);
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + r.table());
    }

    /**
     * Held-out attempts on files, the environment, other processes and the key, each refused before
     * it runs and named with the API it used, on every JDK: a read the OS sandbox would stop but the
     * student's code catches and ignores leaves no trace at run time, so it is refused here. Every
     * exercise carries one; {@link #escapesAndWrappedAnswersAreRefusedBeforeTheyRun} shows that a
     * refusal costs only its own exercise.
     */
    @Test
    void filesTheEnvironmentAndOtherWaysOutAreRefusedBeforeTheyRun(@TempDir Path tmp) throws IOException {
        Path src = ClassGraderTest.student(tmp, "hostile-files", plan.exercises().size());
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        String sol = SOLUTIONS.toString();
        Map<String, String> refusals = new LinkedHashMap<>();
        // the known gap: a read of the solutions whose failure is caught and ignored
        inject(src, "ch2/Gates.java", "public static int and(int x1, int x2)",
                "try { java.nio.file.Files.readString(java.nio.file.Path.of(\"../../solutions/src/main/java/dlfs/exercises/ch2/Gates.java\")); } "
                        + "catch (Exception e) { }");
        refusals.put("ch2.Gates", "Gates calls java.nio.file.Path.of (the file system), which grading does not allow");
        // a Scanner on a File, through /proc/self/root
        inject(src, "ch3/ActivationFunctions.java", "public static NDArray sigmoid(NDArray x)",
                "try (java.util.Scanner s = new java.util.Scanner(new java.io.File(\"/proc/self/root" + sol
                        + "/dlfs/exercises/ch3/ActivationFunctions.java\"))) { s.nextLine(); } catch (Exception e) { }");
        refusals.put("ch3.ActivationFunctions", "ActivationFunctions uses java.io.File (the file system)");
        // forged records written straight to the results channel's descriptor
        StringBuilder forge = new StringBuilder("try { java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out); ");
        for (Plan.TestSpec t : spec("ch7.MaxPoolingForward").tests())
            forge.append("fd.write(\"\\n").append(ResultChannel.PREFIX).append("\\t1000\\t").append("0".repeat(64)).append("\\tEND\\t")
                    .append(t.key()).append("\\tPASSED\\t\\n\".getBytes()); ");
        forge.append("fd.flush(); } catch (java.io.IOException e) { }");
        inject(src, "ch3/SoftmaxFunction.java", "public static NDArray softmax(NDArray a)", forge.toString());
        refusals.put("ch3.SoftmaxFunction", "SoftmaxFunction calls java.io.FileOutputStream.write (the file system)");
        // write outside the work folder
        inject(src, "ch4/LossFunctions.java", "public static double meanSquaredError(NDArray y, NDArray t)",
                "try (java.io.FileWriter w = new java.io.FileWriter(\"" + outside.resolve("pwned.txt") + "\")) { w.write(\"x\"); } "
                        + "catch (java.io.IOException e) { }");
        refusals.put("ch4.LossFunctions", "LossFunctions calls java.io.FileWriter.write (the file system)");
        // a method handle lookup from inside a lambda
        inject(src, "ch4/Gradients.java", "public static double numericalDiff(DoubleUnaryOperator f, double x)",
                "Runnable r = () -> java.lang.invoke.MethodHandles.lookup(); r.run();");
        refusals.put("ch4.Gradients", "Gradients calls java.lang.invoke.MethodHandles.lookup (method handles)");
        // a thread pool
        inject(src, "ch5/AdditionLayer.java", "public double forward(double x, double y)",
                "java.util.concurrent.Executors.newFixedThreadPool(64).submit(() -> { });");
        refusals.put("ch5.AdditionLayer", "AdditionLayer calls java.util.concurrent.Executors.newFixedThreadPool (threads)");
        // a shutdown hook (it would run after the grader's last record)
        inject(src, "ch5/MultiplyLayer.java", "public double forward(double x, double y)",
                "Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(\"pwned\")));");
        refusals.put("ch5.MultiplyLayer", "MultiplyLayer calls java.lang.Runtime.addShutdownHook (threads)");
        // a Cleaner (its own thread runs the action)
        inject(src, "ch5/ReluLayer.java", "public NDArray forward(NDArray x)", "java.lang.ref.Cleaner.create().register(this, () -> { });");
        refusals.put("ch5.ReluLayer", "ReluLayer calls java.lang.ref.Cleaner.create (threads)");
        // the grader's command line, through the parent process
        inject(src, "ch5/SigmoidLayer.java", "public NDArray forward(NDArray x)",
                "String cmd = ProcessHandle.current().parent().flatMap(h -> h.info().commandLine()).orElse(\"\");");
        refusals.put("ch5.SigmoidLayer", "SigmoidLayer calls java.lang.ProcessHandle.current (other processes)");
        // every thread's stack
        inject(src, "ch5/AffineLayer.java", "public NDArray forward(NDArray x)", "Thread.getAllStackTraces();");
        refusals.put("ch5.AffineLayer", "AffineLayer calls java.lang.Thread.getAllStackTraces (threads)");
        // a file opened by name through PrintStream
        inject(src, "ch5/SoftmaxLossLayer.java", "public double forward(NDArray x, NDArray t)",
                "try (java.io.PrintStream p = new java.io.PrintStream(\"pwned.txt\")) { p.println(\"x\"); } catch (java.io.IOException e) { }");
        refusals.put("ch5.SoftmaxLossLayer", "SoftmaxLossLayer calls java.io.PrintStream (the file system)");
        // the JVM's own memory (where the key is), as a file
        inject(src, "ch5/TwoLayerNetBackprop.java", "public static Map<String, NDArray> gradient(Map<String, NDArray> params, NDArray x, NDArray t)",
                "try (java.io.RandomAccessFile m = new java.io.RandomAccessFile(\"/proc/self/mem\", \"r\")) { m.read(); } catch (java.io.IOException e) { }");
        refusals.put("ch5.TwoLayerNetBackprop", "TwoLayerNetBackprop calls java.io.RandomAccessFile.read (the file system)");
        // a class path resource (the compiled tests)
        inject(src, "ch6/AdamUpdate.java", "public void update(Map<String, NDArray> params, Map<String, NDArray> grads)",
                "try (java.io.InputStream in = getClass().getResourceAsStream(\"/dlfs/exercises/ch6/AdamUpdateTest.class\")) { } "
                        + "catch (java.io.IOException e) { }");
        refusals.put("ch6.AdamUpdate", "AdamUpdate calls java.lang.Class.getResourceAsStream (the file system)");
        // preferences, stored in the home folder
        inject(src, "ch6/MomentumUpdate.java", "public void update(Map<String, NDArray> params, Map<String, NDArray> grads)",
                "java.util.prefs.Preferences.userRoot().put(\"dlfs\", \"pwned\");");
        refusals.put("ch6.MomentumUpdate", "MomentumUpdate calls java.util.prefs.Preferences.userRoot (the file system)");
        // a process, through Runtime
        inject(src, "ch6/BatchNormLayer.java", "public NDArray backward(NDArray dout)",
                "try { Runtime.getRuntime().exec(new String[] {\"sh\", \"-c\", \"echo pwned\"}); } catch (java.io.IOException e) { }");
        refusals.put("ch6.BatchNormLayer", "BatchNormLayer calls java.lang.Runtime.exec (starting a process)");
        // a file read by the desktop classes, named by a string
        inject(src, "ch6/DropoutLayer.java", "public NDArray backward(NDArray dout)",
                "java.awt.Toolkit.getDefaultToolkit().getImage(\"" + sol + "/dlfs/exercises/ch6/DropoutLayer.java\");");
        refusals.put("ch6.DropoutLayer", "DropoutLayer calls java.awt.Toolkit.getDefaultToolkit (the desktop, which opens the files and URLs it names)");
        // the JDK's sources, as a zip file
        inject(src, "ch7/ConvolutionForward.java", "public NDArray forward(NDArray x)",
                "try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(System.getProperty(\"java.home\") + \"/lib/src.zip\")) { } "
                        + "catch (java.io.IOException e) { }");
        refusals.put("ch7.ConvolutionForward", "ConvolutionForward calls java.util.zip.ZipFile.close (the file system)");
        // the file system's classes, by reflection
        inject(src, "ch7/ImageToColumns.java", "public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad)",
                "try { Class.forName(\"java.nio.file.Files\"); } catch (ClassNotFoundException e) { }");
        refusals.put("ch7.ImageToColumns", "ImageToColumns calls java.lang.Class.forName (reflection)");
        // an XML external entity: a file read by a parser given only a string
        inject(src, "ch7/MaxPoolingForward.java", "public NDArray forward(NDArray x)",
                "try { javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream("
                        + "\"<!DOCTYPE x [<!ENTITY e SYSTEM 'file://" + sol + "/dlfs/exercises/ch7/MaxPoolingForward.java'>]><x>&e;</x>\".getBytes())); } "
                        + "catch (Exception e) { }");
        refusals.put("ch7.MaxPoolingForward",
                "MaxPoolingForward calls javax.xml.parsers.DocumentBuilderFactory.newInstance (XML, which opens the files and URLs it names)");
        // a log file in the home folder
        inject(src, "seeds/BinaryCrossEntropyOutput.java", "public double forward(NDArray a, NDArray t)",
                "try { new java.util.logging.FileHandler(\"%h/pwned%u.log\").close(); } catch (java.io.IOException e) { }");
        refusals.put("seeds.BinaryCrossEntropyOutput", "BinaryCrossEntropyOutput calls java.util.logging.FileHandler.close (the file system)");
        // the environment (where a grading machine keeps its tokens)
        inject(src, "seeds/ComputationalGraph.java", "public static double[] addGate(double dout)",
                "if (System.getenv().containsKey(\"DLFS_KEY\")) dout = 0;");
        refusals.put("seeds.ComputationalGraph",
                "ComputationalGraph calls java.lang.System.getenv (the environment, which may hold the grading machine's secrets)");
        // a method handle type reached through an allowed JDK method's result, without naming the class
        inject(src, "seeds/SigmoidHiddenBackprop.java",
                "public static Map<String, NDArray> gradient(Map<String, NDArray> params, NDArray x, NDArray t)",
                "Object mt = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(s -> s.findFirst().get().getMethodType());");
        refusals.put("seeds.SigmoidHiddenBackprop", "SigmoidHiddenBackprop uses java.lang.invoke.MethodType (method handles)");
        // a service loader (class loading)
        inject(src, "seeds/SoftmaxRegressionStep.java", "public static double step(NDArray W, NDArray b, NDArray x, NDArray t, double lr)",
                "java.util.ServiceLoader.load(Runnable.class).findFirst();");
        refusals.put("seeds.SoftmaxRegressionStep", "SoftmaxRegressionStep calls java.util.ServiceLoader.load (class loading)");

        GradeReport r = grade(src, tmp.resolve("work"), "hostile-files");
        List<String> problems = new ArrayList<>();
        expectRefused(problems, r, refusals);
        if (Files.exists(outside.resolve("pwned.txt"))) problems.add("wrote outside the work folder");
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + r.table());
    }

    /**
     * The OS sandbox itself, with a program that tries everything directly (no grader checks in the
     * way, as if the bytecode check were evaded): the solutions, whatever path or link leads there,
     * {@code /proc}, the network, other processes and the parent's environment are out of sight, and
     * nothing outside the scratch folder can be written or deleted.
     */
    @Test
    void theOsSandboxHidesFilesTheNetworkAndOtherProcesses(@TempDir Path tmp) throws Exception {
        Isolation iso = Isolation.detect();
        assumeTrue(iso.isolated(), "bubblewrap is not usable here: " + iso.status());
        Path prog = tmp.resolve("prog");
        Path scratch = tmp.resolve("scratch");
        Path outside = tmp.resolve("outside");
        Files.createDirectories(prog);
        Files.createDirectories(scratch);
        Files.createDirectories(outside);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(prog.resolve("Probe.java"), """
                    import java.nio.file.*;
                    public class Probe {
                        static void line(String what, boolean ok) { System.out.println(what + "=" + ok); }
                        public static void main(String[] a) throws Exception {
                            String sol = "%s";
                            line("solutions", Files.exists(Path.of(sol)));
                            Files.createSymbolicLink(Path.of("sol-link"), Path.of(sol));
                            line("solutionsThroughLink", Files.exists(Path.of("sol-link/dlfs/exercises/ch2/Gates.java")));
                            line("solutionsThroughProcRoot", Files.exists(Path.of("/proc/self/root" + sol)));
                            line("proc", Files.exists(Path.of("/proc/self")));
                            line("ownMemory", Files.isReadable(Path.of("/proc/self/mem")));
                            line("home", Files.exists(Path.of("%s")));
                            boolean net;
                            try (var s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("127.0.0.1", %d), 2000); net = true; }
                            catch (Exception e) { net = false; }
                            line("network", net);
                            try { Files.writeString(Path.of("%s"), "x"); } catch (Exception e) { }
                            Files.createSymbolicLink(Path.of("out-link"), Path.of("%s"));
                            try { Files.writeString(Path.of("out-link/pwned.txt"), "x"); } catch (Exception e) { }
                            try { Files.delete(Path.of("%s")); } catch (Exception e) { }
                            line("writeScratch", Files.writeString(Path.of("ok.txt"), "x") != null);
                            line("parentEnv", System.getenv("DLFS_PARENT_SECRET") != null);
                            long n;
                            try { n = ProcessHandle.allProcesses().count(); } catch (Exception e) { n = 0; }
                            line("processes", n > 3);
                        }
                    }
                    """.formatted(SOLUTIONS, ClassGraderTest.ROOT, server.getLocalPort(), tmp.resolve("pwned.txt"), outside,
                    prog.resolve("Probe.java")));
            List<String> cmd = iso.wrap(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    prog.resolve("Probe.java").toString()), List.of(prog), scratch);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("DLFS_PARENT_SECRET", "x");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            for (String no : List.of("solutions", "solutionsThroughLink", "solutionsThroughProcRoot", "proc", "ownMemory", "home", "network",
                    "parentEnv", "processes"))
                assertTrue(out.contains(no + "=false"), no + " should be false in the sandbox:\n" + out);
            assertTrue(out.contains("writeScratch=true"), out);
            // the scratch folder is the sandbox's only way out; what it wrote elsewhere stayed in the sandbox's own /tmp
            assertTrue(Files.exists(scratch.resolve("ok.txt")), out);
            assertTrue(!Files.exists(tmp.resolve("pwned.txt")), "wrote outside the scratch folder: " + out);
            assertTrue(!Files.exists(outside.resolve("pwned.txt")), "wrote outside the scratch folder through a link: " + out);
            assertTrue(Files.exists(prog.resolve("Probe.java")), "deleted a read-only file: " + out);
        }
    }

    /**
     * What the OS sandbox stops leaves only a missing file; the test JVM names it from the failed
     * test's exception (outside the scratch folder, or through a link made in it), and nothing else.
     */
    @Test
    void aFileTheOsSandboxHidIsNamedWithTheLinkItWentThrough(@TempDir Path tmp) throws IOException {
        Path work = tmp.resolve("run");
        Files.createDirectories(work);
        Files.createSymbolicLink(work.resolve("sol-link"), SOLUTIONS);
        Throwable viaLink = new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("sol-link/dlfs/exercises/ch2/Gates.java"));
        assertEquals("reaching " + SOLUTIONS + "/dlfs/exercises/ch2/Gates.java through the link sol-link (NoSuchFileException)",
                Sandbox.outsideAttempt(viaLink, work));
        assertEquals("reaching /proc/self/status outside the scratch folder (FileNotFoundException)",
                Sandbox.outsideAttempt(new java.io.FileNotFoundException("/proc/self/status (No such file or directory)"), work));
        assertNull(Sandbox.outsideAttempt(new java.nio.file.NoSuchFileException("data/missing.csv"), work), "a file of its own");
        assertNull(Sandbox.outsideAttempt(new IllegalStateException("no file"), work));
    }

    /** Where bubblewrap is missing, switched off or broken, grading goes on and says "not isolated" with the reason. */
    @Test
    void withoutBubblewrapTheReportSaysNotIsolated(@TempDir Path tmp) throws IOException {
        Isolation off = Isolation.probe("off");
        assertTrue(!off.isolated() && off.status().startsWith("not isolated: the OS sandbox was switched off"), off.status());
        Isolation missing = Isolation.probe(tmp.resolve("no-such-bwrap").toString());
        assertTrue(!missing.isolated() && missing.status().startsWith("not isolated: bubblewrap cannot be started"), missing.status());
        Path fake = tmp.resolve("broken-bwrap");
        Files.writeString(fake, "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n");
        assertTrue(fake.toFile().setExecutable(true));
        Isolation broken = Isolation.probe(fake.toString());
        assertTrue(!broken.isolated() && broken.status().contains("No permissions to creating new namespace"), broken.status());
        assertEquals(List.of("java", "-version"), off.wrap(List.of("java", "-version"), List.of(), tmp), "not isolated: run as it is");
        // and the grader's own switch
        Path src = tmp.resolve("src");
        ClassGraderTest.copyTree(ClassGraderTest.STUBS, src);
        Grader.Config cfg = new Grader.Config(src, ClassGraderTest.TESTS, null, tmp.resolve("work"), Grader.currentClasspath(), "open", 10,
                "256m", false);
        GradeReport r = new Grader(cfg).grade();
        assertTrue(!r.isolated() && r.table().contains("isolation: not isolated: the sandbox was switched off"), r.table());
    }

    /** The results channel: only records signed with the run's key, in order, are taken. */
    @Test
    void theResultsChannelTakesOnlySignedRecordsInOrder() {
        byte[] key = ResultChannel.newKey();
        ResultChannel.Verifier v = new ResultChannel.Verifier(key);
        javax.crypto.Mac mac = ResultChannel.mac(key);
        String payload = ResultChannel.payload(new String[] {"END", "a.BTest#x", "PASSED", "tab\there"}, 1000);
        String good = ResultChannel.PREFIX + "\t1\t" + ResultChannel.sign(mac, 1, payload) + "\t" + payload;
        assertEquals(List.of("END", "a.BTest#x", "PASSED", "tab\there"), List.of(v.accept(good)));
        assertNull(v.accept(good), "a replayed record");
        String forgedMac = ResultChannel.PREFIX + "\t2\t" + "0".repeat(64) + "\t" + payload;
        assertNull(v.accept(forgedMac));
        byte[] other = ResultChannel.newKey();
        assertNull(v.accept(ResultChannel.PREFIX + "\t3\t" + ResultChannel.sign(ResultChannel.mac(other), 3, payload) + "\t" + payload),
                "signed with another key");
        String changed = payload.replace("PASSED", "FAILED");
        assertNull(v.accept(ResultChannel.PREFIX + "\t4\t" + ResultChannel.sign(mac, 4, payload) + "\t" + changed), "a changed payload");
        assertNull(v.accept("END\ta.BTest#x\tPASSED\t"), "an old-style line is not a record");
        assertEquals(4, v.forged());
        String next = ResultChannel.PREFIX + "\t5\t" + ResultChannel.sign(mac, 5, payload) + "\t" + payload;
        assertEquals("END", v.accept(next)[0], "a later authentic record is still taken");
        // the grader's reader: an endless line of garbage on the descriptor is cut and dropped, the records around it are taken
        byte[] key2 = ResultChannel.newKey();
        javax.crypto.Mac mac2 = ResultChannel.mac(key2);
        String p1 = ResultChannel.payload(new String[] {"START", "a.BTest#x"}, 1000);
        String stream = "\n" + ResultChannel.PREFIX + "\t1\t" + ResultChannel.sign(mac2, 1, p1) + "\t" + p1 + "\n"
                + "x".repeat(5_000_000) + ResultChannel.PREFIX + "\t2\t" + "0".repeat(64) + "\t" + p1
                + "\n" + ResultChannel.PREFIX + "\t3\t" + ResultChannel.sign(mac2, 3, p1) + "\t" + p1 + "\n";
        List<String[]> records = new ArrayList<>();
        ResultChannel.Verifier v2 = new ResultChannel.Verifier(key2);
        Grader.readRecords(new java.io.ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), v2, records, new long[1]);
        assertEquals(2, records.size());
        assertEquals(0, v2.forged(), "the overlong line is dropped whole, not parsed");
        String big = ResultChannel.payload(new String[] {"END", "k", "FAILED", "é".repeat(10_000)}, ResultChannel.MAX_RECORD - 120);
        assertTrue(big.getBytes(StandardCharsets.UTF_8).length <= ResultChannel.MAX_RECORD - 120);
        assertEquals(64, HexFormat.of().parseHex(ResultChannel.sign(mac, 6, big)).length * 2);
    }

    static Plan.ExerciseSpec spec(String id) {
        return plan.exercises().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    static void expectFull(List<String> problems, Map<String, GradeReport.ExerciseSummary> ex, String id) {
        GradeReport.ExerciseSummary e = ex.get(id);
        if (e.score() != max(id)) problems.add(id + ": expected full points " + max(id) + ", got " + e.score() + " (" + e.status() + ")");
    }

    static void expectZero(List<String> problems, Map<String, GradeReport.ExerciseSummary> ex, String id) {
        GradeReport.ExerciseSummary e = ex.get(id);
        if (e.score() != 0) problems.add(id + ": expected 0, got " + e.score() + " (" + e.status() + ")");
    }

    /**
     * Each exercise of {@code refusals} scores 0, none of its tests ran, its status and the reason
     * name it with the refusal's text; every other exercise keeps full points.
     */
    static void expectRefused(List<String> problems, GradeReport r, Map<String, String> refusals) {
        Map<String, GradeReport.ExerciseSummary> ex = byId(r);
        for (Map.Entry<String, String> e : refusals.entrySet()) {
            expectZero(problems, ex, e.getKey());
            expectIn(problems, ex.get(e.getKey()).status(), e.getValue());
            expectIn(problems, r.reason(), "refused " + e.getKey() + ": " + e.getValue());
            for (TestOutcome t : r.outcomes())
                if (t.exercise().equals(e.getKey()) && t.status() != Status.REFUSED) problems.add(t.key() + " ran: " + t.status());
        }
        for (Plan.ExerciseSpec e : plan.exercises())
            if (!refusals.containsKey(e.id())) expectFull(problems, ex, e.id());
    }

    /**
     * The exercise's tests either passed or ended as {@code attacked}, at least one of them so; with
     * {@code someHonest}, at least one passed too; and the score is what the passed ones are worth.
     */
    static void expectHonest(List<String> problems, GradeReport r, String id, Status attacked, boolean someHonest) {
        double earned = 0;
        int hit = 0, passed = 0;
        for (TestOutcome t : r.outcomes()) {
            if (!t.exercise().equals(id)) continue;
            if (t.status() == Status.PASSED) {
                passed++;
                earned += t.maxScore();
            } else if (t.status() == attacked) hit++;
            else problems.add(t.key() + ": expected passed or " + attacked.label + ", got " + t.status().label + " (" + t.message() + ")");
        }
        if (hit == 0) problems.add(id + ": no test ended as " + attacked.label);
        if (someHonest && passed == 0) problems.add(id + ": the honest part earned nothing");
        if (!someHonest && passed > 0) problems.add(id + ": " + passed + " test(s) passed despite the attack");
        double score = byId(r).get(id).score();
        if (Math.abs(score - earned) > 1e-9) problems.add(id + ": scored " + score + ", the passed tests are worth " + earned);
    }

    /** The reason's part "{@code what}: a, b, ..." names {@code id}. */
    static void expectListed(List<String> problems, String reason, String what, String id) {
        for (String part : reason.split("; "))
            if (part.startsWith(what + ": ") && List.of(part.substring(what.length() + 2).split(", ")).stream().anyMatch(x -> x.startsWith(id)))
                return;
        problems.add("'" + what + ": " + id + "' missing from: " + reason);
    }

    static void expectIn(List<String> problems, String text, String part) {
        if (!text.contains(part)) problems.add("'" + part + "' missing from: " + text);
    }
}
