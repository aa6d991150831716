package dlfs.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Contour lines of a function of two variables, f(x, y) = level, by marching squares: what
 * matplotlib's {@code plt.contour(X, Y, Z)} draws under the ch4 gradient-descent path and the
 * ch6 optimizer paths over f(x, y) = x²/20 + y².
 *
 * <p>f is sampled on an {@code nx x ny} grid; each grid cell whose corners straddle the level
 * contributes a segment between two of its edges (at the linearly interpolated crossing), and the
 * segments are chained into polylines through the edges they share. Saddle cells are resolved by
 * the value at the cell centre.
 *
 * <p>Any finite grid works, with values and ranges up to ±{@link Double#MAX_VALUE} (differences
 * that would overflow are taken on halved values). Grid points where f is NaN or infinite are
 * left out: cells touching them draw no segment. A range {lo, hi} with lo == hi is widened
 * around the value (±10%, ±1 around zero); lo > hi is an error.
 */
public final class Contours {

    private Contours() {
    }

    /**
     * The contour lines of f at one level, as polylines {x[], y[]}.
     *
     * @param nx grid points along x (at least 2), ny along y
     */
    public static List<double[][]> lines(DoubleBinaryOperator f, double[] xRange, double[] yRange,
                                         int nx, int ny, double level) {
        double[][] z = sample(f, xRange, yRange, nx, ny);
        return lines(z, xRange, yRange, level);
    }

