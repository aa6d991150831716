package dlfs.layers;

import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.util.Map;

/**
 * Batch Normalization (ch6, "batch normalization"; Ioffe and Szegedy 2015). In training mode,
 * over the m rows of a mini-batch, per feature:
 * <pre>
 *   μ_B = (1/m) Σ x_i
 *   σ²_B = (1/m) Σ (x_i − μ_B)²
 *   x̂_i = (x_i − μ_B) / √(σ²_B + ε)
 *   y_i = γ·x̂_i + β
 * </pre>
 * with γ = 1, β = 0 at the start (learned afterwards) and ε = 1e-6 (the book's {@code 10e-7}).
 * It also keeps running averages of μ_B and σ²_B,
 * {@code running ← momentum·running + (1 − momentum)·batch} (momentum 0.9), which inference mode
 * ({@code forward(x, false)}) uses in place of the batch statistics, so a prediction does not
 * depend on the rest of its batch.
 *
 * <p>Backward is the book's computational graph run in reverse:
 * <pre>
 *   dβ = Σ dout     dγ = Σ x̂ ⊙ dout     dx̂ = γ ⊙ dout
 *   dσ² = −½ Σ dx̂ ⊙ (x − μ) / (σ² + ε)^{3/2}
 *   dx = dx̂ / √(σ² + ε) + (2/m)(x − μ) dσ² − (1/m) Σ(...)
 * </pre>
 * Input (N, D), or (N, C, H, W), which is treated as the book does, as (N, C·H·W): one γ per
 * value, not per channel.
 *
 * <p>A float32 input is normalized in float32 (float32 output and dx, in both modes) with float32
 * copies of γ, β and the running statistics; those stay in their own dtype (float64 for
 * {@link #of}), as do dγ and dβ, so the optimizer steps float64 parameters.
 */
public final class BatchNormalization implements Layer {
    static final double EPS = 1e-6;
    private final NDArray gamma;
    private final NDArray beta;
    private final double momentum;
    private final NDArray runningMean, runningVar;
    private NDArray dgamma, dbeta;
    // cached by forward(train) for backward
    private int[] inShape;
    private NDArray xc, xn, std;
    private int batch;
    /** γ in the dtype of the last training input (γ itself when they match), for backward. */
    private NDArray gammaC;

    /** Uses (and updates in place) γ (D) and β (D), with running-average momentum 0.9. */
    public BatchNormalization(NDArray gamma, NDArray beta) {
        this(gamma, beta, 0.9);
    }

    public BatchNormalization(NDArray gamma, NDArray beta, double momentum) {
        if (gamma.ndim() != 1 || !java.util.Arrays.equals(gamma.shape(), beta.shape()))
            throw new ShapeException("BatchNormalization: gamma and beta must be 1-D of the same size, got gamma "
                    + gamma.shapeString() + " and beta " + beta.shapeString());
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("BatchNormalization: momentum must be in [0, 1), got " + momentum);
        this.gamma = gamma;
        this.beta = beta;
        this.momentum = momentum;
        this.runningMean = NDArray.zerosLike(gamma);
        this.runningVar = NDArray.zerosLike(gamma);
    }

    /** A fresh layer for D features: γ = 1, β = 0. */
    public static BatchNormalization of(int features) {
        return new BatchNormalization(NDArray.ones(features), NDArray.zeros(features));
    }

    /** The running mean used in inference (live; zeros before the first training forward). */
    public NDArray runningMean() {
        return runningMean;
    }

    /** The running variance used in inference (live; zeros before the first training forward). */
    public NDArray runningVar() {
        return runningVar;
    }

    /** Replaces the running statistics (loading a saved net). */
    public void setRunningStats(NDArray mean, NDArray var) {
        if (!java.util.Arrays.equals(mean.shape(), gamma.shape()) || !java.util.Arrays.equals(var.shape(), gamma.shape()))
            throw new ShapeException("BatchNormalization: running mean " + mean.shapeString() + " and variance "
                    + var.shapeString() + " must have the shape of gamma " + gamma.shapeString());
        runningMean.assign(mean);
        runningVar.assign(var);
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    @Override
    public NDArray forward(NDArray x, boolean train) {
        int d = gamma.shape(0);
        NDArray x2 = x.ndim() == 2 ? x : x.ndim() == 4 ? x.reshape(x.shape(0), -1) : null;
        if (x2 == null || x2.shape(1) != d)
            throw new ShapeException("BatchNormalization: input " + x.shapeString() + " does not have " + d
                    + " features per sample (gamma " + gamma.shapeString() + ")");
        Dtype dt = x.dtype();
        NDArray g = gamma.astype(dt), b = beta.astype(dt);
        NDArray out;
        if (train) {
            NDArray mu = x2.mean(0);
            xc = x2.sub(mu);
            NDArray var = xc.square().mean(0);
            std = var.add(EPS).sqrt();
            xn = xc.div(std);
            batch = x2.shape(0);
            runningMean.muli(momentum).axpyi(1 - momentum, mu);
            runningVar.muli(momentum).axpyi(1 - momentum, var);
            inShape = x.shape();
            gammaC = g;
            out = xn.mul(g).add(b);
        } else {
            NDArray xhat = x2.sub(runningMean.astype(dt)).div(runningVar.add(EPS).sqrt().astype(dt));
            out = xhat.mul(g).add(b);
        }
        return out.reshape(x.shape());
    }

    @Override
    public NDArray backward(NDArray dout) {
        if (xn == null) throw new IllegalStateException("BatchNormalization.backward called before a training-mode forward");
        if (!java.util.Arrays.equals(dout.shape(), inShape))
            throw new ShapeException("BatchNormalization.backward: dout " + dout.shapeString() + " does not match the forward input " + ShapeException.fmt(inShape));
        NDArray d = dout.astype(xn.dtype()).reshape(batch, -1);
        dbeta = d.sum(0).astype(beta.dtype());
        dgamma = xn.mul(d).sum(0).astype(gamma.dtype());
        NDArray dxn = d.mul(gammaC);
        NDArray dxc = dxn.div(std);
        NDArray dstd = dxn.mul(xc).div(std.square()).sum(0).neg();
        NDArray dvar = dstd.mul(0.5).div(std);
        dxc.addi(xc.mul(dvar).mul(2.0 / batch));
        NDArray dmu = dxc.sum(0);
        return dxc.sub(dmu.div(batch)).reshape(inShape);
    }

    @Override
    public Map<String, NDArray> params() {
        return Layer.pair("gamma", gamma, "beta", beta);
    }

    @Override
    public Map<String, NDArray> grads() {
        if (dgamma == null) return Map.of();
        return Layer.pair("gamma", dgamma, "beta", dbeta);
    }

    @Override
    public String toString() {
        return "BatchNormalization(" + gamma.shape(0) + ", momentum=" + momentum + ")";
    }
}
