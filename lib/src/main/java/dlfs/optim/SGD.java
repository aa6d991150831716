package dlfs.optim;

/**
 * Stochastic gradient descent (ch4 4.4.1 and ch6 6.1.2 "SGD", the seed's 权重参数的更新方法),
 * equation (6.1):
 * <pre>
 *   W ← W − η·∂L/∂W
 * </pre>
 * the book's {@code params[key] -= self.lr * grads[key]}.
 */
public final class SGD extends UpdateRule {
    public SGD(double lr) {
        super("SGD", lr);
    }

    @Override
    protected void rule(double[] w, double[] g, Slots slots) {
        for (int i = 0; i < w.length; i++) w[i] -= lr * g[i];
    }
}
