package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/** Solution of exercise ch7 — im2col: (N, C, H, W) to (N·OH·OW, C·FH·FW). */
public final class ImageToColumns {
    private ImageToColumns() {
    }

    static int outSize(int in, int filter, int stride, int pad) {
        int span = in + 2 * pad - filter;
        if (span < 0 || span % stride != 0)
            throw new IllegalArgumentException("im2col: (" + in + " + 2*" + pad + " - " + filter + ") is not a non-negative multiple of stride " + stride);
        return span / stride + 1;
    }

    public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad) {
        int n = x.shape(0), c = x.shape(1), h = x.shape(2), w = x.shape(3);
        int oh = outSize(h, fh, stride, pad), ow = outSize(w, fw, stride, pad);
        NDArray xp = x.pad(new int[][]{{0, 0}, {0, 0}, {pad, pad}, {pad, pad}}, 0);
        NDArray col = NDArray.zeros(n * oh * ow, c * fh * fw);
        for (int in = 0; in < n; in++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    int row = (in * oh + i) * ow + j;
                    for (int ch = 0; ch < c; ch++)
                        for (int u = 0; u < fh; u++)
                            for (int v = 0; v < fw; v++)
                                col.set(xp.get(in, ch, i * stride + u, j * stride + v), row, (ch * fh + u) * fw + v);
                }
        return col;
    }
}
