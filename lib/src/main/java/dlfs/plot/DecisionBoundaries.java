package dlfs.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * ch2's perceptron pictures: where a two-input classifier outputs 1 and where 0 over [-0.5, 1.5]²,
 * the boundary between them, and the four inputs of a truth table ({@link #decisionBoundary}: AND,
 * OR, and why XOR needs a second layer). Notebooks reach this through {@link Plots}.
 */
public final class DecisionBoundaries {

    private DecisionBoundaries() {
    }

    /**
     * A perceptron's (or any two-input classifier's) output over [-0.5, 1.5]²: the region where it
     * outputs 1 shaded blue, where it outputs 0 orange, the boundary drawn, and the four inputs
     * (0,0), (0,1), (1,0), (1,1) marked ● for output 1 and ▲ for output 0 (the book's ch2
     * figures of AND, OR, and why XOR needs a second layer).
     *
     * @param gate (x1, x2) -> output; values above 0.5 count as 1 (e.g. {@code Perceptron::fire})
     */
    public static XYChart decisionBoundary(DoubleBinaryOperator gate, String title) {
        double[] r = {-0.5, 1.5};
        int n = 160;
        double cell = (r[1] - r[0]) / n;
        XYChart chart = BasicCharts.xy(title, "x1", "x2", 520, 500);
        double[][] z = new double[n + 1][n + 1];
        List<Double> ones = new ArrayList<>(), onesY = new ArrayList<>(), zeros = new ArrayList<>(), zerosY = new ArrayList<>();
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                double x1 = r[0] + i * cell;
                double x2 = r[0] + j * cell;
                z[j][i] = gate.applyAsDouble(x1, x2) > 0.5 ? 1 : 0;
                if (z[j][i] > 0.5) {
                    ones.add(x1);
                    onesY.add(x2);
                } else {
                    zeros.add(x1);
                    zerosY.add(x2);
                }
            }
        }
        region(chart, dlfs.Course.text("output 0", "输出 0"), zeros, zerosY, new Color(0xfde0c5), cell);
        region(chart, dlfs.Course.text("output 1", "输出 1"), ones, onesY, new Color(0xc9dcf0), cell);
        Polylines boundary = new Polylines();
        for (double[][] pl : Contours.lines(z, r, r, 0.5)) {
            refineBoundary(gate, pl, r[0], cell);
            boundary.add(pl[0], pl[1]);
        }
        if (!boundary.isEmpty()) {
            XYSeries b = chart.addSeries("boundary", boundary.xs(), boundary.ys());
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(new Color(0x333333));
            b.setLineWidth(2f);
            b.setShowInLegend(false);
        }
        List<Double> px1 = new ArrayList<>(), py1 = new ArrayList<>(), px0 = new ArrayList<>(), py0 = new ArrayList<>();
        for (int x1 = 0; x1 <= 1; x1++) {
            for (int x2 = 0; x2 <= 1; x2++) {
                boolean one = gate.applyAsDouble(x1, x2) > 0.5;
                (one ? px1 : px0).add((double) x1);
                (one ? py1 : py0).add((double) x2);
            }
        }
        if (!px1.isEmpty()) {
            XYSeries s = chart.addSeries("y = 1", px1, py1);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(0x1f4e8c));
        }
        if (!px0.isEmpty()) {
            XYSeries s = chart.addSeries("y = 0", px0, py0);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(new Color(0xc0392b));
        }
        chart.getStyler().setMarkerSize(14);
        chart.getStyler().setXAxisMin(r[0]);
        chart.getStyler().setXAxisMax(r[1]);
        chart.getStyler().setYAxisMin(r[0]);
        chart.getStyler().setYAxisMax(r[1]);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return chart;
    }

    /**
     * A contour of a 0/1 grid crosses each grid edge at its midpoint, which makes a staircase;
     * bisect the gate along that edge for the true crossing (to 1e-6 of a cell).
     */
    private static void refineBoundary(DoubleBinaryOperator gate, double[][] pl, double origin, double cell) {
        for (int k = 0; k < pl[0].length; k++) {
            double x = pl[0][k];
            double y = pl[1][k];
            double gy = (y - origin) / cell;
            boolean horizontalEdge = Math.abs(gy - Math.rint(gy)) < 1e-6;
            double centre = horizontalEdge ? x : y;
            // the grid saw a change across this edge; a boundary through a grid point may hide it
            // from the edge's own ends (rounding), so widen the bracket once before giving up
            double a = centre - cell / 2;
            double b = centre + cell / 2;
            if (side(gate, horizontalEdge, x, y, a) == side(gate, horizontalEdge, x, y, b)) {
                a = centre - cell;
                b = centre + cell;
                if (side(gate, horizontalEdge, x, y, a) == side(gate, horizontalEdge, x, y, b)) {
                    continue;
                }
            }
            boolean va = side(gate, horizontalEdge, x, y, a);
            for (int it = 0; it < 24; it++) {
                double m = (a + b) / 2;
                if (side(gate, horizontalEdge, x, y, m) == va) {
                    a = m;
                } else {
                    b = m;
                }
            }
            if (horizontalEdge) {
                pl[0][k] = (a + b) / 2;
            } else {
                pl[1][k] = (a + b) / 2;
            }
        }
    }

    private static boolean side(DoubleBinaryOperator gate, boolean alongX, double x, double y, double t) {
        return (alongX ? gate.applyAsDouble(t, y) : gate.applyAsDouble(x, t)) > 0.5;
    }

    private static void region(XYChart chart, String name, List<Double> x, List<Double> y, Color c, double cell) {
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        // each grid point fills its cell; the cell's size in pixels is read from the chart's
        // current layout, so the regions tile at whatever size the chart is painted
        s.setMarker(new org.knowm.xchart.style.markers.Marker() {
            @Override
            public void paint(java.awt.Graphics2D g, double xOffset, double yOffset, int markerSize) {
                double w = Math.abs(chart.getScreenXFromChart(cell) - chart.getScreenXFromChart(0)) + 1;
                double h = Math.abs(chart.getScreenYFromChart(cell) - chart.getScreenYFromChart(0)) + 1;
                g.fill(new java.awt.geom.Rectangle2D.Double(xOffset - w / 2, yOffset - h / 2, w, h));
            }
        });
        s.setMarkerColor(c);
    }
}
