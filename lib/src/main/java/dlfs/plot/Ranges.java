package dlfs.plot;

/**
 * Range, bin and scale arithmetic for the figures that holds for every finite input.
 *
 * <p>Floating-point results differ in their last bits between CPUs and BLAS kernels, so nothing
 * here relies on two separately computed values comparing the same way: bin edges come from one
 * array whose first and last entries are the range's own ends and which never decreases
 * ({@link #edges}), and bins are assigned against that array ({@link #bin}). Spans wider than
 * {@link Double#MAX_VALUE} (say from -1e308 to 1e308) are computed on halved values instead of
 * overflowing, and a range that is one value (or whose spread is lost in rounding) is widened
 * ({@link #widen}) instead of dividing by zero.
 */
final class Ranges {

    /** Spans below this are treated as no span at all (they are subnormal numbers). */
    static final double MIN_SPAN = Double.MIN_NORMAL;
    /** A spread this small relative to the values' magnitude is rounding noise, drawn as flat. */
    static final double RELATIVE_FLAT = 1e-12;
    /** Values smaller than this in magnitude count as zero when a range around them is chosen. */
    private static final double ZERO = 1e-300;

    private Ranges() {
    }

    /** min and max of the finite values in the arrays, or {+Inf, -Inf} when there are none. */
    static double[] finiteMinMax(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * True when [lo, hi] is too narrow to draw or bin: empty or reversed, a subnormal span, or a
     * spread of at most {@value #RELATIVE_FLAT} of the values' magnitude. A span too wide for a
     * double (it overflows to infinity) is not flat.
     */
    static boolean isFlat(double lo, double hi) {
        double span = hi - lo;
        return !(span >= MIN_SPAN) || span <= Math.max(Math.abs(lo), Math.abs(hi)) * RELATIVE_FLAT;
    }

    /**
     * [lo, hi] itself when it is not {@linkplain #isFlat flat}, else a range around its middle m:
     * m ± |m|/10, or m ± 1 when m is (about) zero, kept within ±{@link Double#MAX_VALUE} (so
     * {1.7976931348623157E308, 1.7976931348623157E308} becomes {0.9·MAX, MAX}). lo and hi must be
     * finite and lo ≤ hi.
     */
    static double[] widen(double lo, double hi) {
        if (!isFlat(lo, hi)) {
            return new double[] {lo, hi};
        }
        double mid = lo / 2 + hi / 2;
        double half = Math.abs(mid) >= ZERO ? Math.abs(mid) / 10 : 1;
        return new double[] {Math.max(-Double.MAX_VALUE, mid - half), Math.min(Double.MAX_VALUE, mid + half)};
    }

    /**
     * An interval given by a caller, checked and made usable: finite ends with lo ≤ hi, widened
     * by {@link #widen} when lo == hi (or they differ only by rounding). A reversed or non-finite
     * interval is an {@link IllegalArgumentException} naming {@code op}.
     */
    static double[] interval(String op, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException(op + ": need finite lo <= hi, got [" + lo + ", " + hi + "]");
        }
        return widen(lo, hi);
    }

    /** (v - lo) / (hi - lo) for lo != hi, computed on halved values when a difference would overflow. */
    static double fraction(double v, double lo, double hi) {
        double span = hi - lo;
        double offset = v - lo;
        if (Double.isFinite(span) && Double.isFinite(offset)) {
            return offset / span;
        }
        return (v / 2 - lo / 2) / (hi / 2 - lo / 2);
    }

    /** The point a fraction t ∈ [0, 1] of the way from lo to hi (lo ≤ hi), never outside [lo, hi]. */
    static double lerp(double lo, double hi, double t) {
        double span = hi - lo;
        double v = Double.isFinite(span) ? lo + span * t : 2 * (lo / 2 + (hi / 2 - lo / 2) * t);
        // rounding may step just past an end (lo + (hi - lo) * 1.0 can exceed hi): clamp
        return Math.max(lo, Math.min(hi, v));
    }

    /** n evenly spaced points from lo to hi (lo ≤ hi), exactly lo and hi at the ends, never decreasing. */
    static double[] linspace(double lo, double hi, int n) {
        if (n == 1) {
            return new double[] {lo};
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i == 0 ? lo : i == n - 1 ? hi : Math.max(x[i - 1], lerp(lo, hi, (double) i / (n - 1)));
        }
        return x;
    }

    /**
     * The bins + 1 edges of {@code bins} equal bins over [lo, hi]: edges[0] is lo, edges[bins] is
     * hi, and the edges never decrease, whatever the rounding of the ones in between.
     */
    static double[] edges(double lo, double hi, int bins) {
        return linspace(lo, hi, bins + 1);
    }

    /**
     * The bin b of v, edges[b] ≤ v < edges[b + 1] (the last bin also holds v == hi), or -1 when
     * v is outside [edges[0], edges[last]]. The edges array decides, so a value is counted in the
     * bin that is drawn around it.
     */
    static int bin(double[] edges, double v) {
        int bins = edges.length - 1;
        if (!(v >= edges[0] && v <= edges[bins])) {
            return -1;
        }
        // an arithmetic first guess, then the edges themselves settle it
        double t = edges[bins] > edges[0] ? fraction(v, edges[0], edges[bins]) : 0;
        int b = (int) Math.max(0, Math.min(bins - 1, Math.floor(t * bins)));
        while (b > 0 && v < edges[b]) {
            b--;
        }
        while (b < bins - 1 && v >= edges[b + 1]) {
            b++;
        }
        return b;
    }

    /** ±Infinity (an overflowed result of finite inputs) as ±{@link Double#MAX_VALUE}; other values unchanged. */
    static double clamp(double v) {
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v));
    }

    /**
     * The mean of the non-NaN values of a[from..to) (NaN when there are none), without overflow:
     * where the sum would pass Double.MAX_VALUE the values are divided by their count first,
     * and the result is kept within the values' own min..max.
     */
    static double mean(double[] a, int from, int to) {
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int k = from; k < to; k++) {
            if (!Double.isNaN(a[k])) {
                sum += a[k];
                lo = Math.min(lo, a[k]);
                hi = Math.max(hi, a[k]);
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = sum / n;
        if (!Double.isFinite(sum)) {
            mean = 0;
            for (int k = from; k < to; k++) {
                if (!Double.isNaN(a[k])) {
                    mean += a[k] / n;
                }
            }
        }
        return Math.max(lo, Math.min(hi, mean));   // rounding must not step outside the values
    }

    /** Throws "what: no values" for a null or empty array: a figure needs at least one value. */
    static void checkNonEmpty(String what, double[] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException(what + ": no values");
        }
    }

    /** Throws "op: an has 3 values but bn has 4" unless a and b have the same length. */
    static void checkSameLength(String op, String an, double[] a, String bn, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(op + ": " + an + " has " + a.length + " values but "
                + bn + " has " + b.length);
        }
    }

    /**
     * Throws an {@link IllegalArgumentException} "op: what has 3 NaN values (first at index 7)"
     * when {@code a} holds NaN or ±Infinity: a figure cannot place such a value.
     */
    static void checkFinite(String op, String what, double[] a) {
        int nan = 0;
        int inf = 0;
        int first = -1;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                if (Double.isNaN(a[i])) {
                    nan++;
                } else {
                    inf++;
                }
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (first >= 0) {
            throw new IllegalArgumentException(op + ": " + what + " has " + nonFinite(nan, inf)
                + " (first at index " + first + ")");
        }
    }

    /** "3 NaN values", "1 infinite value", "2 NaN and 1 infinite values". */
    static String nonFinite(int nan, int inf) {
        if (inf == 0) {
            return nan + (nan == 1 ? " NaN value" : " NaN values");
        }
        if (nan == 0) {
            return inf + (inf == 1 ? " infinite value" : " infinite values");
        }
        return nan + " NaN and " + inf + " infinite values";
    }

    /** {@code "name"} in double quotes, for messages. */
    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
