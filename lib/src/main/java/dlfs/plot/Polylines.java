package dlfs.plot;

import java.util.ArrayList;
import java.util.List;

/** Many polylines in one XChart series, separated by NaN breaks (one series, one legend entry). */
final class Polylines {
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private int total;

    void add(double[] x, double[] y) {
        xs.add(x);
        ys.add(y);
        total += x.length + 1;
    }

    boolean isEmpty() {
        return xs.isEmpty();
    }

    double[] xs() {
        return flatten(xs, true);
    }

    double[] ys() {
        return flatten(ys, false);
    }

    private double[] flatten(List<double[]> parts, boolean isX) {
        double[] out = new double[total - 1];
        int k = 0;
        for (int p = 0; p < parts.size(); p++) {
            double[] a = parts.get(p);
            System.arraycopy(a, 0, out, k, a.length);
            k += a.length;
            if (p < parts.size() - 1) {
                // break the line: x repeats the last x (axis ranges stay finite), y is NaN
                out[k++] = isX ? a[a.length - 1] : Double.NaN;
            }
        }
        return out;
    }
}
