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
 *
 * <p><b>中文：</b>练习 ch7 —— col2im，即 im2col 的逆处理，用于卷积层和池化层的反向传播（书中的
 * {@code common/util.py}）：把列矩阵折叠回图像，重叠的窗口放到同一个像素上的值要加起来，
 * 公式见上文（落在填充区域的元素不属于任何像素，直接丢弃）。行和列的排列方式与 im2col 完全相同（见
 * {@link ImageToColumns}）。窗口重叠时（步幅小于滤波器），一个像素出现在多行中：
 * 这些值要相加，而不是覆盖（链式法则要把每个副本的梯度加起来）。因此 col2im(im2col(x)) 不等于
 * x，而是 x 乘以覆盖每个像素的窗口数。col 的形状不是 (N·OH·OW, C·FH·FW)，
 * 或者 (H + 2P − FH) 或 (W + 2P − FW) 不是 S 的倍数时，抛出 IllegalArgumentException。
 */
public final class ColumnsToImage {
    private ColumnsToImage() {
    }

    public static NDArray col2im(NDArray col, int[] inputShape, int fh, int fw, int stride, int pad) {
        throw new UnsupportedOperationException("ch7 ColumnsToImage.col2im: see this class's Javadoc and the book's sections 7.4.2 (基于im2col的展开) and 7.4.3 (卷积层的实现: backward)"
                + "; %hint ch7.ColumnsToImage gives hints");
    }
}
