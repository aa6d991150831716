package dlfs.nd;

import java.util.Collection;

/**
 * The numpy dtypes that the book's arrays come in: the kit computes in float64 by default, the
 * book's ch3 weights ({@code sample_weight.pkl}) are float32 and ch8's {@code half_float_network.py}
 * rounds a net to float16. An NDArray stores FLOAT64 ({@code double[]}) or FLOAT32
 * ({@code float[]}, {@link NDArray#dtype()}); FLOAT16 exists as values only
 * ({@link NDArray#astype} rounds into float64 storage). {@link #of} says which of these types every
 * value of some arrays is exactly representable in, so a float32 origin stays visible after the
 * values were widened to float64 (which loses nothing).
 */
public enum Dtype {
    FLOAT16("float16"), FLOAT32("float32"), FLOAT64("float64");

    private final String numpyName;

    Dtype(String numpyName) {
        this.numpyName = numpyName;
    }

    /** True when {@code v} is a value of this type. */
    public boolean holds(double v) {
        return switch (this) {
            case FLOAT16 -> Float16.isExact(v);
            case FLOAT32 -> Double.isNaN(v) || (double) (float) v == v;
            case FLOAT64 -> true;
        };
    }

    /** The narrowest type that holds every value of {@code arrays} (float64 for none). */
    public static Dtype of(Collection<NDArray> arrays) {
        Dtype narrowest = arrays.isEmpty() ? FLOAT64 : FLOAT16;
        for (NDArray a : arrays) {
            for (double v : a.isFloat32() ? a.toArray() : a.data()) {
                while (!narrowest.holds(v)) narrowest = values()[narrowest.ordinal() + 1];
                if (narrowest == FLOAT64) return FLOAT64;
            }
        }
        return narrowest;
    }

    /** numpy's name: {@code float16}, {@code float32}, {@code float64}. */
    @Override
    public String toString() {
        return numpyName;
    }
}
