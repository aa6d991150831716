package dlfs.bench;

import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.data.LoadOptions;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.Init;
import dlfs.nets.Net;
import dlfs.nets.TwoLayerNet;
import dlfs.optim.Momentum;
import dlfs.optim.Optimizer;
import dlfs.optim.SGD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The benchmark's workloads by name, each the same computation as the numpy reference's workload
 * of that name ({@code ../shared/bench/ref_numpy.py}) on the same data (Debian's Fashion-MNIST),
 * and how their metrics line up with the reference's JSON keys.
 */
final class Workloads {
    private static final Map<String, Callable<Map<String, Double>>> ALL = new LinkedHashMap<>();
    private static final Map<String, String> NUMPY_KEYS = new LinkedHashMap<>();
    /** Our metric to ref_torch.py's JSON key (torch is float32 in training; its matmul rows are float64). */
    private static final Map<String, String> TORCH_KEYS = new LinkedHashMap<>();
    /** two_layer's runs for its accuracies (seeds 0 .. SEEDS−1), and the PyTorch reference's repeats. */
    static final int SEEDS = 5;
    static final String TRAIN_MEDIAN = "train accuracy, median of " + SEEDS + " seeds";
    static final String TEST_MEDIAN = "test accuracy, median of " + SEEDS + " seeds";
    static final String TEST_RANGE_LOW = "test accuracy, lowest of the " + SEEDS + " seeds";
    static final String TEST_RANGE_HIGH = "test accuracy, highest of the " + SEEDS + " seeds";

    static {
        ALL.put("matmul", Benchmark::matmul);
        ALL.put("two_layer", Workloads::twoLayer);
        ALL.put("bp1024", Workloads::bp1024);
        ALL.put("simple_conv", Workloads::simpleConv);
        NUMPY_KEYS.put("GFLOPS 1024^3 float64 (native BLAS)", "gflops_1024_float64");
        NUMPY_KEYS.put("GFLOPS 1024^3 float64 (java, scalar kernel)", "gflops_1024_float64");
        NUMPY_KEYS.put("GFLOPS 1024^3 float64 (java, Vector API)", "gflops_1024_float64");
        NUMPY_KEYS.put("us/call (100x784)@(784x50), native", "us_100x784x50");
        NUMPY_KEYS.put("us/call (100x784)@(784x50), vector", "us_100x784x50");
        TORCH_KEYS.put("GFLOPS 1024^3 float64 (native BLAS)", "gflops_1024x1024x1024_float64");
        TORCH_KEYS.put("GFLOPS 1024^3 float64 (java, scalar kernel)", "gflops_1024x1024x1024_float64");
        TORCH_KEYS.put("GFLOPS 1024^3 float64 (java, Vector API)", "gflops_1024x1024x1024_float64");
        TORCH_KEYS.put("us/call (100x784)@(784x50)", "us_100x784x50_float64");
        TORCH_KEYS.put("us/call (100x784)@(784x50), native", "us_100x784x50_float64");
        TORCH_KEYS.put("us/call (100x784)@(784x50), vector", "us_100x784x50_float64");
        TORCH_KEYS.put("seconds for 10,000 iterations", "seconds");
        TORCH_KEYS.put("seconds for one epoch (234 iterations)", "seconds");
        TORCH_KEYS.put("seconds per epoch (600 iterations)", "seconds_per_epoch_600_extrapolated");
        TORCH_KEYS.put("train accuracy", "train_acc");
        TORCH_KEYS.put("test accuracy", "test_acc");
        TORCH_KEYS.put("test accuracy (first 2,000)", "test_acc");
        TORCH_KEYS.put(TRAIN_MEDIAN, "train_acc");
        TORCH_KEYS.put(TEST_MEDIAN, "test_acc");
        NUMPY_KEYS.put(TRAIN_MEDIAN, "train_acc");
        NUMPY_KEYS.put(TEST_MEDIAN, "test_acc");
        NUMPY_KEYS.put("us/call (100x784)@(784x50)", "us_100x784x50");
        NUMPY_KEYS.put("us/call (100x50)@(50x10)", "us_100x50x10");
        NUMPY_KEYS.put("us/call (784x100)@(100x50)", "us_784x100x50");
        NUMPY_KEYS.put("us/call x.T@dout (784x100)@(100x50)", "us_784x100x50");
        NUMPY_KEYS.put("seconds for 10,000 iterations", "seconds");
        NUMPY_KEYS.put("seconds for one epoch (234 iterations)", "seconds");
        NUMPY_KEYS.put("seconds per epoch (600 iterations)", "seconds_per_epoch_600");
        NUMPY_KEYS.put("train accuracy", "train_acc");
        NUMPY_KEYS.put("test accuracy", "test_acc");
        NUMPY_KEYS.put("test accuracy (first 2,000)", "test_acc_first_2000");
    }

    private Workloads() {
    }

    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    static Map<String, Double> run(String name) throws Exception {
        Callable<Map<String, Double>> w = ALL.get(name);
        if (w == null) throw new IllegalArgumentException("unknown workload '" + name + "'; choose from " + ALL.keySet());
        return w.call();
    }

    static List<String> numpyArgs(String workload) {
        // a whole 600-iteration epoch (about a minute in numpy), so both accuracies come after the same training
        return workload.equals("simple_conv") ? List.of("--iters", "600") : List.of();
    }

    /** ref_torch.py's options: one run each (its timings are medians of windows or rounds), a 2,000-image test for simple_conv. */
    static List<String> torchArgs(String workload) {
        switch (workload) {
            case "two_layer": return List.of("--repeat", Integer.toString(SEEDS)); // its accuracies: the median of the seeds' runs
            case "bp1024": return List.of("--repeat", "1");
            case "simple_conv": return List.of("--iters", "200", "--test-n", "2000");
            default: return List.of();
        }
    }

    /** The torch JSON key that matches one of our metrics, or null. */
    static String torchKey(String metric) {
        return TORCH_KEYS.get(base(metric));
    }

    /** The suffix of the float32 run's metrics. */
    static final String F32 = " [float32]";

    /** A metric without its dtype suffix. */
    static String base(String metric) {
        return metric.endsWith(F32) ? metric.substring(0, metric.length() - F32.length()) : metric;
    }

    /** The numpy JSON key that matches one of our metrics (the metric itself when numpy has none). */
    static String numpyKey(String metric) {
        return NUMPY_KEYS.getOrDefault(base(metric), base(metric));
    }

    static boolean higherIsBetter(String metric) {
        return metric.startsWith("GFLOPS") || metric.contains("acc");
    }

    /**
     * ch5 TwoLayerNet 784-50-10, std 0.01, SGD lr 0.1, batch 100, 10,000 random mini-batches: timed
     * once (init seed 0, batch seed 1), and trained with {@value #SEEDS} seeds in all for its
     * accuracies. One run's accuracy says little: the last SGD steps at lr 0.1 move it by a point or
     * two (numpy's model and loop over seeds 0-5 gave test accuracies of 86.6-87.8%), so the accuracy
     * rows are the median of the seeds' runs, as the PyTorch reference's over its {@value #SEEDS}
     * seeds; numpy's script has one seed.
     */
    static Map<String, Double> twoLayer() {
        Dataset d = Datasets.fashionMnist(LoadOptions.normalized());
        Map<String, Double> out = new LinkedHashMap<>();
        for (Dtype dt : DTYPES) {
            Data data = Data.of(d, dt);
            String time = "seconds for 10,000 iterations";
            List<Double> train = new ArrayList<>(), test = new ArrayList<>();
            for (int seed = 0; seed < SEEDS; seed++) {
                TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(seed));
                double seconds = secondsToTrain(net, new SGD(0.1), data, 100, 10_000, seed + 1);
                if (seed == 0) out.put(name(time, dt), seconds);
                if (seed == 0 && dt == Dtype.FLOAT64) out.put(MATMUL_FLOOR, matmulFloor(d.xTrain(), net.params().get("W1")));
                train.add(net.accuracy(data.xTrain(), data.tTrain()));
                test.add(net.accuracy(data.xTest(), data.tTest()));
            }
            out.put(name(TRAIN_MEDIAN, dt), Benchmark.median(train));
            out.put(name(TEST_MEDIAN, dt), Benchmark.median(test));
            out.put(name(TEST_RANGE_LOW, dt), java.util.Collections.min(test));
            out.put(name(TEST_RANGE_HIGH, dt), java.util.Collections.max(test));
        }
        return out;
    }

    /** Each training workload runs in both dtypes: float64 (the teaching default), then float32 data and activations. */
    static final List<Dtype> DTYPES = List.of(Dtype.FLOAT64, Dtype.FLOAT32);

    static String name(String metric, Dtype dt) {
        return dt == Dtype.FLOAT32 ? metric + F32 : metric;
    }

    /**
     * A workload's arrays in one dtype: the images converted ({@code astype}), the labels as they
     * are. Parameters and optimizer state stay float64 in both runs: the layers meet a float32
     * batch with float32 copies of their weights and hand back float64 gradients.
     *
     * @param pixels the images are held as float32 pixel values 0..255 (exact in float32) and each
     *               batch is divided by 255 in float64 as it is taken: numpy's {@code x / 255.0} to
     *               the last bit, in half the memory of float64 images (simple_conv's float64 run)
     */
    record Data(NDArray xTrain, NDArray tTrain, NDArray xTest, NDArray tTest, boolean pixels) {
        static Data of(Dataset d, Dtype dt) {
            return new Data(d.xTrain().astype(dt), d.tTrain(), d.xTest().astype(dt), d.tTest(), false);
        }

        /** Rows {@code mask} of images {@code x} (the training or the test images) as the net takes them, via {@code into}, a buffer of their shape. */
        NDArray batch(NDArray x, int[] mask, NDArray into) {
            NDArray b = x.rows(mask, into);
            return pixels ? b.astype(Dtype.FLOAT64).divi(255.0) : b;
        }
    }

    static final String MATMUL_FLOOR = "seconds in its 2 big matmuls alone";

    /**
     * The floor under two_layer's time: 10,000 × the two products every iteration must make,
     * x·W1 (100×784)·(784×50) forward and xᵀ·dz1 (784×100)·(100×50) for ∂L/∂W1, nothing else.
     */
    static double matmulFloor(NDArray x, NDArray w1) {
        Rng rng = new Rng(2);
        NDArray xb = x.rows(rng.choice(x.shape(0), 100)), dz = rng.randn(100, 50);
        for (int i = 0; i < 200; i++) xb.matmul(w1).sum(); // warm up
        long start = System.nanoTime();
        double sink = 0;
        for (int i = 0; i < 10_000; i++) {
            sink += xb.matmul(w1).data()[0];
            sink += xb.tdot(dz).data()[0];
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return Double.isNaN(sink) ? Double.NaN : secs;
    }

    /** The 002 setup as the reference runs it: hidden 1024 ReLU, He init, Momentum 0.9 lr 0.01, batch 256, one epoch. */
    static Map<String, Double> bp1024() {
        Dataset d = Datasets.fashionMnist(LoadOptions.normalized());
        Map<String, Double> out = new LinkedHashMap<>();
        for (Dtype dt : DTYPES) {
            Rng rng = new Rng(0);
            TwoLayerNet net = new TwoLayerNet(784, 1024, 10, Init.heStd(784), rng);
            net.params().get("W2").assign(Init.he(1024, 10, rng));
            train(net, new Momentum(0.01, 0.9), Data.of(d, dt), 256, 60_000 / 256, "seconds for one epoch (234 iterations)")
                    .forEach((k, v) -> out.put(name(k, dt), v));
        }
        return out;
    }

    private static Map<String, Double> train(Net net, Optimizer opt, Data d, int batch, int iters, String timeMetric) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(timeMetric, secondsToTrain(net, opt, d, batch, iters));
        out.put("train accuracy", net.accuracy(d.xTrain(), d.tTrain()));
        out.put("test accuracy", net.accuracy(d.xTest(), d.tTest()));
        return out;
    }

    /** Wall time of {@code iters} steps on random mini-batches (batch seed 1), as the reference's loop. */
    static double secondsToTrain(Net net, Optimizer opt, Data d, int batch, int iters) {
        return secondsToTrain(net, opt, d, batch, iters, 1);
    }

    /** The same with the mini-batches drawn by {@code new Rng(batchSeed)}. */
    static double secondsToTrain(Net net, Optimizer opt, Data d, int batch, int iters, long batchSeed) {
        NDArray x = d.xTrain(), t = d.tTrain();
        Rng rng = new Rng(batchSeed);
        long start = System.nanoTime();
        NDArray xb = x.rows(new int[batch]), tb = t.rows(new int[batch]); // batch buffers, refilled every step
        for (int i = 0; i < iters; i++) {
            int[] mask = rng.choice(x.shape(0), batch);
            opt.update(net.params(), net.gradient(d.batch(x, mask, xb), t.rows(mask, tb)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * ch7 SimpleConvNet, Adam lr 0.001, batch 100: one real 600-iteration epoch in each dtype, each
     * in a JVM of its own whose heap is capped at {@value SimpleConvEpoch#HEAP_CAP_MIB} MiB, issue 16's
     * target for the whole process, data included (see {@link SimpleConvEpoch}).
     */
    static Map<String, Double> simpleConv() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Dtype dt : DTYPES) {
            List<String> cmd = SimpleConvEpoch.command(dt);
            System.out.println("running simple_conv " + dt + " in a JVM of its own (-Xmx" + SimpleConvEpoch.HEAP_CAP_MIB + "m) ...");
            Map<String, Double> r = Benchmark.parseReference(
                    Benchmark.output(new ProcessBuilder(cmd).redirectErrorStream(true), "simple_conv " + dt));
            out.put(name("seconds per epoch (600 iterations)", dt), r.getOrDefault("seconds", Double.NaN));
            out.put(name("test accuracy (first 2,000)", dt), r.getOrDefault("test_acc", Double.NaN));
            out.put(name(PEAK_HEAP, dt), r.getOrDefault("peak_heap_mib", Double.NaN));
            out.put(name(AFTER_GC, dt), r.getOrDefault("after_gc_mib", Double.NaN));
            out.put(name(GC_SECONDS, dt), r.getOrDefault("gc_seconds", Double.NaN));
        }
        return out;
    }

    static final String PEAK_HEAP = "peak heap MiB (process capped at " + SimpleConvEpoch.HEAP_CAP_MIB + " MiB)";
    static final String AFTER_GC = "heap in use after GC MiB, max";
    static final String GC_SECONDS = "GC seconds in the epoch";
}
