package dlfs.experiments.ch6;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nets.MultiLayerNet;
import dlfs.nets.MultiLayerNetExtend;
import dlfs.nets.Net;
import dlfs.optim.SGD;

import java.util.LinkedHashMap;
import java.util.Map;
import dlfs.monitor.History;
import dlfs.train.Trainer;

/**
 * The overfitting demos of ch6 ("过拟合", "权值衰减", "Dropout"; the book's
 * {@code overfit_weight_decay.py} and {@code overfit_dropout.py}): a 7-layer net (6 hidden layers
 * of 100 ReLU units, He init) trained on only 300 samples with SGD (lr 0.01), batch 100, so it
 * memorises the training set (train accuracy → 1.0) while test accuracy stays far lower. Weight
 * decay λ = 0.1 or Dropout shrink that gap. Each run returns the {@link History} (per-epoch train
 * and test accuracy) for the notebook to plot.
 */
public final class Regularization {
    /** The book's setup. */
    public static final int TRAIN_SAMPLES = 300;
    public static final int[] HIDDEN = {100, 100, 100, 100, 100, 100};

    private Regularization() {
    }

    /**
     * Trains the 7-layer net on the first 300 training samples for {@code epochs} epochs (the book:
     * 201 for weight decay, 301 for dropout), evaluating on the whole test set each epoch.
     * {@code weightDecay} 0 = none; {@code dropoutRatio} 0 = no Dropout layers.
     */
    public static History overfit(NDArray xTrain, NDArray tTrain, NDArray xTest, NDArray tTest,
                                  double weightDecay, double dropoutRatio, int epochs, long seed) {
        if (xTrain.shape(0) < TRAIN_SAMPLES)
            throw new IllegalArgumentException("overfit: needs at least " + TRAIN_SAMPLES + " training samples, got " + xTrain.shape(0));
        NDArray x = xTrain.slice(0, TRAIN_SAMPLES), t = tTrain.slice(0, TRAIN_SAMPLES);
        int in = x.size() / TRAIN_SAMPLES;
        int out = tTrain.ndim() == 2 ? tTrain.shape(1) : 10;
        Rng rng = new Rng(seed);
        Net net = dropoutRatio > 0
                ? MultiLayerNetExtend.builder(in, HIDDEN, out).weightDecay(weightDecay).dropout(dropoutRatio).rng(rng).build()
                : new MultiLayerNet(in, HIDDEN, out, "relu", "relu", weightDecay, rng);
        return new Trainer(net, new SGD(0.01)).data(x.reshape(TRAIN_SAMPLES, in), t, xTest.reshape(xTest.shape(0), in), tTest)
                .epochs(epochs).batchSize(100).seed(seed).verbose(false).train();
    }

    /**
     * The book's three runs: no regularisation, weight decay λ = 0.1, and dropout 0.2 (the
     * notebook can add 0.15 as the seed's variant), by name.
     */
    public static Map<String, History> bookRuns(NDArray xTrain, NDArray tTrain, NDArray xTest, NDArray tTest, int epochs, long seed) {
        Map<String, History> runs = new LinkedHashMap<>();
        runs.put("none", overfit(xTrain, tTrain, xTest, tTest, 0, 0, epochs, seed));
        runs.put("weight decay 0.1", overfit(xTrain, tTrain, xTest, tTest, 0.1, 0, epochs, seed));
        runs.put("dropout 0.2", overfit(xTrain, tTrain, xTest, tTest, 0, 0.2, epochs, seed));
        return runs;
    }
}
