package dlfs.experiments.ch6;

import dlfs.data.LoadOptions;
import dlfs.data.Dataset;
import dlfs.data.Datasets;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import dlfs.monitor.History;

class Ch6ExperimentsTest {
    private static double std(NDArray v) {
        return Math.sqrt(v.sub(v.mean()).square().mean());
    }

    @Test
    void activationHistogramsShowWhatTheBookShows() {
        List<NDArray> sig1 = InitExperiment.activations("sigmoid", "1", new Rng(0));
        assertEquals(5, sig1.size());
        assertArrayEquals(new int[]{1000, 100}, sig1.get(4).shape());
        assertTrue(InitExperiment.saturated("sigmoid", sig1.get(4)) > 0.4, "σ=1 sigmoid: values pile up at 0 and 1");
        assertTrue(std(InitExperiment.activations("sigmoid", "0.01", new Rng(0)).get(4)) < 0.02, "σ=0.01: all near 0.5");
        double xavier = std(InitExperiment.activations("sigmoid", "xavier", new Rng(0)).get(4));
        assertTrue(xavier > 0.1 && InitExperiment.saturated("sigmoid", InitExperiment.activations("sigmoid", "xavier", new Rng(0)).get(4)) == 0,
                "Xavier keeps a spread without saturating: std " + xavier);
        List<NDArray> reluSmall = InitExperiment.activations("relu", "0.01", new Rng(0));
        assertTrue(std(reluSmall.get(4)) < 1e-5, "ReLU σ=0.01 vanishes");
        List<NDArray> he = InitExperiment.activations("relu", "he", new Rng(0));
        double ratio = std(he.get(4)) / std(he.get(0));
        assertTrue(ratio > 0.5 && ratio < 2, "He keeps the spread from layer 1 to 5: ratio " + ratio);
        assertEquals(Math.sqrt(2.0 / 100), InitExperiment.std("he", 100), 1e-15); // the book's √(2/n), not the seed's 2/√n
        Table t = InitExperiment.summary(new String[]{"tanh"}, new String[]{"xavier"}, 0);
        assertEquals(5, t.rowCount());
    }

    @Test
    void overfittingAndWeightDecay() {
        Dataset d = Datasets.digits(LoadOptions.normalized()).head(300, 1000);
        History plain = Regularization.overfit(d.xTrain(), d.tTrain(), d.xTest(), d.tTest(), 0, 0, 60, 1);
        History decay = Regularization.overfit(d.xTrain(), d.tTrain(), d.xTest(), d.tTest(), 0.1, 0, 60, 1);
        double gapPlain = plain.finalTrainAcc() - plain.finalTestAcc();
        double gapDecay = decay.finalTrainAcc() - decay.finalTestAcc();
        assertEquals(60, plain.trainAcc().length);
        assertTrue(plain.finalTrainAcc() > 0.9, "300 samples are (nearly) memorised: train " + plain.finalTrainAcc());
        assertTrue(gapPlain > 0.1, "overfitting: train " + plain.finalTrainAcc() + " test " + plain.finalTestAcc());
        assertTrue(gapDecay < gapPlain, "weight decay narrows the gap: " + gapDecay + " vs " + gapPlain);
        History drop = Regularization.overfit(d.xTrain(), d.tTrain(), d.xTest(), d.tTest(), 0, 0.2, 5, 1);
        assertEquals(5, drop.testAcc().length);
    }

    @Test
    void randomSearchOnLogScaleSortedByValidationAccuracy() {
        Dataset d = Datasets.digits(LoadOptions.normalized()).head(500, 0);
        HyperparameterSearch s = new HyperparameterSearch().trials(4).epochs(2).hidden(50, 50).seed(3);
        Table t = s.run(d);
        assertEquals(4, t.rowCount());
        assertEquals(List.of("trial", "lr", "weight_decay", "val_acc", "train_acc"), t.columnNames());
        for (int i = 0; i < 4; i++) {
            double lr = t.doubleColumn("lr").get(i), wd = t.doubleColumn("weight_decay").get(i);
            assertTrue(lr >= 1e-6 && lr <= 1e-2, "lr " + lr);
            assertTrue(wd >= 1e-8 && wd <= 1e-4, "wd " + wd);
            if (i > 0) assertTrue(t.doubleColumn("val_acc").get(i - 1) >= t.doubleColumn("val_acc").get(i));
        }
        assertEquals(4, s.histories().size());
        // 20% of 500 held out: the validation accuracy is a multiple of 1/100
        double v = t.doubleColumn("val_acc").get(0) * 100;
        assertEquals(Math.round(v), v, 1e-9);
    }

    @Test
    void dataFitsThePlotHelpers() {
        Map<String, double[][]> p = OptimizerPaths.bookComparison();
        java.awt.image.BufferedImage img = dlfs.plot.Plots.optimizerPaths(p, OptimizerPaths::f, new double[]{-10, 10}, new double[]{-5, 5});
        assertTrue(img.getWidth() > 0);
        Map<String, double[]> layers = InitExperiment.byLayer(InitExperiment.activations("sigmoid", "xavier", new Rng(0)));
        assertEquals(List.of("1-layer", "2-layer", "3-layer", "4-layer", "5-layer"), List.copyOf(layers.keySet()));
        assertEquals(100_000, layers.get("5-layer").length);
        assertTrue(dlfs.plot.Plots.activationHistograms(layers, 30).getWidth() > 0);
    }
}
