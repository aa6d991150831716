package dlfs.exercises.ch8;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/**
 * Exercise ch8 — data augmentation ("数据扩充", 8.1.2): new training images made from the old ones
 * by small changes that keep the label, here a mirror image and a random crop (a shift).
 * <pre>
 *   x (N, C, H, W); every method returns a new array of the same shape and leaves x as it was
 *   flipHorizontal:  y[n, c, i, j] = x[n, c, i, W − 1 − j]                    (left and right swapped)
 *   shift(dy, dx):   y[n, c, i, j] = x[n, c, i − dy, j − dx], or 0 where that is outside x
 *                    (dy &gt; 0 moves the content down, dx &gt; 0 to the right; any dy, dx, even beyond the image)
 *   randomFlip:      each image n, on its own, is flipped with probability ½ or left as it is
 *   randomCrop(p):   each image n, on its own: pad it with p zeros on every side and cut out an H×W
 *                    window at a random offset, the same for all its channels; that is shift(dy, dx)
 *                    of the image with dy and dx drawn independently, each uniformly from −p … p
 * </pre>
 * The random methods draw only from the Rng they are given (e.g. {@code rng.nextDouble()},
 * {@code rng.nextInt(bound)}), so the same seed gives the same images; the tests check the
 * properties above, not the order of the draws. Write the copying loops yourself: the library's
 * {@link dlfs.data.Augment} is what this exercise replaces.
 *
 * <p><b>中文：</b>练习 ch8 —— 数据扩充（Data Augmentation，8.1.2）：
 * 对原有的训练图像施加不改变标签的微小变化，得到新的训练图像，这里是左右翻转（镜像）
 * 和随机裁剪（平移）。各方法的定义见上文：x 为 (N, C, H, W)，每个方法都返回一个形状相同的新数组，
 * x 保持不变。flipHorizontal 把左右对调；shift(dy, dx) 平移图像的内容，
 * dy &gt; 0 向下、dx &gt; 0 向右移动，来源在 x 之外的位置为 0（dy、
 * dx 可以是任意值，甚至超出图像）；randomFlip 对每张图像 n 单独以 ½ 的概率翻转，
 * 否则保持原样；randomCrop(p) 对每张图像 n 单独处理：四周各填充 p 个 0，
 * 在随机的偏移处裁出 H×W 的窗口，所有通道使用相同的偏移，这相当于对该图像做 shift(dy, dx)，
 * dy 和 dx 相互独立，各自从 −p … p 中均匀地抽取。
 *
 * <p>随机的方法只从传给它们的 Rng 中抽取随机数（例如 {@code rng.nextDouble()}、
 * {@code rng.nextInt(bound)}），因此相同的种子得到相同的图像；测试检查的是上述性质，
 * 而不是抽取的顺序。复制用的循环要自己写：本练习要替代的正是库中的 {@link dlfs.data.Augment}。
 */
public final class DataAugmentation {
    private DataAugmentation() {
    }

    public static NDArray flipHorizontal(NDArray x) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.flipHorizontal: see this class's Javadoc and the book's section 8.1.2 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }

    public static NDArray shift(NDArray x, int dy, int dx) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.shift: see this class's Javadoc and the book's section 8.1.2 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }

    public static NDArray randomFlip(NDArray x, Rng rng) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.randomFlip: see this class's Javadoc and the book's section 8.1.2 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }

    public static NDArray randomCrop(NDArray x, int pad, Rng rng) {
        throw new UnsupportedOperationException("ch8 DataAugmentation.randomCrop: see this class's Javadoc and the book's section 8.1.2 (数据扩充)"
                + "; %hint ch8.DataAugmentation gives hints");
    }
}
