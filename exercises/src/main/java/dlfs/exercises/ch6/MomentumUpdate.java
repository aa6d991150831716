package dlfs.exercises.ch6;

import dlfs.nd.NDArray;
import dlfs.optim.Optimizer;

import java.util.Map;

/**
 * Exercise ch6 — the Momentum update ("Momentum").
 * <pre>
 *   v ← α·v − η·∂L/∂W
 *   W ← W + v
 * </pre>
 * η is the learning rate, α the momentum (0.9 by default). Keep one velocity v per parameter
 * name, zeros of the parameter's shape at the first update, and carry it over between calls.
 * Update the parameter arrays in place (they are the network's live arrays); params and grads
 * map the same names ("W1", "b1", ...) to arrays of the same shape.
 *
 * <p><b>中文：</b>练习 ch6 —— Momentum 更新，公式见上文。η 是学习率，
 * α 是动量系数（默认 0.9）。每个参数名保存一个速度 v，第一次更新时是与参数形状相同的零数组，
 * 在多次调用之间保留下来。原地更新参数数组（它们是网络正在使用的数组）；
 * params 和 grads 以相同的名字（"W1"、"b1" 等）对应形状相同的数组。
 */
public final class MomentumUpdate implements Optimizer {
    private final double lr, momentum;

    public MomentumUpdate(double lr, double momentum) {
        this.lr = lr;
        this.momentum = momentum;
    }

    public MomentumUpdate(double lr) {
        this(lr, 0.9);
    }

    @Override
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        throw new UnsupportedOperationException("ch6 MomentumUpdate.update: see this class's Javadoc and the book's section 6.1.4 (Momentum)"
                + "; %hint ch6.MomentumUpdate gives hints");
    }
}
