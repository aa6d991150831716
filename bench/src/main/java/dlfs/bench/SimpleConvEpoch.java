package dlfs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.data.LoadOptions;
import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.Net;
import dlfs.nets.SimpleConvNet;
import dlfs.optim.Adam;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * simple_conv's epoch in a JVM of its own, which {@link Workloads#simpleConv} starts with the
 * heap capped at {@value #HEAP_CAP_MIB} MiB ({@code -Xmx}), issue 16's target for a whole process,
 * data included: the peak it reports cannot pass what the process was allowed, and an epoch that
 * needed more would fail rather than report it. The process holds only this dtype's data:
 * <ul>
 *   <li>float32: the images loaded straight into float32 ({@link LoadOptions#dtype}), 188 MiB;</li>
 *   <li>float64: the pixels 0..255 in float32, each batch divided by 255 in float64 as it is taken
 *       ({@link Workloads.Data#batch}): numpy's {@code x / 255.0} to the last bit, in 188 MiB
 *       instead of 376;</li>
 * </ul>
 * and of the test set only the first 2,000 images it scores. Prints one JSON line: the epoch's
 * seconds, the test accuracy, the heap's peak since the JVM started (the pools' peaks, garbage not
 * yet collected included), the most heap in use just after a collection (the live data and what
 * the old generation had not collected yet) and the seconds of GC pauses during the epoch.
 */
final class SimpleConvEpoch {
    /** The heap cap of the epoch's JVM, in MiB: issue 16's target. */
    static final int HEAP_CAP_MIB = 600;
    private static final int TEST_N = 2000, BATCH = 100;

    private SimpleConvEpoch() {
    }

    /** The command that runs one dtype's epoch: this JVM's java, options (but its heap size) and class path, and the cap. */
    static List<String> command(Dtype dt) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments())
            if (!a.startsWith("-Xmx") && !a.startsWith("-Xms") && !a.startsWith("-XX:MaxHeapSize") && !a.startsWith("-XX:InitialHeapSize")
                    && !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentlib") && !a.startsWith("-javaagent"))
                cmd.add(a);
        cmd.addAll(List.of("-Xmx" + HEAP_CAP_MIB + "m", "-cp", System.getProperty("java.class.path"),
                SimpleConvEpoch.class.getName(), dt.toString()));
        return cmd;
    }

    public static void main(String[] args) {
        Dtype dt = args.length == 1 && args[0].equals("float32") ? Dtype.FLOAT32 : Dtype.FLOAT64;
        AtomicLong afterGc = watchHeapAfterCollections();
        Workloads.Data d = data(dt);
        long gc0 = gcMillis();
        SimpleConvNet net = new SimpleConvNet(new Rng(0));
        double seconds = Workloads.secondsToTrain(net, new Adam(0.001), d, BATCH, 600);
        double gcSeconds = (gcMillis() - gc0) / 1e3;
        double acc = testAccuracy(net, d);
        System.out.println(String.format(Locale.ROOT, "{\"dtype\": \"%s\", \"seconds\": %.2f, \"test_acc\": %.4f, \"peak_heap_mib\": %.1f, "
                        + "\"after_gc_mib\": %.1f, \"gc_seconds\": %.2f, \"max_heap_mib\": %d}", dt, seconds, acc, peakHeapMiB(),
                afterGc.get() / 1048576.0, gcSeconds, Runtime.getRuntime().maxMemory() >> 20));
    }

    /** This dtype's training images and the first 2,000 test images, held as the class comment says. */
    static Workloads.Data data(Dtype dt) {
        boolean pixels = dt == Dtype.FLOAT64;
        LoadOptions o = (pixels ? LoadOptions.raw() : LoadOptions.normalized()).images().dtype(Dtype.FLOAT32);
        Dataset all = Datasets.fashionMnist(o);
        return new Workloads.Data(all.xTrain(), all.tTrain(), all.xTest().slice(0, TEST_N), all.tTest().slice(0, TEST_N), pixels);
    }

    /** Test accuracy 100 images at a time (a training batch's size: the layers' buffers keep theirs). */
    static double testAccuracy(Net net, Workloads.Data d) {
        int n = d.xTest().shape(0), correct = 0;
        NDArray buf = d.xTest().slice(0, BATCH);
        for (int from = 0; from < n; from += BATCH) {
            int[] rows = new int[BATCH];
            for (int i = 0; i < BATCH; i++) rows[i] = from + i;
            correct += Net.correct(net.predict(d.batch(d.xTest(), rows, buf)), d.tTest().slice(from, from + BATCH));
        }
        return (double) correct / n;
    }

    /** The most heap in use just after any collection from now on, in bytes (the collectors' notifications). */
    static AtomicLong watchHeapAfterCollections() {
        AtomicLong max = new AtomicLong();
        Set<String> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                long used = 0;
                var after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo().getMemoryUsageAfterGc();
                for (var e : after.entrySet()) if (heap.contains(e.getKey())) used += e.getValue().getUsed();
                max.accumulateAndGet(used, Math::max);
            }, null, null);
        return max;
    }

    /** Sum of the heap pools' peak use since the JVM started, in MiB (garbage not yet collected included). */
    static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage peak = p.getPeakUsage();
            if (p.getType() == MemoryType.HEAP && peak != null) sum += peak.getUsed();
        }
        return sum / 1048576.0;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, g.getCollectionTime());
        return sum;
    }
}
