package dlfs.optim;

import dlfs.nd.Dtype;
import dlfs.nd.NDArray;
import dlfs.param.Parameter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop every optimizer of ch6 shares ("参数的更新"), written once: for each parameter, look
 * up its state ({@link Slots}, zeros on the first update) and apply the optimizer's rule to its
 * elements. An optimizer is then just its rule, element by element as the book's formula,
 * e.g. Momentum's
 * <pre>
 *   protected void rule(double[] w, double[] g, Slots slots) {
 *       double[] v = slots.get("v");
 *       for (int i = 0; i &lt; w.length; i++) {
 *           v[i] = momentum * v[i] - lr * g[i];     // v ← αv − η∂L/∂W
 *           w[i] += v[i];                           // W ← W + v
 *       }
 *   }
 * </pre>
 * Both entry points run this loop: the book's {@code update(params, grads)} dictionaries and
 * {@code step(parameters)} of typed parameters. Gradients are checked first (one for every
 * parameter, of its shape), and the error names the parameter. A float32 parameter (or gradient)
 * is updated in float64 and rounded once into its storage; the state stays float64.
 */
public abstract class UpdateRule implements Optimizer {
    /** The optimizer's name in messages and in {@code toString}, e.g. "Momentum". */
    private final String name;
    /** The learning rate η. */
    protected final double lr;
    private final Map<String, Slots> state = new HashMap<>();

    /** @throws IllegalArgumentException unless {@code lr} is a positive finite number */
    protected UpdateRule(String name, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException(name + ": learning rate must be a positive number, got " + lr);
        this.name = name;
        this.lr = lr;
    }

    /**
     * A decay or momentum coefficient (α, ρ, β₁, β₂), checked to be in [0, 1).
     *
     * @throws IllegalArgumentException naming the optimizer, the coefficient and the value otherwise
     */
    protected final double coefficient(String what, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(name + ": " + what + " must be in [0, 1), got " + value);
        return value;
    }

    /**
     * Updates one parameter in place: {@code w} its values, {@code g} its gradient ∂L/∂W (same
     * length, row-major), {@code slots} its state, kept from one update to the next.
     */
    protected abstract void rule(double[] w, double[] g, Slots slots);

    /** Called once per update before the parameters, e.g. Adam's {@code self.iter += 1}. */
    protected void beforeUpdate() {
    }

    /** The book's {@code update(params, grads)}: each parameter changes in place with the gradient of the same name. */
    @Override
    public final void update(Map<String, NDArray> params, Map<String, NDArray> grads) {
        Optimizer.checkMatching(params, grads);
        step(Parameter.withGrads(Parameter.fromMap(params), grads));
    }

    /**
     * One update of typed parameters, each with its gradient set (after {@code net.gradient(x, t)}).
     *
     * @throws IllegalStateException naming a parameter without a gradient
     * @throws IllegalArgumentException naming a parameter name that appears twice (its state would be shared)
     */
    @Override
    public final void step(List<Parameter> parameters) {
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (p.grad() == null)
                throw new IllegalStateException(name + ": parameter '" + p.name()
                        + "' has no gradient yet: run the backward pass (net.gradient(x, t)) first");
            if (!names.add(p.name()))
                throw new IllegalArgumentException(name + ": two parameters are named '" + p.name()
                        + "'; each needs its own name for its optimizer state");
        }
        beforeUpdate();
        for (Parameter p : parameters) {
            NDArray w = p.value(), w64 = w.astype(Dtype.FLOAT64);   // w itself when it is float64
            rule(w64.data(), p.grad().astype(Dtype.FLOAT64).data(), slotsOf(p.name(), w));
            if (w64 != w) w.assign(w64);
        }
    }

    private Slots slotsOf(String key, NDArray w) {
        Slots s = state.get(key);
        if (s == null || !s.fits(w.shape())) {
            s = new Slots(w.shape(), w.size());
            state.put(key, s);
        }
        return s;
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    /** The learning rate η. */
    public final double lr() {
        return lr;
    }

    /** The hyperparameters after the learning rate in {@code toString}, e.g. ", momentum=0.9"; none by default. */
    protected String hyperparameters() {
        return "";
    }

    /** e.g. {@code Momentum(lr=0.01, momentum=0.9)}: the training loop's divergence message names the optimizer so. */
    @Override
    public final String toString() {
        return name + "(lr=" + lr + hyperparameters() + ")";
    }
}
