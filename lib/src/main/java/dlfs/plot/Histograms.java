package dlfs.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms: ch6's weight-initialisation experiment, one panel of activations per layer on shared
 * bins ({@link #activationHistograms}), and the bin counts themselves ({@link #histogram}). Bin
 * edges are one array, exactly lo and hi at the ends and never decreasing, so counts do not depend
 * on how the last bits of a computation round on this CPU. Notebooks reach these through
 * {@link Plots}.
 */
public final class Histograms {

    private Histograms() {
    }

    /**
     * The ch6 weight-initialisation experiment: a histogram of each layer's activations, one panel
     * per layer in a row (the map's order), with the same bins and the same count axis on every
     * panel so layers compare at a glance. The bins span [0, 1] when all values lie there
     * (sigmoid), else the values' overall range (tanh, ReLU); a range that is a single value
     * (every activation equal) is widened around it. The bin edges are one array shared by the
     * counts and the outline, exactly lo and hi at the ends and never decreasing, so the figure
     * does not depend on how lo + (hi − lo)·b/bins rounds on this CPU.
     *
     * @throws IllegalArgumentException for no layers, an empty layer, bins outside 1..1000, or a
     *         layer with NaN or infinite values (named: {@code layer "ReLU, Xavier" has 3 NaN values})
     */
    public static BufferedImage activationHistograms(Map<String, double[]> activationsPerLayer, int bins) {
        List<XYChart> panels = histogramPanels(activationsPerLayer, bins);
        return Charts.grid(panels, panels.size(), HIST_W, HIST_H);
    }

    private static final int HIST_W = 230;
    private static final int HIST_H = 250;

    /** The panels of {@link #activationHistograms}, one chart per layer (its outline the series named after the layer). */
    static List<XYChart> histogramPanels(Map<String, double[]> activationsPerLayer, int bins) {
        if (activationsPerLayer.isEmpty()) {
            throw new IllegalArgumentException("activationHistograms: no layers given");
        }
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException("activationHistograms: bins must be in 1..1000, got " + bins);
        }
        for (Map.Entry<String, double[]> e : activationsPerLayer.entrySet()) {
            String layer = "layer " + Ranges.quote(e.getKey());
            Ranges.checkNonEmpty("activationHistograms: " + layer, e.getValue());
            Ranges.checkFinite("activationHistograms", layer, e.getValue());
        }
        double[] range = Ranges.finiteMinMax(activationsPerLayer.values().toArray(new double[0][]));
        if (range[0] >= 0 && range[1] <= 1) {
            range = new double[] {0, 1};
        }
        range = Ranges.widen(range[0], range[1]);
        double lo = range[0];
        double hi = range[1];
        double[] edges = Ranges.edges(lo, hi, bins);
        Map<String, double[]> counts = new LinkedHashMap<>();
        double top = 0;
        for (Map.Entry<String, double[]> e : activationsPerLayer.entrySet()) {
            double[] c = counts(e.getValue(), edges);
            for (double v : c) {
                top = Math.max(top, v);
            }
            counts.put(e.getKey(), c);
        }
        List<XYChart> panels = new ArrayList<>();
        int layer = 0;
        for (Map.Entry<String, double[]> e : counts.entrySet()) {
            XYChart c = BasicCharts.xy(e.getKey(), dlfs.Course.text("activation", "激活值"), layer == 0 ? dlfs.Course.text("count", "频数") : "", HIST_W, HIST_H);
            double[][] step = stepOutline(e.getValue(), edges);
            XYSeries s = c.addSeries(e.getKey(), step[0], step[1]);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Charts.color(0).darker());
            s.setFillColor(new Color(0x1f, 0x77, 0xb4, 170));
            s.setLineWidth(1f);
            c.getStyler().setLegendVisible(false);
            c.getStyler().setXAxisMin(lo);
            c.getStyler().setXAxisMax(hi);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(top * 1.05);
            c.getStyler().setChartTitleFont(new java.awt.Font(Charts.font(), java.awt.Font.BOLD, 13));
            c.getStyler().setPlotGridVerticalLinesVisible(false);
            c.getStyler().setYAxisDecimalPattern("#");
            panels.add(c);
            layer++;
        }
        return panels;
    }

    /**
     * Counts of values in {@code bins} equal bins over [lo, hi]: bin b holds edge_b ≤ v &lt; edge_b+1,
     * hi itself falls in the last bin, values outside [lo, hi] are not counted. lo == hi is
     * widened around the value (see {@link Plots}), so every value equal to it is counted.
     *
     * @throws IllegalArgumentException for bins outside 1..1000000, lo > hi, a non-finite lo or
     *         hi, or NaN / infinite values
     */
    public static double[] histogram(double[] values, int bins, double lo, double hi) {
        if (bins < 1 || bins > 1_000_000) {
            throw new IllegalArgumentException("histogram: bins must be in 1..1000000, got " + bins);
        }
        double[] r = Ranges.interval("histogram", lo, hi);
        Ranges.checkFinite("histogram", "values", values);
        return counts(values, Ranges.edges(r[0], r[1], bins));
    }

    private static double[] counts(double[] values, double[] edges) {
        double[] c = new double[edges.length - 1];
        for (double a : values) {
            int b = Ranges.bin(edges, a);
            if (b >= 0) {
                c[b]++;
            }
        }
        return c;
    }

    /** The outline of a histogram as one x-ascending polyline: 0 at edges[0], each bin's flat top, 0 at the last edge. */
    private static double[][] stepOutline(double[] counts, double[] edges) {
        int bins = counts.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = edges[0];
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges[b];
            x[2 * b + 2] = edges[b + 1];
            y[2 * b + 1] = counts[b];
            y[2 * b + 2] = counts[b];
        }
        x[2 * bins + 1] = edges[bins];
        y[2 * bins + 1] = 0;
        return new double[][] {x, y};
    }
}
