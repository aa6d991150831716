package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — stochastic gradient descent ("SGD"), the book's first optimizer class.
 * <pre>
 *   W ← W − η·∂L/∂W
 * </pre>
 * η is the learning rate (0.01 by default, as the book's {@code SGD(lr=0.01)}). Apply it to every
 * parameter: params and grads map the same names ("W1", "b1", ...) to arrays of the same shape.
 * Update the parameter arrays in place (they are the network's live arrays) and leave grads as they are.
 *
 * <p><b>中文：</b>练习 ch6 —— 随机梯度下降法（SGD），书中的第一个最优化类，
 * 公式见上文。η 是学习率（默认 0.01，与书中的 {@code SGD(lr=0.01)} 相同）。
 * 对每个参数都做这个更新：params 和 grads 以相同的名字（"W1"、"b1" 等）
 * 对应形状相同的数组。原地更新参数数组（它们是网络正在使用的数组），
 * grads 保持不变。
 */
public final class SgdUpdate implements Optimizer {
    private final double lr;

    public SgdUpdate(double lr) {
        this.lr = lr;
    }

    public SgdUpdate() {
        this(0.01);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 SgdUpdate.update: see this class's Javadoc and the book's section 6.1.2 (SGD)"
                + "; %hint ch6.SgdUpdate gives hints");
    }
}
