package dlfs.exercises.ch6;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Exercise ch6 — Batch Normalization ("Batch Normalization"), for input (N, D).
 * <pre>
 *   training:  μ = (1/N) Σ_rows x           σ² = (1/N) Σ_rows (x − μ)²
 *              x̂ = (x − μ) / √(σ² + ε)      y = γ ⊙ x̂ + β          ε = 1e-6
 *              running_mean ← m·running_mean + (1 − m)·μ
 *              running_var  ← m·running_var  + (1 − m)·σ²              m = 0.9
 *   inference: y = γ ⊙ (x − running_mean) / √(running_var + ε) + β
 *   backward:  dβ = Σ_rows dout      dγ = Σ_rows x̂ ⊙ dout       dx̂ = γ ⊙ dout
 *              dx = (1/N) / √(σ² + ε) ⊙ (N·dx̂ − Σ_rows dx̂ − x̂ ⊙ Σ_rows (dx̂ ⊙ x̂))
 * </pre>
 * γ (D) and β (D) are the live arrays you are given; running statistics start at zeros (D).
 * {@link #grads()} returns dγ and dβ of the last backward by the names "gamma" and "beta".
 * {@link #forward(NDArray)} is the training mode.
 *
 * <p><b>中文：</b>练习 ch6 —— Batch Normalization（6.3.1 Batch Normalization的算法），
 * 输入为 (N, D)。学习时（training）、推理时（inference）和反向传播（backward）
 * 的公式见上文，ε = 1e-6，m = 0.9。γ (D) 和 β (D) 是传给你的、正在使用的数组；
 * 运行时的统计量（running_mean、running_var）从零 (D) 开始。{@link #grads()} 以名字 "gamma"
 * 和 "beta" 返回最近一次 backward 的 dγ 和 dβ。{@link #forward(NDArray)} 是学习（训练）模式。
 */
public final class BatchNormLayer implements Layer {
    public static final double EPS = 1e-6;
    public static final double MOMENTUM = 0.9;
    private final NDArray gamma, beta;
    private final NDArray runningMean, runningVar;

    public BatchNormLayer(NDArray gamma, NDArray beta) {
        this.gamma = gamma;
        this.beta = beta;
        this.runningMean = NDArray.zerosLike(gamma);
        this.runningVar = NDArray.zerosLike(gamma);
    }

    public NDArray runningMean() {
        return runningMean;
    }

    public NDArray runningVar() {
        return runningVar;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    @Override
    public NDArray forward(NDArray x, boolean train) {
        throw new UnsupportedOperationException("ch6 BatchNormLayer.forward: see this class's Javadoc and the book's sections 6.3.1 (Batch Normalization的算法) and 5.6 (误差反向传播 through the computational graph)"
                + "; %hint ch6.BatchNormLayer gives hints");
    }

    @Override
    public NDArray backward(NDArray dout) {
        throw new UnsupportedOperationException("ch6 BatchNormLayer.backward: see this class's Javadoc and the book's sections 6.3.1 (Batch Normalization的算法) and 5.6 (误差反向传播 through the computational graph)"
                + "; %hint ch6.BatchNormLayer gives hints");
    }

    @Override
    public Map<String, NDArray> params() {
        return Map.of("gamma", gamma, "beta", beta);
    }

    @Override
    public Map<String, NDArray> grads() {
        throw new UnsupportedOperationException("ch6 BatchNormLayer.grads: see this class's Javadoc and the book's sections 6.3.1 (Batch Normalization的算法) and 5.6 (误差反向传播 through the computational graph)"
                + "; %hint ch6.BatchNormLayer gives hints");
    }
}
