package dlfs.monitor;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a training run recorded (ch4 "记录精度", ch5 training loop): the mini-batch loss of every
 * iteration (the book's {@code train_loss_list}) and, once per epoch, the train and test accuracy
 * ({@code train_acc_list}, {@code test_acc_list}) with the iteration it was measured after; the
 * final accuracies on the whole sets; and the wall-clock time.
 */
public final class History {
    private final List<Double> loss = new ArrayList<>();
    private final List<Integer> epochIterations = new ArrayList<>();
    private final List<Double> trainAcc = new ArrayList<>();
    private final List<Double> testAcc = new ArrayList<>();
    private double finalTrainAcc = Double.NaN, finalTestAcc = Double.NaN;
    private double seconds;

    /** Records one iteration's mini-batch loss (the recording side, written by a training loop such as {@code dlfs.train.Trainer}). */
    public void addLoss(double l) {
        loss.add(l);
    }

    /** Records one epoch's train and test accuracy, measured after {@code iteration}. */
    public void addEpoch(int iteration, double train, double test) {
        epochIterations.add(iteration);
        trainAcc.add(train);
        testAcc.add(test);
    }

    /** Records the final accuracies on the whole sets and the run's wall-clock time. */
    public void finish(double finalTrain, double finalTest, double secs) {
        finalTrainAcc = finalTrain;
        finalTestAcc = finalTest;
        seconds = secs;
    }

    /** Records the wall-clock time of a run that stopped early. */
    public void setSeconds(double secs) {
        seconds = secs;
    }

    /** Mini-batch loss per iteration. */
    public double[] loss() {
        return toArray(loss);
    }

    /** The mean of the mini-batch losses (NaN before any iteration). */
    public double meanLoss() {
        if (loss.isEmpty()) return Double.NaN;
        double s = 0;
        for (double l : loss) s += l;
        return s / loss.size();
    }

    /** Train accuracy per epoch (on at most evalSample rows). */
    public double[] trainAcc() {
        return toArray(trainAcc);
    }

    /** Test accuracy per epoch (NaN if no test set was given). */
    public double[] testAcc() {
        return toArray(testAcc);
    }

    /** The 0-based iteration after which each epoch's accuracy was measured. */
    public int[] epochIterations() {
        return epochIterations.stream().mapToInt(Integer::intValue).toArray();
    }

    public int iterations() {
        return loss.size();
    }

    public int epochs() {
        return trainAcc.size();
    }

    /** Accuracy on the whole training set after the last iteration. */
    public double finalTrainAcc() {
        return finalTrainAcc;
    }

    /** Accuracy on the whole test set after the last iteration (NaN without a test set). */
    public double finalTestAcc() {
        return finalTestAcc;
    }

    public double seconds() {
        return seconds;
    }

    public List<Double> lossList() {
        return Collections.unmodifiableList(loss);
    }

    /**
     * One row per epoch: {@code epoch, iteration, loss} (mean mini-batch loss since the previous
     * epoch row), {@code train_acc, test_acc}.
     */
    public Table toTable() {
        int e = epochs();
        int[] ep = new int[e], it = epochIterations();
        double[] meanLoss = new double[e];
        int from = 0;
        for (int i = 0; i < e; i++) {
            ep[i] = i + 1;
            int to = Math.min(it[i] + 1, loss.size());
            double s = 0;
            for (int j = from; j < to; j++) s += loss.get(j);
            meanLoss[i] = to > from ? s / (to - from) : Double.NaN;
            from = to;
        }
        return Table.create("training history",
                IntColumn.create("epoch", ep),
                IntColumn.create("iteration", it),
                DoubleColumn.create("loss", meanLoss),
                DoubleColumn.create("train_acc", trainAcc()),
                DoubleColumn.create("test_acc", testAcc()));
    }

    /** One row per iteration: {@code iteration, loss}. */
    public Table lossTable() {
        int n = loss.size();
        int[] it = new int[n];
        for (int i = 0; i < n; i++) it[i] = i;
        return Table.create("loss per iteration", IntColumn.create("iteration", it), DoubleColumn.create("loss", loss()));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "History(%d iterations, %d epochs, final loss %.4f, final train %.4f, test %.4f, %.1f s)",
                iterations(), epochs(), loss.isEmpty() ? Double.NaN : loss.get(loss.size() - 1), finalTrainAcc, finalTestAcc, seconds);
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }
}
