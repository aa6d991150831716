package dlfs.experiments.ch8;

import dlfs.data.LoadOptions;
import dlfs.data.Augment;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.DeepConvNet;
import dlfs.nets.LeNet5;
import dlfs.nets.SequentialNet;
import dlfs.nets.SimpleConvNet;
import dlfs.optim.Adam;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import dlfs.train.Trainer;

/**
 * Trains the book's SimpleConvNet (ch7; or DeepConvNet, LeNet-5 with {@code --net}) with Adam (lr 0.001), batch 100, and prints, per epoch,
 * the seconds, the mean training loss and the test accuracy, then the peak heap. This is the
 * accuracy run the unit tests are too short for, and one way to time an epoch beside the numpy
 * reference ({@code ../shared/bench/ref_numpy.py simple_conv}).
 * <pre>
 *   java -cp ... dlfs.experiments.ch8.ConvNetRun [--net simple|deep|lenet] [--augment] DATASET [EPOCHS] [ITERS_PER_EPOCH] [SAVE_FILE]
 *   DATASET: digits (shipped 8,000/2,000 grayscale MNIST digits), mnist (full MNIST in data/ or else digits),
 *            mnist-t10k (real MNIST test set, 8,000/2,000; dev only), fashion (Fashion-MNIST 60,000/10,000)
 * </pre>
 * An epoch is trainSize/100 iterations unless ITERS_PER_EPOCH is given (600 matches the benchmark).
 */
public final class ConvNetRun {
    private ConvNetRun() {
    }

    /** The augmentation {@code --augment} applies: shifts up to ±2 px, rotations up to ±10°, scale ±10%. */
    public static final double AUG_SHIFT = 2, AUG_DEGREES = 10, AUG_SCALE = 0.1;

    public static String augmentDescription() {
        return "shift ±" + (int) AUG_SHIFT + " px, rotate ±" + (int) AUG_DEGREES + "°, scale ±" + (int) (AUG_SCALE * 100) + "%";
    }

    public static Dataset dataset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "digits" -> Datasets.digits(LoadOptions.normalized().images());
            case "mnist" -> Datasets.mnist(LoadOptions.normalized().images());
            case "mnist-t10k" -> Datasets.realMnistTest(LoadOptions.normalized().images());
            case "fashion" -> Datasets.fashionMnist(LoadOptions.normalized().images());
            default -> throw new IllegalArgumentException("ConvNetRun: dataset '" + name + "' is not digits, mnist, mnist-t10k or fashion");
        };
    }

    /** Peak heap use so far over all heap pools, in MiB. */
    public static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        return sum / (1024.0 * 1024.0);
    }

    /** CPU time of the whole process (all threads, GC and BLAS included), in nanoseconds. */
    public static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** A finished run: the trained net, its accuracy on the whole test set, and the mean wall time of an epoch. */
    public record Result(SequentialNet net, double testAccuracy, double secondsPerEpoch) {
    }

    /** The net {@code --net} names, built with its book initialisation from {@code rng}. */
    public static SequentialNet build(String which, Rng rng) {
        return switch (which) {
            case "simple" -> new SimpleConvNet(rng);
            case "deep" -> new DeepConvNet(rng);
            case "lenet" -> new LeNet5("relu", rng);
            default -> throw new IllegalArgumentException("ConvNetRun: --net must be simple, deep or lenet, got " + which);
        };
    }

    /**
     * Trains net {@code which} on {@code d} with Adam(0.001), batch 100, seed 42 (augmentation
     * seed 7): {@code epochs} epochs of {@code iters} iterations, each one {@link Trainer} run
     * (batches from the generator that built the net, the loss each batch had before its update),
     * printing one line per epoch to {@code out} when it is not null.
     */
    public static Result train(String which, Dataset d, int epochs, int iters, boolean augment, PrintStream out) {
        NDArray x = d.xTrain().ndim() == 4 ? d.xTrain() : d.xTrain().reshape(d.trainSize(), 1, 28, 28);
        NDArray xt = d.xTest().ndim() == 4 ? d.xTest() : d.xTest().reshape(d.testSize(), 1, 28, 28);
        Rng rng = new Rng(42);
        SequentialNet net = build(which, rng);
        Adam adam = new Adam(0.001);
        UnaryOperator<NDArray> aug = augment ? Augment.affine(AUG_SHIFT, AUG_DEGREES, AUG_SCALE, new Rng(7)) : UnaryOperator.identity();
        if (out != null)
            out.printf("%s on %s: %s; %d epochs of %d iterations, batch 100, Adam(0.001)%s%n", net.architecture(), d.name(),
                    d.description(), epochs, iters, augment ? ", augmented (" + augmentDescription() + ")" : "");
        double total = 0, totalCpu = 0;
        for (int e = 1; e <= epochs; e++) {
            long t0 = System.nanoTime(), c0 = processCpuNanos();
            double loss = new Trainer(net, adam).data(x, d.tTrain()).iterations(iters).batchSize(100).rng(rng).augment(aug)
                    .lossFromGradient(true).evaluate(false).verbose(false).train().meanLoss();
            double secs = (System.nanoTime() - t0) / 1e9, cpu = (processCpuNanos() - c0) / 1e9;
            total += secs;
            totalCpu += cpu;
            if (out != null)
                out.printf("epoch %2d  %6.2f s (CPU %6.2f s)  loss %.4f  test acc %.4f  peak heap %.0f MiB%n", e, secs, cpu, loss,
                        net.accuracy(xt, d.tTest()), peakHeapMiB());
        }
        double acc = net.accuracy(xt, d.tTest());
        if (out != null) {
            int first = Math.min(2000, d.testSize());
            out.printf("total %.1f s (%.2f s/epoch, process CPU %.2f s/epoch); final test accuracy %.4f on %d %s test images"
                            + " (%.4f on the first %d); peak heap %.0f MiB%n",
                    total, total / epochs, totalCpu / epochs, acc, d.testSize(), d.name(),
                    net.accuracy(xt.slice(0, first), d.tTest().slice(0, first)), first, peakHeapMiB());
        }
        return new Result(net, acc, total / epochs);
    }

    public static void main(String[] args) {
        String which = "simple";
        boolean augment = false;
        while (args.length >= 1 && args[0].startsWith("--")) {
            if (args[0].equals("--net") && args.length >= 2) {
                which = args[1];
                args = java.util.Arrays.copyOfRange(args, 2, args.length);
            } else if (args[0].equals("--augment")) {
                augment = true;
                args = java.util.Arrays.copyOfRange(args, 1, args.length);
            } else {
                System.err.println("ConvNetRun: unknown option " + args[0]);
                System.exit(2);
            }
        }
        if (args.length < 1) {
            System.err.println("usage: ConvNetRun [--net simple|deep|lenet] [--augment] digits|mnist|mnist-t10k|fashion [EPOCHS] [ITERS_PER_EPOCH] [SAVE_FILE]");
            System.exit(2);
        }
        Dataset d = dataset(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int iters = args.length > 2 ? Integer.parseInt(args[2]) : Math.max(d.trainSize() / 100, 1);
        Result r = train(which, d, epochs, iters, augment, System.out);
        SequentialNet net = r.net();
        if (args.length > 3) {
            net.save(Path.of(args[3]));
            System.out.println("saved to " + args[3]);
        }
    }
}
