package dlfs.experiments.ch6;

import dlfs.Course;
import dlfs.data.Dataset;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNet;
import dlfs.optim.SGD;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import dlfs.monitor.History;
import dlfs.train.Trainer;
import dlfs.monitor.TrainingDivergedException;

/**
 * Random hyperparameter search on a log scale (ch6, "高效寻找超参数"; the book's
 * {@code hyperparameter_optimization.py}):
 * <ol>
 *   <li>hold out 20% of the training data as validation data (never the test data: that would
 *       tune the hyperparameters to the test set);</li>
 *   <li>sample the learning rate and the weight decay λ log-uniformly, {@code 10^U(lo, hi)}
 *       (the book: lr in 10^[−6, −2], λ in 10^[−8, −4]);</li>
 *   <li>train briefly (few epochs) with each sample and record the validation accuracy;</li>
 *   <li>sort by validation accuracy and narrow the ranges around the best.</li>
 * </ol>
 * The net is the book's MultiLayerNet 784-[100×6]-10 with SGD and batch 100.
 * <pre>
 *   Table t = new HyperparameterSearch().trials(100).epochs(50).run(dataset.head(500, 0));
 * </pre>
 */
public final class HyperparameterSearch {
    private double lrLo = -6, lrHi = -2, wdLo = -8, wdHi = -4;
    private int trials = 100, epochs = 50;
    private double validation = 0.2;
    private long seed = 0;
    private int[] hidden = {100, 100, 100, 100, 100, 100};
    private final List<History> histories = new ArrayList<>();

    /** The log10 range of the learning rate (book: −6, −2). */
    public HyperparameterSearch learningRate(double log10Lo, double log10Hi) {
        checkRange("learning rate", log10Lo, log10Hi);
        lrLo = log10Lo;
        lrHi = log10Hi;
        return this;
    }

    /** The log10 range of the weight decay λ (book: −8, −4). */
    public HyperparameterSearch weightDecay(double log10Lo, double log10Hi) {
        checkRange("weight decay", log10Lo, log10Hi);
        wdLo = log10Lo;
        wdHi = log10Hi;
        return this;
    }

    public HyperparameterSearch trials(int n) {
        if (n <= 0) throw new IllegalArgumentException("HyperparameterSearch: trials must be positive, got " + n);
        trials = n;
        return this;
    }

    public HyperparameterSearch epochs(int n) {
        if (n <= 0) throw new IllegalArgumentException("HyperparameterSearch: epochs must be positive, got " + n);
        epochs = n;
        return this;
    }

    /** Fraction of the training data held out for validation (book: 0.2). */
    public HyperparameterSearch validation(double fraction) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("HyperparameterSearch: validation fraction must be in (0, 1), got " + fraction);
        validation = fraction;
        return this;
    }

    public HyperparameterSearch hidden(int... sizes) {
        hidden = sizes.clone();
        return this;
    }

    public HyperparameterSearch seed(long s) {
        seed = s;
        return this;
    }

    private static void checkRange(String what, double lo, double hi) {
        if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi))
            throw new IllegalArgumentException("HyperparameterSearch: " + what + " range 10^" + lo + " .. 10^" + hi + " is not a range");
    }

    /**
     * Runs the search on the dataset's training data (its test data is not touched) and returns
     * one row per trial, columns {@code trial, lr, weight_decay, val_acc, train_acc}, sorted by
     * validation accuracy, best first. Diverged trials (NaN loss) get accuracy 0.
     */
    public Table run(Dataset data) {
        Dataset.Split split = data.splitValidation(validation, seed);
        return run(split.xTrain(), split.tTrain(), split.xVal(), split.tVal());
    }

    public Table run(NDArray xTrain, NDArray tTrain, NDArray xVal, NDArray tVal) {
        Rng rng = new Rng(seed);
        histories.clear();
        IntColumn trial = IntColumn.create("trial");
        DoubleColumn lrs = DoubleColumn.create("lr"), wds = DoubleColumn.create("weight_decay"),
                val = DoubleColumn.create("val_acc"), train = DoubleColumn.create("train_acc");
        int n = xTrain.shape(0), in = xTrain.size() / n;
        int out = tTrain.ndim() == 2 ? tTrain.shape(1) : 10;
        for (int i = 0; i < trials; i++) {
            Course.stopIfInterrupted();
            double wd = Math.pow(10, wdLo + (wdHi - wdLo) * rng.nextDouble());
            double lr = Math.pow(10, lrLo + (lrHi - lrLo) * rng.nextDouble());
            MultiLayerNet net = new MultiLayerNet(in, hidden, out, "relu", "relu", wd, rng);
            double v, tr;
            History h;
            try {
                h = new Trainer(net, new SGD(lr)).data(xTrain.reshape(n, in), tTrain, xVal.reshape(xVal.shape(0), in), tVal)
                        .epochs(epochs).batchSize(Math.min(100, n)).seed(seed + i).verbose(false).train();
                v = h.finalTestAcc();
                tr = h.finalTrainAcc();
            } catch (TrainingDivergedException e) {
                h = e.history();
                v = 0;
                tr = 0;
            }
            histories.add(h);
            trial.append(i + 1);
            lrs.append(lr);
            wds.append(wd);
            val.append(v);
            train.append(tr);
        }
        Table t = Table.create("hyperparameter search (" + trials + " trials, " + epochs + " epochs, "
                + Math.round(validation * 100) + "% validation)", trial, lrs, wds, val, train);
        return t.sortDescendingOn("val_acc");
    }

    /** The training histories of the last run, in trial order (trial k is element k − 1). */
    public List<History> histories() {
        return List.copyOf(histories);
    }
}
