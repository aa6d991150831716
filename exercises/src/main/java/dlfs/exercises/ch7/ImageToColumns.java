package dlfs.exercises.ch7;

import dlfs.nd.NDArray;

/**
 * Exercise ch7 — im2col ("im2col函数"): unfold every window a filter visits into one row, so a
 * convolution becomes one matrix product.
 * <pre>
 *   x (N, C, H, W), filter FH×FW, stride S, zero padding P
 *   OH = (H + 2P − FH)/S + 1,   OW = (W + 2P − FW)/S + 1
 *   col (N·OH·OW, C·FH·FW):  col[(n·OH + i)·OW + j, (c·FH + u)·FW + v] = xpad[n, c, i·S + u, j·S + v]
 * </pre>
 * where xpad is x with P zeros added on each side of H and of W (none around N and C).
 * Rows go image by image, then window by window (left to right, top to bottom); columns go
 * channel, filter row, filter column. The book's examples: x (1, 3, 7, 7) with a 5×5 filter,
 * stride 1, pad 0 gives (9, 75); x (10, 3, 7, 7) gives (90, 75). When (H + 2P − FH) is not a
 * multiple of S, throw IllegalArgumentException naming the sizes.
 *
 * <p><b>中文：</b>练习 ch7 —— im2col 函数（7.4.2 基于im2col的展开）：
 * 把滤波器经过的每个窗口展开成一行，这样卷积就变成了一次矩阵乘积，
 * 公式见上文，其中 xpad 是在 H 和 W 的两侧各填充 P 个 0 的 x（N 和 C 方向不填充）。
 * 行先按图像、再按窗口排列（从左到右、从上到下）；列按通道、滤波器的行、
 * 滤波器的列排列。书中的例子：x 为 (1, 3, 7, 7)，5×5 的滤波器，步幅 1，
 * 填充 0，得到 (9, 75)；x 为 (10, 3, 7, 7) 时得到 (90, 75)。(H + 2P − FH) 不是 S 的倍数时，
 * 抛出 IllegalArgumentException，消息中写出这些大小。
 */
public final class ImageToColumns {
    private ImageToColumns() {
    }

    public static NDArray im2col(NDArray x, int fh, int fw, int stride, int pad) {
        throw new UnsupportedOperationException("ch7 ImageToColumns.im2col: see this class's Javadoc and the book's section 7.4.2 (基于im2col的展开)"
                + "; %hint ch7.ImageToColumns gives hints");
    }
}
