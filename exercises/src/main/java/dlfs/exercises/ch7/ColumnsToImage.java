package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/**
 * Exercise ch7 — col2im, the inverse direction of im2col used by the backward passes of
 * convolution and pooling (the book's {@code common/util.py}): fold a column matrix back into
 * an image, adding up what overlapping windows put on the same pixel.
 * <pre>
 *   inputShape (N, C, H, W), filter FH×FW, stride S, zero padding P
 *   OH = (H + 2P − FH)/S + 1,   OW = (W + 2P − FW)/S + 1
 *   col (N·OH·OW, C·FH·FW)  →  img (N, C, H, W), starting from zeros:
 *     for every row (n·OH + i)·OW + j and column (c·FH + u)·FW + v of col:
 *       img[n, c, i·S + u − P, j·S + v − P]  +=  col[(n·OH + i)·OW + j, (c·FH + u)·FW + v]
 *     (entries whose position falls in the padding belong to no pixel and are dropped)
 * </pre>
 * The rows and columns are laid out exactly as im2col lays them out (see {@link ImageToColumns}).
 * Where windows overlap (stride smaller than the filter), one pixel is in several rows: its
 * values are summed, not overwritten (the chain rule adds the gradients of every copy). So
 * col2im(im2col(x)) is not x, but x times the number of windows that cover each pixel. A col
 * whose shape is not (N·OH·OW, C·FH·FW), or sizes where (H + 2P − FH) or (W + 2P − FW) is not a
 * multiple of S, are an IllegalArgumentException.
 */
public final class ColumnsToImage {
    private ColumnsToImage() {
    }

    public static NDArray col2im(NDArray col, int[] inputShape, int fh, int fw, int stride, int pad) {
        throw new UnsupportedOperationException("ch7 ColumnsToImage.col2im: see this class's Javadoc and the book's sections 7.4.2 (基于im2col的展开) and 7.4.3 (卷积层的实现: backward)"
                + "; %hint ch7.ColumnsToImage gives hints");
    }
}
