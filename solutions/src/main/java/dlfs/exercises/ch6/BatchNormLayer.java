package dlfs.exercises.ch6;

import dlfs.layers.Layer;
import dlfs.nd.NDArray;

import java.util.Map;

/** Solution of exercise ch6 — Batch Normalization over the rows of (N, D), with running statistics. */
public final class BatchNormLayer implements Layer {
    public static final double EPS = 1e-6;
    public static final double MOMENTUM = 0.9;
    private final NDArray gamma, beta;
    private final NDArray runningMean, runningVar;
    private NDArray xn, std;
    private NDArray dgamma, dbeta;

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
        if (!train) return x.sub(runningMean).div(runningVar.add(EPS).sqrt()).mul(gamma).add(beta);
        NDArray mu = x.mean(0);
        NDArray xc = x.sub(mu);
        NDArray var = xc.square().mean(0);
        std = var.add(EPS).sqrt();
        xn = xc.div(std);
        runningMean.muli(MOMENTUM).axpyi(1 - MOMENTUM, mu);
        runningVar.muli(MOMENTUM).axpyi(1 - MOMENTUM, var);
        return xn.mul(gamma).add(beta);
    }

    @Override
    public NDArray backward(NDArray dout) {
        int n = dout.shape(0);
        dbeta = dout.sum(0);
        dgamma = xn.mul(dout).sum(0);
        NDArray dxn = dout.mul(gamma);
        NDArray inner = dxn.mul(n).sub(dxn.sum(0)).sub(xn.mul(dxn.mul(xn).sum(0)));
        return inner.div(std).div(n);
    }

    @Override
    public Map<String, NDArray> params() {
        return Map.of("gamma", gamma, "beta", beta);
    }

    @Override
    public Map<String, NDArray> grads() {
        return Map.of("gamma", dgamma, "beta", dbeta);
    }
}
