package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/** Solution of exercise ch7 — col2im: (N·OH·OW, C·FH·FW) back to (N, C, H, W), overlaps summed. */
public final class ColumnsToImage {
    private ColumnsToImage() {
    }

    private static int outSize(int in, int filter, int stride, int pad) {
        int span = in + 2 * pad - filter;
        if (span < 0 || span % stride != 0)
            throw new IllegalArgumentException("col2im: (" + in + " + 2*" + pad + " - " + filter + ") is not a non-negative multiple of stride " + stride);
        return span / stride + 1;
    }

    public static NDArray col2im(NDArray col, int[] inputShape, int fh, int fw, int stride, int pad) {
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        int oh = outSize(h, fh, stride, pad), ow = outSize(w, fw, stride, pad);
        if (col.ndim() != 2 || col.shape(0) != n * oh * ow || col.shape(1) != c * fh * fw)
            throw new IllegalArgumentException("col2im: col " + col.shapeString() + " does not fit the input (" + n + ", " + c + ", " + h + ", " + w
                    + ") with a " + fh + "x" + fw + " filter, stride " + stride + ", pad " + pad + ": expected (" + n * oh * ow + ", " + c * fh * fw + ")");
        NDArray img = NDArray.zeros(n, c, h, w);
        for (int in = 0; in < n; in++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    int row = (in * oh + i) * ow + j;
                    for (int ch = 0; ch < c; ch++)
                        for (int u = 0; u < fh; u++)
                            for (int v = 0; v < fw; v++) {
                                int y = i * stride + u - pad, x = j * stride + v - pad;
                                if (y < 0 || y >= h || x < 0 || x >= w) continue;
                                img.set(img.get(in, ch, y, x) + col.get(row, (ch * fh + u) * fw + v), in, ch, y, x);
                            }
                }
        return img;
    }
}