    /**
     * f sampled on the grid: z[j][i] = f(x_i, y_j), x_i evenly spaced over xRange (exactly its ends
     * at i = 0 and nx − 1), y_j over yRange.
     */
    public static double[][] sample(DoubleBinaryOperator f, double[] xRange, double[] yRange, int nx, int ny) {
        double[] xr = range("xRange", xRange);
        double[] yr = range("yRange", yRange);
        if (nx < 2 || ny < 2 || (long) nx * ny > 100_000_000L) {
            throw new IllegalArgumentException("contour grid needs 2x2 to 100 million points, got " + nx + "x" + ny);
        }
        double[] xs = Ranges.linspace(xr[0], xr[1], nx);
        double[] ys = Ranges.linspace(yr[0], yr[1], ny);
        double[][] z = new double[ny][nx];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                z[j][i] = f.applyAsDouble(xs[i], ys[j]);
            }
        }
        return z;
    }

    /**
     * Levels for a bowl-shaped surface: n levels from just above the grid's minimum up to the
     * smallest value on the grid's border (the highest level whose contour closes inside the
     * plot; the whole range when the border holds the minimum), spaced quadratically,
     * lo + (top − lo)(0.98 k/n)², so the contours of a quadratic such as x²/20 + y² come out as
     * evenly spaced ellipses, as in the book's ch6 figure (which masks Z > 7). A grid whose finite
     * values are all equal (or differ by rounding noise only, under 1e-12 of their size) has no levels.
     */
    public static double[] autoLevels(double[][] z, int n) {
        checkGrid(z);
        if (n < 0) {
            throw new IllegalArgumentException("autoLevels: n must be >= 0, got " + n);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double border = Double.POSITIVE_INFINITY;
        int ny = z.length;
        int nx = z[0].length;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double v = z[j][i];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    if (i == 0 || j == 0 || i == nx - 1 || j == ny - 1) {
                        border = Math.min(border, v);
                    }
                }
            }
        }
        if (Ranges.isFlat(lo, hi)) {
            return new double[0];   // constant (up to rounding): nothing to contour
        }
        double top = border <= hi && Ranges.fraction(border, lo, hi) > 1e-9 ? border : hi;
        double[] levels = new double[n];
        for (int k = 1; k <= n; k++) {
            double t = 0.98 * k / n;
            levels[k - 1] = Ranges.lerp(lo, top, t * t);
        }
        return levels;
    }

    /**
     * The contour lines at one level of an already sampled grid z[j][i] (rows of equal length);
     * a grid of one row or column has no cells and so no lines.
     */
    public static List<double[][]> lines(double[][] z, double[] xRangeGiven, double[] yRangeGiven, double level) {
        checkGrid(z);
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("contour level must be finite, got " + level);
        }
        double[] xRange = range("xRange", xRangeGiven);
        double[] yRange = range("yRange", yRangeGiven);
        int ny = z.length;
        int nx = z[0].length;
        // edge ids: horizontal edge from (i,j) to (i+1,j) -> 2*(j*nx+i); vertical (i,j)-(i,j+1) -> 2*(j*nx+i)+1
        Map<Integer, int[]> links = new HashMap<>();
        for (int j = 0; j < ny - 1; j++) {
            for (int i = 0; i < nx - 1; i++) {
                double v0 = z[j][i], v1 = z[j][i + 1], v2 = z[j + 1][i + 1], v3 = z[j + 1][i];
                if (!(Double.isFinite(v0) && Double.isFinite(v1) && Double.isFinite(v2) && Double.isFinite(v3))) {
                    continue;
                }
                int c = (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) | (v3 > level ? 8 : 0);
                int bottom = 2 * (j * nx + i);
                int right = 2 * (j * nx + i + 1) + 1;
                int top = 2 * ((j + 1) * nx + i);
                int left = 2 * (j * nx + i) + 1;
                boolean centreAbove = v0 / 4 + v1 / 4 + v2 / 4 + v3 / 4 > level;   // no overflow near MAX_VALUE
                switch (c) {
                    case 1, 14 -> link(links, left, bottom);
                    case 2, 13 -> link(links, bottom, right);
                    case 3, 12 -> link(links, left, right);
                    case 4, 11 -> link(links, right, top);
                    case 6, 9 -> link(links, bottom, top);
                    case 7, 8 -> link(links, left, top);
                    case 5 -> {
                        if (centreAbove) { link(links, bottom, right); link(links, top, left); }
                        else { link(links, left, bottom); link(links, right, top); }
                    }
                    case 10 -> {
                        if (centreAbove) { link(links, left, bottom); link(links, right, top); }
                        else { link(links, bottom, right); link(links, top, left); }
                    }
                    default -> { }
                }
            }
        }
        List<double[][]> out = new ArrayList<>();
        // open chains first (they start at an edge with one neighbour), then closed loops
        List<Integer> starts = new ArrayList<>(links.keySet());
        starts.sort((a, b) -> Integer.compare(degree(links.get(a)), degree(links.get(b))));
        for (int start : starts) {
            if (degree(links.get(start)) == 0) {
                continue;
            }
            List<Integer> chain = new ArrayList<>();
            chain.add(start);
            int cur = start;
            while (degree(links.get(cur)) > 0) {
                int next = links.get(cur)[0];
                unlink(links, cur, next);
                chain.add(next);
                cur = next;
            }
            if (chain.size() < 2) {
                continue;
            }
            double[] xs = new double[chain.size()];
            double[] ys = new double[chain.size()];
            for (int k = 0; k < chain.size(); k++) {
                double[] p = crossing(chain.get(k), z, nx, ny, xRange, yRange, level);
                xs[k] = p[0];
                ys[k] = p[1];
            }
            out.add(new double[][] {xs, ys});
        }
        return out;
    }

    private static double[] crossing(int edge, double[][] z, int nx, int ny, double[] xr, double[] yr, double level) {
        int cell = edge / 2;
        int i = cell % nx;
        int j = cell / nx;
        boolean vertical = (edge & 1) == 1;
        double va = z[j][i];
        double vb = vertical ? z[j + 1][i] : z[j][i + 1];
        double t = vb == va ? 0.5 : Math.max(0, Math.min(1, Ranges.fraction(level, va, vb)));
        double gx = i + (vertical ? 0 : t);
        double gy = j + (vertical ? t : 0);
        return new double[] {
            Ranges.lerp(xr[0], xr[1], Math.min(1, gx / (nx - 1))),
            Ranges.lerp(yr[0], yr[1], Math.min(1, gy / (ny - 1)))
        };
    }

    private static void link(Map<Integer, int[]> links, int a, int b) {
        add(links.computeIfAbsent(a, k -> new int[] {-1, -1}), b);
        add(links.computeIfAbsent(b, k -> new int[] {-1, -1}), a);
    }

    private static void add(int[] nb, int v) {
        if (nb[0] < 0) {
            nb[0] = v;
        } else {
            nb[1] = v;
        }
    }

    private static void unlink(Map<Integer, int[]> links, int a, int b) {
        if (a < 0 || b < 0) {
            return;
        }
        remove(links.get(a), b);
        remove(links.get(b), a);
    }

    private static void remove(int[] nb, int v) {
        if (nb == null) {
            return;
        }
        if (nb[0] == v) {
            nb[0] = nb[1];
            nb[1] = -1;
        } else if (nb[1] == v) {
            nb[1] = -1;
        }
    }

    private static int degree(int[] nb) {
        return (nb[0] >= 0 ? 1 : 0) + (nb[1] >= 0 ? 1 : 0);
    }

    /** A range {lo, hi} checked (finite, lo ≤ hi) and, when lo == hi, widened (see the class comment). */
    static double[] range(String name, double[] r) {
        if (r == null || r.length != 2 || !(r[1] >= r[0]) || !Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
            throw new IllegalArgumentException(name + " must be {lo, hi} with finite lo <= hi, got "
                + (r == null ? "null" : Arrays.toString(r)));
        }
        return Ranges.widen(r[0], r[1]);
    }

    private static void checkGrid(double[][] z) {
        if (z == null || z.length == 0 || z[0] == null || z[0].length == 0) {
            throw new IllegalArgumentException("contour grid z is empty");
        }
        for (int j = 0; j < z.length; j++) {
            if (z[j] == null || z[j].length != z[0].length) {
                throw new IllegalArgumentException("contour grid z: row " + j + " has "
                    + (z[j] == null ? 0 : z[j].length) + " values but row 0 has " + z[0].length);
            }
        }
    }
}
