package dlfs.nd;

/**
 * The strided copy that the storage-level code of this package is built on (the packing of
 * {@link PackedGemm}, the broadcast rows of {@link NDArray}): one call for both storage types,
 * {@code double[]} and {@code float[]}, whose element loops are the only thing written per type.
 */
final class Strided {
    private Strided() {
    }

    /**
     * {@code dst[d + i·dstStride] = src[s + i·srcStride]} for i &lt; count, on two {@code double[]}
     * or two {@code float[]}; a source stride of 0 repeats one value (a fill, or a broadcast axis).
     */
    static void copy(Object src, int s, int srcStride, Object dst, int d, int dstStride, int count) {
        if (srcStride == 1 && dstStride == 1) {
            if (dst instanceof double[] dd) System.arraycopy((double[]) src, s, dd, d, count);
            else System.arraycopy((float[]) src, s, (float[]) dst, d, count);
        } else if (dst instanceof double[] dd) {
            double[] sd = (double[]) src;
            for (int i = 0; i < count; i++) dd[d + i * dstStride] = sd[s + i * srcStride];
        } else {
            float[] sf = (float[]) src, df = (float[]) dst;
            for (int i = 0; i < count; i++) df[d + i * dstStride] = sf[s + i * srcStride];
        }
    }
}
