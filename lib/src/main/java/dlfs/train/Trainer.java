package dlfs.train;

import dlfs.Course;
import dlfs.functions.Labels;
import dlfs.monitor.Divergence;
import dlfs.monitor.History;
import dlfs.monitor.TrainingDivergedException;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;
import dlfs.nets.Net;
import dlfs.optim.Optimizer;
import dlfs.param.Parameter;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The training loop of the kit, and its only one: ch4–ch5 (and the book's common/trainer.py), for
 * any {@link Net} and any {@link Optimizer}:
 * <pre>
 *   iter_per_epoch = max(train_size / batch_size, 1)
 *   for i in range(iters_num):
 *       batch_mask = np.random.choice(train_size, batch_size)
 *       grad = network.gradient(x_batch, t_batch)
 *       optimizer.update(network.params, grad)                   (here: optimizer.step(net.parameters()), the typed Parameters)
 *       train_loss_list.append(network.loss(x_batch, t_batch))   (or, with lossFromGradient, the loss gradient() saw)
 *       if i % iter_per_epoch == 0: record train and test accuracy
 * </pre>
 * Mini-batches are drawn at random with replacement from a seeded {@link Rng} ({@link #seed}, or
 * {@link #rng} to share a generator), so a run is reproducible; {@link #augment} passes each batch
 * through a transform first (ch8 data augmentation). Give the length as {@link #iterations} (the
 * ch5 way: 10,000) or {@link #epochs}. Targets may be class labels (N), one-hot rows or soft
 * probability rows (N, classes) such as label-smoothed ones.
 * Progress is one bar ({@link Progress}: epoch, iteration, loss, accuracy, time left) redrawn at
 * most twice a second, in a terminal or in a notebook, and one "done" line at the end.
 * After every update the {@link Divergence} check stops training with a
 * {@link TrainingDivergedException} that says where, with which learning rate, why and what to
 * change: a NaN or infinite loss, exploded weights, or a loss stuck at the cross-entropy's ceiling.
 * <p>
 * {@code new Trainer(net, new SGD(0.1)).data(xTrain, tTrain, xTest, tTest).iterations(10_000)
 * .batchSize(100).seed(42).train()}
 */
public final class Trainer {
    private final Net net;
    private final Optimizer optimizer;
    private NDArray xTrain, tTrain, xTest, tTest;
    private int iterations = -1, epochs = -1;
    private int batchSize = 100;
    private Long seed;
    private Rng rng;
    private UnaryOperator<NDArray> augment;
    private boolean evaluate = true;
    private boolean checkDivergence = true;
    private int evalSample = 0;
    private boolean verbose = true;
    private boolean lossFromGradient = false;
    private PrintStream out;  // null: the installed Progress display (a terminal bar on System.out, or the notebook's)

    public Trainer(Net net, Optimizer optimizer) {
        if (net == null) throw new IllegalArgumentException("Trainer: net is null");
        if (optimizer == null) throw new IllegalArgumentException("Trainer: optimizer is null");
        this.net = net;
        this.optimizer = optimizer;
    }

    /**
     * Training data (N, features) with targets t: labels (N), one-hot rows (N, classes) or soft
     * probability rows (N, classes). (The run itself is {@link #train()}.)
     */
    public Trainer data(NDArray x, NDArray t) {
        this.xTrain = x;
        this.tTrain = t;
        return this;
    }

    /** Test data, evaluated once per epoch. Optional. */
    public Trainer test(NDArray x, NDArray t) {
        this.xTest = x;
        this.tTest = t;
        return this;
    }

    /** Training and test data: {@link #data(NDArray, NDArray)} and {@link #test}. */
    public Trainer data(NDArray xTrain, NDArray tTrain, NDArray xTest, NDArray tTest) {
        return data(xTrain, tTrain).test(xTest, tTest);
    }

    /** Total number of mini-batch updates (the book's iters_num). */
    public Trainer iterations(int n) {
        if (n <= 0) throw new IllegalArgumentException("Trainer: iterations must be positive, got " + n);
        this.iterations = n;
        this.epochs = -1;
        return this;
    }

    /** Number of epochs, each max(trainSize / batchSize, 1) iterations. */
    public Trainer epochs(int n) {
        if (n <= 0) throw new IllegalArgumentException("Trainer: epochs must be positive, got " + n);
        this.epochs = n;
        this.iterations = -1;
        return this;
    }

    public Trainer batchSize(int n) {
        if (n <= 0) throw new IllegalArgumentException("Trainer: batchSize must be positive, got " + n);
        this.batchSize = n;
        return this;
    }

    /** Seed of the mini-batch sampler; without one (or {@link #rng}) the global {@link Rng} is used. */
    public Trainer seed(long s) {
        this.seed = s;
        this.rng = null;
        return this;
    }

    /**
     * Draws the mini-batches from {@code r} itself (it advances): to go on with the generator that
     * built the net, or to continue one stream over several runs (one run per epoch).
     */
    public Trainer rng(Rng r) {
        if (r == null) throw new IllegalArgumentException("Trainer: rng is null");
        this.rng = r;
        this.seed = null;
        return this;
    }

    /**
     * Passes every mini-batch through {@code a} before the gradient (e.g. {@link dlfs.data.Augment#affine}:
     * ch8 data augmentation); the training data itself is left as it is.
     */
    public Trainer augment(UnaryOperator<NDArray> a) {
        this.augment = a;
        return this;
    }

    /**
     * Whether to measure accuracy: once per epoch and on the whole sets at the end (default on).
     * Off, the history holds the losses only (accuracies NaN): for long runs that report accuracy
     * their own way.
     */
    public Trainer evaluate(boolean on) {
        this.evaluate = on;
        return this;
    }

    /**
     * Whether the {@link Divergence} check may stop a run whose weights exploded or whose loss is
     * stuck at the cross-entropy's ceiling (default on; off only to watch a run blow up). A NaN or
     * infinite loss always stops training.
     */
    public Trainer stopOnDivergence(boolean on) {
        this.checkDivergence = on;
        return this;
    }

    /** Evaluate per-epoch accuracy on at most n rows of each set (the book's evaluate_sample_num_per_epoch); 0 = all. */
    public Trainer evalSample(int n) {
        if (n < 0) throw new IllegalArgumentException("Trainer: evalSample must be >= 0, got " + n);
        this.evalSample = n;
        return this;
    }

    /**
     * Record the loss that {@code net.gradient} computed before the update ({@link Net#lastLoss()})
     * instead of the book's {@code network.loss(x_batch, t_batch)} after it: one forward pass less
     * per iteration (for benchmarks). Nets that do not keep their last loss fall back to the book's way.
     */
    public Trainer lossFromGradient(boolean on) {
        this.lossFromGradient = on;
        return this;
    }

    public Trainer verbose(boolean v) {
        this.verbose = v;
        return this;
    }

    /** Draws progress as a terminal bar on {@code p} (default: {@link Progress}'s display: System.out, or a notebook bar). */
    public Trainer out(PrintStream p) {
        this.out = p;
        return this;
    }

    /** iter_per_epoch = max(trainSize / batchSize, 1). */
    public int iterationsPerEpoch() {
        requireData();
        return Math.max(xTrain.shape(0) / batchSize, 1);
    }

    /** Runs the loop and returns what it recorded. */
    public History train() {
        requireData();
        int n = xTrain.shape(0);
        checkInputs();
        int perEpoch = iterationsPerEpoch();
        int total = iterations > 0 ? iterations : epochs > 0 ? epochs * perEpoch : perEpoch * 10;
        int evaluations = (total - 1) / perEpoch + 1;
        Rng rng = this.rng != null ? this.rng : seed != null ? new Rng(seed) : Rng.global();
        Divergence divergence = new Divergence(optimizer, net.params());
        History h = new History();
        Progress progress = !verbose ? Progress.silent(total)
                : out != null ? Progress.start(net.getClass().getSimpleName(), total, evaluate ? evaluations : 0, Progress.terminal(out))
                : Progress.start(net.getClass().getSimpleName(), total, evaluate ? evaluations : 0);
        long start = System.nanoTime();
        NDArray xBatch = xTrain.rows(new int[batchSize]), tBatch = tTrain.rows(new int[batchSize]); // refilled every iteration
        try {
            for (int i = 0; i < total; i++) {
                Course.stopIfInterrupted();
                int[] batchMask = rng.choice(n, batchSize);
                xTrain.rows(batchMask, xBatch);
                tTrain.rows(batchMask, tBatch);
                NDArray xb = augment == null ? xBatch : augment.apply(xBatch);
                Map<String, NDArray> grads = net.gradient(xb, tBatch);
                optimizer.step(Parameter.withGrads(net.parameters(), grads));
                double loss = lossFromGradient ? net.lastLoss() : Double.NaN;
                if (!lossFromGradient || Double.isNaN(loss)) loss = net.loss(xb, tBatch);
                try {
                    if (checkDivergence || !Double.isFinite(loss))
                        divergence.check(i, loss, net.lastPenalty(), net.params(),
                                "iteration " + i + " (epoch " + (i / perEpoch + 1) + " of " + evaluations + ")", h);
                } catch (TrainingDivergedException e) {
                    h.setSeconds((System.nanoTime() - start) / 1e9);
                    throw e;
                }
                h.addLoss(loss);
                if (evaluate && i % perEpoch == 0) {
                    double train = accuracy(xTrain, tTrain, evalSample);
                    double test = xTest == null ? Double.NaN : accuracy(xTest, tTest, evalSample);
                    h.addEpoch(i, train, test);
                    progress.epoch(i / perEpoch + 1, train, test);
                }
                progress.iteration(i + 1, loss);
            }
        } catch (RuntimeException | Error e) {
            progress.stopped();  // interrupted, or the loss diverged
            throw e;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double finalTrain = evaluate ? accuracy(xTrain, tTrain, 0) : Double.NaN;
        double finalTest = xTest == null || !evaluate ? Double.NaN : accuracy(xTest, tTest, 0);
        h.finish(finalTrain, finalTest, secs);
        progress.finish();
        if (verbose) {
            PrintStream to = out != null ? out : System.out;
            to.println(String.format(java.util.Locale.ROOT, "done: %d iterations in %.1f s%s", total, secs,
                    !evaluate ? String.format(java.util.Locale.ROOT, "; mean loss %.4f", h.meanLoss())
                            : String.format(java.util.Locale.ROOT, "; final train acc %.4f", finalTrain)
                            + (xTest == null ? "" : String.format(java.util.Locale.ROOT, ", test acc %.4f", finalTest))));
            to.flush();
        }
        return h;
    }

    /** Accuracy on the first limit rows (all if 0); the labels were checked before training. */
    private double accuracy(NDArray x, NDArray t, int limit) {
        int n = limit > 0 ? Math.min(limit, x.shape(0)) : x.shape(0);
        if (n == 0) return Double.NaN;
        return n == x.shape(0) ? net.accuracy(x, t) : net.accuracy(x.slice(0, n), t.slice(0, n));
    }

    private void requireData() {
        if (xTrain == null || tTrain == null)
            throw new IllegalStateException("Trainer: no training data; call data(xTrain, tTrain) or data(xTrain, tTrain, xTest, tTest) first");
    }

    /** Checks shapes and labels before any training; returns the number of classes the net outputs. */
    private int checkInputs() {
        checkPair("xTrain", xTrain, "tTrain", tTrain);
        if (xTest != null || tTest != null) {
            if (xTest == null || tTest == null)
                throw new IllegalArgumentException("Trainer: give both xTest and tTest, or neither");
            checkPair("xTest", xTest, "tTest", tTest);
            if (xTest.size() / xTest.shape(0) != xTrain.size() / xTrain.shape(0))
                throw new ShapeException("Trainer: xTest " + xTest.shapeString() + " has samples of a different size than xTrain "
                        + xTrain.shapeString());
        }
        NDArray scores;
        try {
            scores = net.predict(xTrain.slice(0, 1));
        } catch (ShapeException e) {
            throw new ShapeException("Trainer: xTrain " + xTrain.shapeString() + " does not fit the network: " + e.getMessage());
        }
        if (scores.ndim() != 2)
            throw new ShapeException("Trainer: the network's predict must return (N, classes) scores, got " + scores.shapeString());
        int classes = scores.shape(1);
        Labels.check("Trainer: tTrain", tTrain, tTrain.shape(0), classes);
        if (tTest != null) Labels.check("Trainer: tTest", tTest, tTest.shape(0), classes);
        return classes;
    }

    private static void checkPair(String xn, NDArray x, String tn, NDArray t) {
        if (x.ndim() < 2)
            throw new ShapeException("Trainer: " + xn + " must be (N, features), got " + x.shapeString());
        if (x.shape(0) == 0) throw new IllegalArgumentException("Trainer: " + xn + " " + x.shapeString() + " has no samples");
        if (t.ndim() == 0 || t.shape(0) != x.shape(0))
            throw new ShapeException("Trainer: " + xn + " has " + x.shape(0) + " rows " + x.shapeString() + " but " + tn + " has "
                    + (t.ndim() == 0 ? "none" : t.shape(0) + " " + t.shapeString()) + ": every sample needs exactly one label");
    }
}
