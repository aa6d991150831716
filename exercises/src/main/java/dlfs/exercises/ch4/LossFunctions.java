package dlfs.exercises.ch4;

import dlfs.nd.NDArray;

/**
 * Exercise ch4 — loss functions ("损失函数").
 * <pre>
 *   mean squared error:  E = ½ Σ_k (y_k − t_k)²
 *   cross-entropy:       E = −Σ_k t_k · log(y_k + δ),   δ = 1e-7 (so that log(0) never happens)
 * </pre>
 * Shapes: y is one sample (K) or a batch (N, K); for a batch return the sum over the batch divided
 * by N (the mean per sample). For cross-entropy, t is either one-hot with the shape of y, or
 * class labels: (N) for a batch (one class index per row), or a single label for one sample, in
 * which case E = −log(y[label] + δ). Book example: t = one-hot 2,
 * y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0] gives MSE 0.0975 and cross-entropy 0.5108.
 * A t whose shape fits neither form is an error: throw IllegalArgumentException naming both shapes.
 *
 * <p><b>中文：</b>练习 ch4 —— 损失函数：均方误差和交叉熵误差，公式见上文（δ = 1e-7，
 * 使 log(0) 永远不会出现）。形状：y 是一个样本 (K) 或一个批 (N, K)；
 * 对于批，返回整个批的总和除以 N（每个样本的平均值）。对于交叉熵误差，
 * t 要么是与 y 形状相同的 one-hot 表示，要么是类别标签：批的标签为 (N)（每行一个类别索引），
 * 单个样本的标签是一个数，此时 E = −log(y[label] + δ)。书中的例子：
 * t 是正确解标签为 2 的 one-hot 表示，y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]，
 * 均方误差为 0.0975，交叉熵误差为 0.5108。t 的形状两种形式都不符合时是错误：
 * 抛出 IllegalArgumentException，消息中写出两个形状。
 */
public final class LossFunctions {
    public static final double DELTA = 1e-7;

    private LossFunctions() {
    }

    public static double meanSquaredError(NDArray y, NDArray t) {
        throw new UnsupportedOperationException("ch4 LossFunctions.meanSquaredError: see this class's Javadoc and the book's sections 4.2.1 (均方误差), 4.2.2 (交叉熵误差) and 4.2.4 (mini-batch版交叉熵误差的实现)"
                + "; %hint ch4.LossFunctions gives hints");
    }

    public static double crossEntropyError(NDArray y, NDArray t) {
        throw new UnsupportedOperationException("ch4 LossFunctions.crossEntropyError: see this class's Javadoc and the book's sections 4.2.1 (均方误差), 4.2.2 (交叉熵误差) and 4.2.4 (mini-batch版交叉熵误差的实现)"
                + "; %hint ch4.LossFunctions gives hints");
    }
}
