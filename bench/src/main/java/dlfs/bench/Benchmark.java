package dlfs.bench;

import dlfs.Course;
import dlfs.nd.Gemm;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kit's benchmark: times the book's workloads in Java and, in the same sitting, runs the numpy
 * reference ({@code ../shared/bench/ref_numpy.py} with Debian's {@code /usr/bin/python3}) on the
 * same machine, then prints one table with both. Run it with {@code ./bench.sh [workload...]}.
 *
 * <p>Workloads: {@code matmul} (GFLOPS of 1024³ float64 on each backend; µs per call of the
 * book's shapes and their gradient products), and the training workloads registered in
 * {@link Workloads}. Times are wall-clock, best of several runs for matmul.
 */
public final class Benchmark {

    /** One measured row: workload, metric, our value, numpy's and torch's values (NaN when absent), and which is better. */
    public record Row(String workload, String metric, double java, double numpy, double torch, boolean higherIsBetter) {
        public Row(String workload, String metric, double java, double numpy, boolean higherIsBetter) {
            this(workload, metric, java, numpy, Double.NaN, higherIsBetter);
        }

        String ratio() {
            return ratio(numpy);
        }

        String ratio(double ref) {
            if (Double.isNaN(ref) || Double.isNaN(java) || java == 0 || ref == 0) return "";
            if (metric.contains("acc")) // accuracies compare by difference, in percentage points
                return String.format(Locale.ROOT, "%+.1f points", 100 * (java - ref));
            double r = higherIsBetter ? java / ref : ref / java;
            return String.format(Locale.ROOT, "%.2fx %s", r, r >= 1 ? "faster" : "slower");
        }
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> workloads = new ArrayList<>();
        boolean numpy = true, torch = true;
        for (String a : args) {
            if (a.equals("--no-numpy")) numpy = false;
            else if (a.equals("--no-torch")) torch = false;
            else workloads.add(a);
        }
        torch = torch && torchPresent();
        if (workloads.isEmpty() || workloads.contains("all")) workloads = new ArrayList<>(Workloads.names());
        List<Row> rows = new ArrayList<>();
        System.out.println("DLFS-Java benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB");
        System.out.println("matmul backend: " + Gemm.backend());
        String core = dlfs.nd.BlasCore.describe();
        System.out.println("OpenBLAS core: " + (core.isEmpty() ? "unknown" : core)
                + (System.getenv("OPENBLAS_CORETYPE") == null ? "" : " (OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + ")"));
        if (!torch) System.out.println("torch reference not run (" + (args.length > 0 && List.of(args).contains("--no-torch")
                ? "--no-torch" : "/usr/bin/python3 has no torch: apt-get install python3-torch") + ")");
        for (String w : workloads) {
            System.out.println("running " + w + " (java) ...");
            Map<String, Double> ours = Workloads.run(w);
            Map<String, Double> ref = numpy ? runNumpy(w) : Map.of();
            Map<String, Double> tref = torch ? runTorch(w) : Map.of();
            for (Map.Entry<String, Double> e : ours.entrySet()) {
                String metric = e.getKey();
                double np = ref.getOrDefault(Workloads.numpyKey(metric), Double.NaN);
                String tk = Workloads.torchKey(metric);
                double tv = tk == null ? Double.NaN : tref.getOrDefault(tk, Double.NaN);
                rows.add(new Row(w, metric, e.getValue(), np, tv, Workloads.higherIsBetter(metric)));
            }
        }
        System.out.println();
        System.out.print(table(rows));
        System.out.print(notes(rows));
        List<String> choices = Gemm.autoChoices();
        if (!choices.isEmpty()) {
            System.out.println("\nauto backend per shape class, as measured in this JVM (simple_conv's JVMs measure their own):");
            for (String c : choices) System.out.println("  " + c);
        }
    }

    /** What the table alone does not say: the targets, and the floor under two_layer's time. */
    static String notes(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            if (r.metric().equals("seconds for 10,000 iterations") && !Double.isNaN(r.numpy())) {
                double floor = rows.stream().filter(o -> o.metric().equals(Workloads.MATMUL_FLOOR)).mapToDouble(Row::java)
                        .findFirst().orElse(Double.NaN);
                sb.append(String.format(Locale.ROOT, "%nnote two_layer: the target is at most half of numpy's time, %.2f s; "
                        + "its two float64 matmuls alone take %.2f s here%s.", r.numpy() / 2, floor,
                        floor > r.numpy() / 2 ? " (above the target: no float64 implementation on this machine can meet it)" : ""));
            }
            if (r.metric().equals(Workloads.TEST_MEDIAN))
                sb.append(String.format(Locale.ROOT, "%%nnote %%s: accuracies are the median of %d runs (seeds 0-%d) for the kit "
                        + "and PyTorch, and numpy's one run (its script has one seed); a single run moves by a point or two "
                        + "from seed to seed.", Workloads.SEEDS, Workloads.SEEDS - 1).formatted(r.workload()));
            if (r.metric().equals("test accuracy") && !Double.isNaN(r.numpy()))
                sb.append(String.format(Locale.ROOT, "%nnote %s: accuracies are one run each; SGD's last steps move a run's "
                        + "test accuracy by a point or two from seed to seed.", r.workload()));
        }
        return sb.length() == 0 ? "" : sb.append('\n').toString();
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        boolean torch = rows.stream().anyMatch(r -> !Double.isNaN(r.torch()));
        if (!torch) {
            String fmt = "| %-12s | %-56s | %12s | %12s | %-14s |%n";
            sb.append(String.format(Locale.ROOT, fmt, "workload", "metric", "java", "numpy", "java vs numpy"));
            sb.append(String.format(Locale.ROOT, fmt, "-".repeat(12), "-".repeat(56), "-".repeat(12), "-".repeat(12), "-".repeat(14)));
            for (Row r : rows)
                sb.append(String.format(Locale.ROOT, fmt, r.workload(), r.metric(), num(r.java()), num(r.numpy()), r.ratio()));
            return sb.toString();
        }
        String fmt = "| %-12s | %-56s | %12s | %12s | %-14s | %12s | %-14s |%n";
        sb.append(String.format(Locale.ROOT, fmt, "workload", "metric", "java", "numpy", "java vs numpy", "torch", "java vs torch"));
        sb.append(String.format(Locale.ROOT, fmt, "-".repeat(12), "-".repeat(56), "-".repeat(12), "-".repeat(12), "-".repeat(14),
                "-".repeat(12), "-".repeat(14)));
        for (Row r : rows)
            sb.append(String.format(Locale.ROOT, fmt, r.workload(), r.metric(), num(r.java()), num(r.numpy()), r.ratio(),
                    num(r.torch()), r.ratio(r.torch())));
        return sb.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "-";
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Runs the numpy reference for one workload and parses its JSON line; empty when unavailable. */
    static Map<String, Double> runNumpy(String workload) {
        Path script = Course.projectRoot().resolve("../shared/bench/ref_numpy.py").normalize();
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isRegularFile(script) || !Files.isExecutable(python)) {
            System.out.println("  numpy reference not run: needs " + script + " and " + python + " with numpy");
            return Map.of();
        }
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), workload));
        cmd.addAll(Workloads.numpyArgs(workload));
        System.out.println("running " + workload + " (numpy: " + String.join(" ", cmd) + ") ...");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // numpy as its users run it, on OpenBLAS's own threads: not the one thread lib/blas-env.sh gave this JVM
        if (System.getenv("DLFS_BLAS_THREADS") != null) pb.environment().remove("OPENBLAS_NUM_THREADS");
        return parseReference(output(pb, "numpy reference"));
    }

    static boolean torchPresent() {
        Path script = Course.projectRoot().resolve("../shared/bench/ref_torch.py").normalize();
        if (!Files.isRegularFile(script) || !Files.isExecutable(Path.of("/usr/bin/python3"))) return false;
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Runs the PyTorch reference ({@code ../shared/bench/ref_torch.py}, float32 except the float64
     * matmul rows; 2 threads, OpenBLAS on one) for one workload; its summaries count by their median.
     */
    static Map<String, Double> runTorch(String workload) {
        Path script = Course.projectRoot().resolve("../shared/bench/ref_torch.py").normalize();
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), "--threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()), workload));
        cmd.addAll(Workloads.torchArgs(workload));
        System.out.println("running " + workload + " (torch: OPENBLAS_NUM_THREADS=1 " + String.join(" ", cmd) + ") ...");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        return parseReference(output(pb, "torch reference"));
    }

    /**
     * What a process of the benchmark (a reference, or a workload in a JVM of its own) printed on
     * stdout, or "" after a line saying why it failed (exit code, 30 minutes, or not started).
     */
    static String output(ProcessBuilder pb, String what) {
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("  " + what + " failed: " + out.strip());
                return "";
            }
            return out;
        } catch (Exception e) {
            System.out.println("  " + what + " failed: " + e);
            return "";
        }
    }

    /** Numbers of a reference's JSON line: plain ones, {"min"/"max", "median"} summaries by their median, lists by their median. */
    static Map<String, Double> parseReference(String json) {
        Map<String, Double> m = new LinkedHashMap<>();
        Matcher mt = Pattern.compile("\"(\\w+)\": (?:(-?[0-9.eE+-]+)|\\{[^}]*\"median\": (-?[0-9.eE+-]+)[^}]*\\}|\\[([^\\]]*)\\])").matcher(json);
        while (mt.find()) {
            try {
                if (mt.group(2) != null) m.put(mt.group(1), Double.parseDouble(mt.group(2)));
                else if (mt.group(3) != null) m.put(mt.group(1), Double.parseDouble(mt.group(3)));
                else if (mt.group(4) != null && !mt.group(4).isBlank()) {
                    double[] v = java.util.Arrays.stream(mt.group(4).split(",")).map(String::strip)
                            .mapToDouble(Double::parseDouble).sorted().toArray();
                    m.put(mt.group(1), v[v.length / 2]);
                }
            } catch (NumberFormatException notNumbers) {
                // a list of strings: not a metric
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ timing helpers

    /** Best wall time in seconds of {@code reps} runs after {@code warmup} runs. */
    static double best(int warmup, int reps, Runnable r) {
        for (int i = 0; i < warmup; i++) r.run();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    static double median(List<Double> xs) {
        double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Mean µs per call over {@code calls} calls, best of 3 rounds, after warm-up. */
    static double microsPerCall(int calls, Supplier<NDArray> f) {
        Runnable round = () -> {
            for (int i = 0; i < calls; i++) f.get();
        };
        return best(2, 3, round) / calls * 1e6;
    }

    static Map<String, Double> matmul() {
        Map<String, Double> out = new LinkedHashMap<>();
        Rng rng = new Rng(0);
        NDArray a = rng.rand(1024, 1024), b = rng.rand(1024, 1024);
        double flops = 2.0 * 1024 * 1024 * 1024;
        int[][] small = {{100, 784, 50}, {100, 50, 10}, {784, 100, 50}};
        // the two fast kernels, interleaved round by round so that load from other processes hits both alike
        boolean nat = Gemm.nativeAvailable(), vec = Gemm.vectorAvailable();
        List<String> kernels = new ArrayList<>();
        if (nat) kernels.add("native");
        if (vec) kernels.add("vector");
        Map<String, List<Double>> gflops = new LinkedHashMap<>(), small0 = new LinkedHashMap<>();
        NDArray sx = rng.rand(100, 784), sy = rng.rand(784, 50);
        for (String kname : kernels) {
            Gemm.use(kname);
            best(2, 1, () -> a.dot(b)); // warm-up
            microsPerCall(500, () -> sx.dot(sy));
        }
        for (int round = 0; round < 5; round++)
            for (String kname : kernels) {
                Gemm.use(kname);
                gflops.computeIfAbsent(kname, x -> new ArrayList<>()).add(flops / best(0, 1, () -> a.dot(b)) / 1e9);
                small0.computeIfAbsent(kname, x -> new ArrayList<>()).add(microsPerCall(500, () -> sx.dot(sy)));
            }
        if (nat) out.put("GFLOPS 1024^3 float64 (native BLAS)", median(gflops.get("native")));
        if (vec) out.put("GFLOPS 1024^3 float64 (java, Vector API)", median(gflops.get("vector")));
        if (nat && vec) out.put("vector/native GFLOPS 1024^3 (same rounds)", median(gflops.get("vector")) / median(gflops.get("native")));
        Gemm.use("java");
        out.put("GFLOPS 1024^3 float64 (java, scalar kernel)", flops / best(1, 3, () -> a.dot(b)) / 1e9);
        if (nat) out.put("us/call (100x784)@(784x50), native", median(small0.get("native")));
        if (vec) out.put("us/call (100x784)@(784x50), vector", median(small0.get("vector")));
        Gemm.use("auto");
        int[][] shapes = small;
        for (int[] s : shapes) {
            NDArray x = rng.rand(s[0], s[1]), y = rng.rand(s[1], s[2]);
            out.put("us/call (" + s[0] + "x" + s[1] + ")@(" + s[1] + "x" + s[2] + ")", microsPerCall(2000, () -> x.dot(y)));
        }
        // the gradient products of Affine backward on the ch5 shapes, without transpose copies
        NDArray x = rng.rand(100, 784), dout = rng.rand(100, 50), w = rng.rand(784, 50);
        out.put("us/call x.T@dout (784x100)@(100x50)", microsPerCall(2000, () -> x.tdot(dout)));
        out.put("us/call dout@W.T (100x50)@(50x784)", microsPerCall(2000, () -> dout.dott(w)));
        return out;
    }
}
