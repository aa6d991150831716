package dlfs.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How training went: ch4/ch5's loss per iteration ({@link #lossCurve}) and train/test accuracy per
 * epoch ({@link #accuracyCurves}), ch6's comparisons of optimizers, weight inits and batch norm
 * ({@link #compare}, with the book's {@code smooth_curve} as {@link #smooth}), and ch6's random
 * hyperparameter search ({@link #hyperparameterScatter}). Notebooks reach these through
 * {@link Plots}.
 */
public final class TrainingCharts {

    private TrainingCharts() {
    }

    /** Loss per iteration (the ch4/ch5 training loss curve). */
    public static XYChart lossCurve(double[] lossPerIteration) {
        return lossCurve(lossPerIteration, 1);
    }

    /**
     * Loss per iteration with a moving average of {@code window} iterations drawn over the raw
     * (faint) curve, so the trend of a noisy mini-batch loss is visible. window 1 draws the raw curve only.
     */
    public static XYChart lossCurve(double[] lossPerIteration, int window) {
        Ranges.checkNonEmpty("lossCurve", lossPerIteration);
        Ranges.checkFinite("lossCurve", "loss", lossPerIteration);
        double[] it = arange(lossPerIteration.length);
        XYChart chart = BasicCharts.xy(dlfs.Course.text("training loss", "损失函数值的推移"), dlfs.Course.text("iteration", "迭代次数"), dlfs.Course.text("loss", "损失函数值"));
        if (window <= 1) {
            BasicCharts.addLine(chart, dlfs.Course.text("loss", "损失函数值"), it, lossPerIteration).setLineWidth(1.5f);
            chart.getStyler().setLegendVisible(false);
        } else {
            XYSeries raw = BasicCharts.addLine(chart, dlfs.Course.text("loss", "损失函数值"), it, lossPerIteration);
            raw.setLineColor(new Color(0x1f, 0x77, 0xb4, 80));
            raw.setLineWidth(1f);
            BasicCharts.addLine(chart, dlfs.Course.text("moving average (", "移动平均（") + window + dlfs.Course.text(")", "）"), it, smooth(lossPerIteration, window))
                .setLineColor(new Color(0x1f77b4));
        }
        return chart;
    }

    /**
     * Train and test accuracy per epoch on [0, 1] (the book's ch4/ch5 figure: 'o' for train,
     * 's' for test, legend lower right). The two arrays must have the same length.
     */
    public static XYChart accuracyCurves(double[] train, double[] test) {
        Ranges.checkSameLength("accuracyCurves", "train", train, "test", test);
        Ranges.checkNonEmpty("accuracyCurves", train);
        Ranges.checkFinite("accuracyCurves", "train", train);
        Ranges.checkFinite("accuracyCurves", "test", test);
        double[] epochs = arange(train.length);
        XYChart chart = BasicCharts.xy(dlfs.Course.text("accuracy per epoch", "各 epoch 的识别精度"), dlfs.Course.text("epochs", "epoch"), dlfs.Course.text("accuracy", "识别精度"));
        XYSeries a = BasicCharts.addLine(chart, dlfs.Course.text("train acc", "训练数据"), epochs, train);
        a.setMarker(SeriesMarkers.CIRCLE);
        XYSeries b = BasicCharts.addLine(chart, dlfs.Course.text("test acc", "测试数据"), epochs, test);
        b.setMarker(SeriesMarkers.SQUARE);
        b.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        return chart;
    }

    /**
     * Several curves against their index (ch6: loss of SGD / Momentum / AdaGrad / Adam, or of
     * weight inits, or with and without batch norm), one colour each, in the map's order.
     */
    public static XYChart compare(Map<String, double[]> curves, String xLabel, String yLabel, String title) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("compare: no curves given");
        }
        XYChart chart = BasicCharts.xy(title, xLabel, yLabel);
        for (Map.Entry<String, double[]> e : curves.entrySet()) {
            Ranges.checkNonEmpty("compare: curve " + Ranges.quote(e.getKey()), e.getValue());
            Ranges.checkFinite("compare", "curve " + Ranges.quote(e.getKey()), e.getValue());
            BasicCharts.addLine(chart, e.getKey(), arange(e.getValue().length), e.getValue()).setLineWidth(1.8f);
        }
        return chart;
    }

    /**
     * Centred moving average over {@code window} points (shrinking at the ends), the role of the
     * book's {@code smooth_curve} in its ch6 comparisons. NaN values are skipped (a window of
     * NaN only gives NaN); the average of finite values is finite even near Double.MAX_VALUE.
     */
    public static double[] smooth(double[] y, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("smooth: window must be >= 1, got " + window);
        }
        int half = window / 2;
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int from = Math.max(0, i - half);
            int to = (int) Math.min(y.length, (long) i - half + window);
            out[i] = Ranges.mean(y, from, to);
        }
        return out;
    }

    /**
     * The ch6 random hyperparameter search: each trial a point at (learning rate, weight decay),
     * both on log axes, coloured by its validation accuracy in four bands, so the good region
     * stands out.
     */
    public static XYChart hyperparameterScatter(double[] lr, double[] weightDecay, double[] valAcc) {
        Ranges.checkSameLength("hyperparameterScatter", "lr", lr, "weightDecay", weightDecay);
        Ranges.checkSameLength("hyperparameterScatter", "lr", lr, "valAcc", valAcc);
        Ranges.checkNonEmpty("hyperparameterScatter", lr);
        Ranges.checkFinite("hyperparameterScatter", "lr", lr);
        Ranges.checkFinite("hyperparameterScatter", "weightDecay", weightDecay);
        Ranges.checkFinite("hyperparameterScatter", "valAcc", valAcc);
        for (int k = 0; k < lr.length; k++) {
            if (!(lr[k] > 0) || !(weightDecay[k] > 0)) {
                throw new IllegalArgumentException("hyperparameterScatter: trial " + k + " has lr " + lr[k]
                    + ", weight decay " + weightDecay[k] + ": log axes need values > 0");
            }
        }
        double[] edges = {Double.NEGATIVE_INFINITY, 0.5, 0.7, 0.85, Double.POSITIVE_INFINITY};
        String[] names = {dlfs.Course.text("val acc < 0.5", "验证精度 < 0.5"), "0.5 – 0.7", "0.7 – 0.85", "≥ 0.85"};
        Color[] colors = {new Color(0xbbbbbb), new Color(0xf4a259), new Color(0x5b8e7d), new Color(0x1f4e8c)};
        XYChart chart = BasicCharts.xy(dlfs.Course.text("random search: validation accuracy", "随机搜索：验证数据的识别精度"),
            dlfs.Course.text("learning rate", "学习率"), dlfs.Course.text("weight decay", "权值衰减"));
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        for (int band = 0; band < names.length; band++) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int k = 0; k < lr.length; k++) {
                if (valAcc[k] >= edges[band] && valAcc[k] < edges[band + 1]) {
                    x.add(lr[k]);
                    y.add(weightDecay[k]);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(names[band], x, y);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colors[band]);
        }
        return chart;
    }

    private static double[] arange(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
