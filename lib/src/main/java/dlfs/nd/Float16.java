package dlfs.nd;

/**
 * IEEE 754 binary16 ("half precision", numpy's {@code float16}): 1 sign bit, 5 exponent bits, 10
 * fraction bits; what ch8's {@code half_float_network.py} rounds the DeepConvNet's weights to
 * ("16-bit half-precision floats are enough for deep learning", the book's 8.3.4).
 *
 * <p>{@link #round} gives the binary16 value nearest to a double, ties to even, as numpy's
 * {@code astype(np.float16)} does: rounding the double directly, not through {@code float} (which
 * would round twice and can land on a tie that the double was not on). Magnitudes from 65520 up
 * overflow to infinity, those below 2<sup>-25</sup> underflow to a signed zero, and from
 * 2<sup>-24</sup> to 2<sup>-14</sup> the values are subnormal (fixed steps of 2<sup>-24</sup>). The
 * JDK has {@code Float.floatToFloat16} only from Java 20; the kit targets 17.
 */
public final class Float16 {
    /** The largest finite binary16 value, (2 − 2<sup>-10</sup>)·2<sup>15</sup>. */
    public static final double MAX_VALUE = 65504;
    /** The smallest positive normal binary16 value, 2<sup>-14</sup>. */
    public static final double MIN_NORMAL = 0x1p-14;
    /** The smallest positive (subnormal) binary16 value, 2<sup>-24</sup>. */
    public static final double MIN_VALUE = 0x1p-24;

    private static final int FRACTION_BITS = 10;
    private static final int BIAS = 15;

    private Float16() {
    }

    /** The binary16 value nearest to {@code v} (ties to even), as a double; NaN and ±∞ stay as they are. */
    public static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        double a = Math.abs(v);
        // the spacing of binary16 values around a: 2^(e-10) in binade e, 2^-24 for all subnormals
        int e = Math.max(Math.getExponent(a), Math.getExponent(MIN_NORMAL));
        double step = Math.scalb(1.0, e - FRACTION_BITS);
        double r = Math.rint(a / step) * step; // dividing by a power of two is exact; rint rounds ties to even
        if (r > MAX_VALUE) r = Double.POSITIVE_INFINITY;
        return Math.copySign(r, v);
    }

    /** True when {@code v} is a binary16 value (±0, ±∞ and NaN included). */
    public static boolean isExact(double v) {
        return Double.isNaN(v) || round(v) == v;
    }

    /** The 16 bits of {@code round(v)}: sign, exponent, fraction (NaN as numpy writes it, 0x7E00). */
    public static short toBits(double v) {
        if (Double.isNaN(v)) return (short) 0x7E00;
        double r = round(v);
        int sign = Math.copySign(1.0, r) < 0 ? 0x8000 : 0;
        double a = Math.abs(r);
        int bits;
        if (a == Double.POSITIVE_INFINITY) bits = 0x7C00;
        else if (a < MIN_NORMAL) bits = (int) (a / MIN_VALUE); // subnormal (or zero): exponent field 0
        else {
            int e = Math.getExponent(a);
            int fraction = (int) (Math.scalb(a, FRACTION_BITS - e)) - (1 << FRACTION_BITS);
            bits = (e + BIAS) << FRACTION_BITS | fraction;
        }
        return (short) (sign | bits);
    }

    /** The value of 16 binary16 bits. */
    public static double fromBits(short bits) {
        int b = bits & 0xFFFF;
        double sign = (b & 0x8000) != 0 ? -1 : 1;
        int exponent = (b >> FRACTION_BITS) & 0x1F;
        int fraction = b & 0x3FF;
        if (exponent == 0x1F) return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        if (exponent == 0) return sign * fraction * MIN_VALUE;
        return sign * Math.scalb(1.0 + fraction / 1024.0, exponent - BIAS);
    }
}
