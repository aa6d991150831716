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

    /** Attacks that run: each is contained by the OS sandbox (or, on Java 17-23, the security manager too). */
    @Test
    void attacksThatRunAreContainedAndNamed(@TempDir Path tmp) throws IOException {
        Path src = ClassGraderTest.student(tmp, "hostile-runtime", plan.exercises().size());
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        String sol = SOLUTIONS.toString();
        // 1 the cheat of the class run: read the solutions through a symbolic link made in the work folder
        inject(src, "ch2/Gates.java", "public static int and(int x1, int x2)",
                "try { java.nio.file.Path l = java.nio.file.Path.of(\"sol-link\"); if (!java.nio.file.Files.isSymbolicLink(l)) "
                        + "java.nio.file.Files.createSymbolicLink(l, java.nio.file.Path.of(\"" + sol + "\")); "
                        + "java.nio.file.Files.readString(l.resolve(\"dlfs/exercises/ch2/Gates.java\")); } "
                        + "catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");
        // 2 ... and through /proc/self/root
        inject(src, "ch3/ActivationFunctions.java", "public static NDArray step(NDArray x)",
                "try { java.nio.file.Files.readString(java.nio.file.Path.of(\"/proc/self/root" + sol
                        + "/dlfs/exercises/ch3/ActivationFunctions.java\")); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");
        // 3 write outside the work folder through a link (the honest part goes on whatever happens)
        inject(src, "ch4/LossFunctions.java", "public static double meanSquaredError(NDArray y, NDArray t)",
                "try { java.nio.file.Path l = java.nio.file.Path.of(\"out-link\"); if (!java.nio.file.Files.isSymbolicLink(l)) "
                        + "java.nio.file.Files.createSymbolicLink(l, java.nio.file.Path.of(\"" + outside + "\")); "
                        + "java.nio.file.Files.writeString(l.resolve(\"pwned.txt\"), \"x\"); } catch (Throwable e) { }");
        // 4 forged results: fake "passed" records for MaxPoolingForward (left a stub) on the results channel and on System.out
        Files.copy(ClassGraderTest.STUBS.resolve(EX + "ch7/MaxPoolingForward.java"), src.resolve(EX + "ch7/MaxPoolingForward.java"),
                StandardCopyOption.REPLACE_EXISTING);
        StringBuilder forge = new StringBuilder("try { java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out); ");
        int seq = 1000;
        for (Plan.TestSpec t : spec("ch7.MaxPoolingForward").tests()) {
            String rec = ResultChannel.PREFIX + "\\t" + (seq++) + "\\t" + "0".repeat(64) + "\\tEND\\t" + t.key() + "\\tPASSED\\t";
            forge.append("fd.write((\"\\n").append(rec).append("\\n\").getBytes()); fd.flush(); ");
            forge.append("System.out.println(\"END\\t").append(t.key()).append("\\tPASSED\\t\"); ");
            forge.append("System.out.println(\"").append(rec).append("\"); ");
        }
        forge.append("byte[] in = System.in.readAllBytes(); if (in.length > 0) throw new IllegalStateException(\"read the key\"); ");
        forge.append("} catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");
        inject(src, "ch3/SoftmaxFunction.java", "public static NDArray softmax(NDArray a)", forge.toString());
        // 5 read the parent's command line and environment through /proc
        inject(src, "ch4/Gradients.java", "public static double numericalDiff(DoubleUnaryOperator f, double x)",
                "try { String st = java.nio.file.Files.readString(java.nio.file.Path.of(\"/proc/self/status\")); "
                        + "String pp = st.replaceAll(\"(?s).*PPid:\\\\s*(\\\\d+).*\", \"$1\"); "
                        + "java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/proc/\" + pp + \"/cmdline\")); "
                        + "java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/proc/\" + pp + \"/environ\")); } "
                        + "catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");
        boolean contained = ISOLATED || SECURITY_MANAGER;
        // 6 delete the work folder (the compiled classes with it), then carry on honestly; where nothing
        // contains it (Java 24+ without bubblewrap, "not isolated") it would succeed, so it is not tried there
        if (contained) inject(src, "ch5/AdditionLayer.java", "public double forward(double x, double y)",
                "try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(java.nio.file.Path.of(\"\").toAbsolutePath().getParent())) { "
                        + "s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> { try { java.nio.file.Files.delete(p); } catch (Exception e) { } }); "
                        + "} catch (Throwable e) { }");
        // 7 Runtime.halt: refused and reported as halt
        inject(src, "ch5/ReluLayer.java", "public NDArray forward(NDArray x)", "Runtime.getRuntime().halt(7);");
        // 8 shadowing java.lang: a Math whose abs is always 0 (Check's closeness test would always pass), and a Double
        Files.writeString(src.resolve(EX + "Math.java"),
                "package dlfs.exercises;\npublic final class Math { public static double abs(double x) { return 0; } }\n");
        Files.writeString(src.resolve(EX + "ch5/AffineLayer.java"),
                Files.readString(src.resolve(EX + "ch5/AffineLayer.java")) + "\nclass Double { static boolean isNaN(double x) { return false; } }\n");

        Path work = tmp.resolve("work");
        GradeReport r = grade(src, work, "hostile-runtime");
        Map<String, GradeReport.ExerciseSummary> ex = byId(r);
        String reason = r.reason();
        List<String> problems = new ArrayList<>();

        // 1, 2: the reads fail, so the cheating methods earn nothing
        if (contained) {
            expectLess(problems, ex, "ch2.Gates", reason);
            if (SECURITY_MANAGER) expectIn(problems, reason, "sandbox: refused reading");
        }
        if (ISOLATED || SECURITY_MANAGER) expectLess(problems, ex, "ch3.ActivationFunctions", reason);
        if (ISOLATED) {
            // each attempt the OS sandbox stopped is named
            expectIn(problems, reason, "sandbox: refused reaching " + sol + "/dlfs/exercises/ch2/Gates.java through the link sol-link");
            expectIn(problems, reason, "sandbox: refused reaching /proc/self/root" + sol);
            expectIn(problems, reason, "sandbox: refused reaching /proc/self/status outside the scratch folder");
        }
        // 3: nothing written outside, and LossFunctions keeps its points
        if (contained) problems.addAll(Files.exists(outside.resolve("pwned.txt")) ? List.of("wrote outside the work folder") : List.of());
        expectFull(problems, ex, "ch4.LossFunctions");
        // 4: the forged records earn nothing and are named; softmax keeps its points
        expectZero(problems, ex, "ch7.MaxPoolingForward");
        expectFull(problems, ex, "ch3.SoftmaxFunction");
        expectIn(problems, reason, "the grader did not write (forged results?)");
        // 5: no parent to see in the OS sandbox
        if (ISOLATED) expectLess(problems, ex, "ch4.Gradients", reason);
        // 6: the compiled classes survive and every other exercise is graded
        expectFull(problems, ex, "ch5.AdditionLayer");
        if (contained && !Files.isDirectory(work.resolve("classes/dlfs/exercises/ch5")))
            problems.add("the compiled classes were deleted");
        // 7: halt is refused and reported as halt
        expectZero(problems, ex, "ch5.ReluLayer");
        expectIn(problems, reason, "sandbox: refused Runtime.halt(7)");
        // 8: the shadowing classes are refused with their names
        expectZero(problems, ex, "ch5.AffineLayer");
        expectIn(problems, ex.get("ch5.AffineLayer").status(), "declares a class named Double, the name of java.lang.Double");
        expectIn(problems, reason, "left out dlfs/exercises/Math.java declares a class named Math");
        // everything not attacked keeps its points: the attacks cost only their own exercise
        for (String id : List.of("ch5.MultiplyLayer", "ch5.SigmoidLayer", "ch5.SoftmaxLossLayer", "ch5.TwoLayerNetBackprop",
                "ch6.AdamUpdate", "ch6.BatchNormLayer", "ch6.DropoutLayer", "ch6.MomentumUpdate", "ch7.ConvolutionForward",
                "ch7.ImageToColumns", "seeds.BinaryCrossEntropyOutput", "seeds.ComputationalGraph", "seeds.SigmoidHiddenBackprop",
                "seeds.SoftmaxRegressionStep"))
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

        GradeReport r = grade(src, tmp.resolve("work"), "hostile-static");
        Map<String, GradeReport.ExerciseSummary> ex = byId(r);
        String reason = r.reason();
        List<String> problems = new ArrayList<>();
        Map<String, String> refusals = Map.of(
                "ch5.SigmoidLayer", "SigmoidLayer calls dlfs.layers.Sigmoid.forward, which this exercise is to replace: write it yourself",
                "ch7.ImageToColumns", "ImageToColumns calls dlfs.layers.Im2Col.im2col, which this exercise is to replace",
                "ch5.ReluLayer", "ReluHelper calls dlfs.layers.Relu.forward",
                "ch4.LossFunctions", "which grading does not allow",
                "ch4.Gradients", "(method handles)",
                "ch5.AffineLayer", "uses sun.misc.Unsafe (JDK internals)",
                "ch6.DropoutLayer", "extends java.lang.ClassLoader (class loading)",
                "ch6.BatchNormLayer", "calls java.lang.System.load (native code)",
                "ch5.MultiplyLayer", "calls java.lang.Thread.start (threads)",
                "ch5.AdditionLayer", "calls java.lang.ProcessBuilder.start (starting a process)");
        for (Map.Entry<String, String> e : refusals.entrySet()) {
            expectZero(problems, ex, e.getKey());
            expectIn(problems, ex.get(e.getKey()).status(), e.getValue());
            expectIn(problems, reason, "refused " + e.getKey() + ": ");
            for (TestOutcome t : r.outcomes())
                if (t.exercise().equals(e.getKey()) && t.status() != Status.REFUSED) problems.add(t.key() + " ran: " + t.status());
        }
        for (Plan.ExerciseSpec e : plan.exercises())
            if (!refusals.containsKey(e.id())) expectFull(problems, ex, e.id());
        assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n" + r.table());
    }

    /** The OS sandbox itself, with a program that tries everything directly (no grader checks in the way). */
    @Test
    void theOsSandboxHidesFilesTheNetworkAndOtherProcesses(@TempDir Path tmp) throws Exception {
        Isolation iso = Isolation.detect();
        assumeTrue(iso.isolated(), "bubblewrap is not usable here: " + iso.status());
        Path prog = tmp.resolve("prog");
        Path scratch = tmp.resolve("scratch");
        Files.createDirectories(prog);
        Files.createDirectories(scratch);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(prog.resolve("Probe.java"), """
                    import java.nio.file.*;
                    public class Probe {
                        static void line(String what, boolean ok) { System.out.println(what + "=" + ok); }
                        public static void main(String[] a) throws Exception {
                            line("solutions", Files.exists(Path.of("%s")));
                            line("proc", Files.exists(Path.of("/proc/self")));
                            line("home", Files.exists(Path.of("%s")));
                            boolean net;
                            try (var s = new java.net.Socket()) { s.connect(new java.net.InetSocketAddress("127.0.0.1", %d), 2000); net = true; }
                            catch (Exception e) { net = false; }
                            line("network", net);
                            try { Files.writeString(Path.of("%s"), "x"); } catch (Exception e) { }
                            line("writeScratch", Files.writeString(Path.of("ok.txt"), "x") != null);
                            line("parentEnv", System.getenv("DLFS_PARENT_SECRET") != null);
                            long n;
                            try { n = ProcessHandle.allProcesses().count(); } catch (Exception e) { n = 0; }
                            line("processes", n > 3);
                        }
                    }
                    """.formatted(SOLUTIONS, ClassGraderTest.ROOT, server.getLocalPort(), tmp.resolve("pwned.txt")));
            List<String> cmd = iso.wrap(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    prog.resolve("Probe.java").toString()), List.of(prog), scratch);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("DLFS_PARENT_SECRET", "x");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            for (String no : List.of("solutions", "proc", "home", "network", "parentEnv", "processes"))
                assertTrue(out.contains(no + "=false"), no + " should be false in the sandbox:\n" + out);
            assertTrue(out.contains("writeScratch=true"), out);
            // the scratch folder is the sandbox's only way out; what it wrote elsewhere stayed in the sandbox's own /tmp
            assertTrue(Files.exists(scratch.resolve("ok.txt")), out);
            assertTrue(!Files.exists(tmp.resolve("pwned.txt")), "wrote outside the scratch folder: " + out);
        }
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

    static void expectLess(List<String> problems, Map<String, GradeReport.ExerciseSummary> ex, String id, String reason) {
        GradeReport.ExerciseSummary e = ex.get(id);
        if (e.score() >= max(id)) problems.add(id + ": the attack was not contained, it kept " + e.score() + " points");
        if (!reason.contains(id)) problems.add(id + ": not named in the reason: " + reason);
    }

    static void expectIn(List<String> problems, String text, String part) {
        if (!text.contains(part)) problems.add("'" + part + "' missing from: " + text);
    }
}
