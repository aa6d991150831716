package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — the AdaGrad update ("AdaGrad"): a learning rate per element that shrinks with
 * the squared gradients seen so far.
 * <pre>
 *   h ← h + ∂L/∂W ⊙ ∂L/∂W
 *   W ← W − η · ∂L/∂W / (√h + 1e-7)
 * </pre>
 * ⊙ is the element-wise product, η the learning rate (0.01 by default); the square root and the
 * division are element by element, and 1e-7 keeps the step finite where h is still 0 (the seed's
 * "加微小值1e-7防止溢出"). Keep one h per parameter name, zeros of the parameter's shape at the
 * first update, and carry it over between calls. Update the parameter arrays in place (they are
 * the network's live arrays); params and grads map the same names ("W1", "b1", ...) to arrays of
 * the same shape.
 *
 * <p><b>中文：</b>练习 ch6 —— AdaGrad 更新：为每个元素各自调整学习率，
 * 学习率随着迄今为止梯度平方的累积而变小（学习率衰减），公式见上文。
 * ⊙ 表示对应元素的乘积，η 是学习率（默认 0.01）；平方根和除法都是逐元素计算，
 * 1e-7 使 h 仍为 0 的位置步长保持有限（即 seed 中的“加微小值1e-7防止溢出”）。
 * 每个参数名保存一个 h，第一次更新时是与参数形状相同的零数组，在多次调用之间保留下来。
 * 原地更新参数数组（它们是网络正在使用的数组）；params 和 grads 以相同的名字（"W1"、
 * "b1" 等）对应形状相同的数组。
 */
public final class AdaGradUpdate implements Optimizer {
    private final double lr;

    public AdaGradUpdate(double lr) {
        this.lr = lr;
    }

    public AdaGradUpdate() {
        this(0.01);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 AdaGradUpdate.update: see this class's Javadoc and the book's section 6.1.5 (AdaGrad)"
                + "; %hint ch6.AdaGradUpdate gives hints");
    }
}
