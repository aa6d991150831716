package dlfs.book;

import dlfs.nd.Dtype;
import dlfs.nd.Float16;
import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dlfs.experiments.ch8.HalfFloatNetwork;

/** IEEE binary16 rounding (ch8 half_float_network.py's astype(np.float16)), against numpy's answers and the JDK's. */
class Float16Test {
    /**
     * {value, numpy's bits, numpy's value}, from
     * {@code np.array(values).astype(np.float16).view(np.uint16)} (numpy 1.24).
     */
    private static final double[][] NUMPY = {
            {1.0, 0x3C00, 1.0},
            {65504.0, 0x7BFF, 65504.0},                        // the largest finite half
            {65519.99, 0x7BFF, 65504.0},
            {65520.0, 0x7C00, Double.POSITIVE_INFINITY},       // the tie above it overflows (to even)
            {0x1p-24, 0x0001, 0x1p-24},                        // the smallest subnormal
            {0x1p-25, 0x0000, 0.0},                            // half of it: tie to even, 0
            {1.5 * 0x1p-25, 0x0001, 0x1p-24},
            {3 * 0x1p-25, 0x0002, 0x1p-23},                    // 1.5 steps: tie to even, 2 steps
            {1.0 / 3, 0x3555, 0.333251953125},
            {0.1, 0x2E66, 0.0999755859375},
            {1 + 0x1p-11, 0x3C00, 1.0},                        // tie between 1 and 1 + 2^-10: even
            {1 + 3 * 0x1p-11, 0x3C02, 1.001953125},            // tie: up to even
            {1 + 0x1p-11 + 0x1p-40, 0x3C01, 1.0009765625},    // just above the tie: up (through float it would be 1.0)
            {-2.0, 0xC000, -2.0},
            {0x1p-14, 0x0400, 0x1p-14},                        // the smallest normal
            {0x1p-14 - 0x1p-25, 0x0400, 0x1p-14},             // the largest subnormal + half a step: tie, up to even
            {1.0 / 255, 0x1C04, 0.0039215087890625},           // an MNIST pixel
            {128.0 / 255, 0x3804, 0.501953125},
            {2049.0, 0x6800, 2048.0},                          // steps of 2 above 2048
            {2051.0, 0x6802, 2052.0},
            {4097.0, 0x6C00, 4096.0},
            {1e-10, 0x0000, 0.0},
            {-1e-10, 0x8000, -0.0},                            // underflow keeps the sign
            {1e300, 0x7C00, Double.POSITIVE_INFINITY},
            {-65536.0, 0xFC00, Double.NEGATIVE_INFINITY},
    };

    @Test
    void roundsAsNumpyDoes() {
        for (double[] c : NUMPY) {
            assertEquals(c[2], Float16.round(c[0]), () -> "round(" + c[0] + ")");
            assertEquals((int) c[1], Float16.toBits(c[0]) & 0xFFFF, () -> "toBits(" + c[0] + ") = 0x" + Integer.toHexString(Float16.toBits(c[0]) & 0xFFFF));
            assertEquals(c[2], Float16.fromBits((short) c[1]), () -> "fromBits(0x" + Integer.toHexString((int) c[1]) + ")");
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Float16.round(-1e-10)));
        assertTrue(Double.isNaN(Float16.round(Double.NaN)));
        assertEquals(0x7E00, Float16.toBits(Double.NaN) & 0xFFFF);
        assertTrue(Double.isNaN(Float16.fromBits((short) 0x7E01)));
    }

    @Test
    void everyHalfIsItsOwnRoundingAndTheMidpointsGoToEven() {
        for (int b = 0; b < 0x10000; b++) {
            double h = Float16.fromBits((short) b);
            if (Double.isNaN(h)) continue;
            final int bits = b;
            assertEquals(h, Float16.round(h), () -> "0x" + Integer.toHexString(bits));
            assertEquals(b, Float16.toBits(h) & 0xFFFF, () -> "0x" + Integer.toHexString(bits));
            if ((b & 0x7FFF) >= 0x7BFF) continue; // the largest finite half and beyond: no finite next value
            double next = Float16.fromBits((short) (b + 1));
            double mid = (h + next) / 2;      // exact in double
            double even = (b & 1) == 0 ? h : next;
            assertEquals(even, Float16.round(mid), () -> "midpoint above 0x" + Integer.toHexString(bits));
            assertEquals(h, Float16.round(Math.nextDown(Math.abs(mid)) * Math.signum(mid)), () -> "below the midpoint above 0x" + Integer.toHexString(bits));
            assertEquals(next, Float16.round(Math.nextUp(Math.abs(mid)) * Math.signum(mid)), () -> "above the midpoint above 0x" + Integer.toHexString(bits));
        }
    }

    /** On JDK 20 and later the JDK has its own float → binary16; the two must agree on every float tried. */
    @Test
    void agreesWithTheJdksFloatToFloat16() throws ReflectiveOperationException {
        Method jdk;
        try {
            jdk = Float.class.getMethod("floatToFloat16", float.class);
        } catch (NoSuchMethodException e) {
            assumeTrue(false, "skipped: Float.floatToFloat16 exists from JDK 20 on; this is JDK " + Runtime.version().feature());
            return;
        }
        SplittableRandom rnd = new SplittableRandom(16);
        for (int i = 0; i < 2_000_000; i++) {
            // all float bit patterns, and many more of them in and around binary16's range
            float f = i % 2 == 0 ? Float.intBitsToFloat(rnd.nextInt()) : (float) (rnd.nextDouble(-70000, 70000) * Math.pow(2, -rnd.nextInt(30)));
            if (Float.isNaN(f)) continue;
            short expected = (short) jdk.invoke(null, f);
            final float value = f;
            assertEquals(expected, Float16.toBits(f), () -> "float " + value + " (0x" + Integer.toHexString(Float.floatToRawIntBits(value)) + ")");
        }
    }

    @Test
    void dtypeIsTheNarrowestTypeHoldingEveryValue() {
        assertEquals(Dtype.FLOAT16, Dtype.of(List.of(NDArray.of(0.5, -2, 65504))));
        assertEquals(Dtype.FLOAT32, Dtype.of(List.of(NDArray.of(0.5), NDArray.of((double) 0.1f))));
        assertEquals(Dtype.FLOAT64, Dtype.of(List.of(NDArray.of(0.5), NDArray.of(0.1))));
        assertEquals("float32", Dtype.FLOAT32.toString());
        NDArray x = NDArray.of(0.1, 1.0 / 3, 1.0 / 255);
        assertEquals(Dtype.FLOAT64, Dtype.of(List.of(x)));
        assertEquals(Dtype.FLOAT16, Dtype.of(List.of(HalfFloatNetwork.toFloat16(x))));
        assertEquals(Dtype.FLOAT64, Dtype.of(List.of(x)), "toFloat16(x) rounds a copy");
    }
}
