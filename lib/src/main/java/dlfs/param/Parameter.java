package dlfs.param;

import dlfs.nd.NDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trainable parameter of a network: the book's name for it ({@code W1}, {@code b1},
 * {@code gamma1}), its value (the live array an optimizer changes in place), its gradient (set by
 * the last backward pass, null before) and whether weight decay applies to it (ch6 "权值衰减":
 * the weights of Affine and Convolution layers, not the biases or BatchNorm's γ and β).
 * <pre>
 *   for (Parameter p : net.parameters()) System.out.println(p);   // W1 (784, 50) decay, b1 (50), ...
 *   optimizer.step(net.parameters());                             // after net.gradient(x, t)
 * </pre>
 * The book's dictionaries stay: {@code net.params().get("W1")} is {@code p.value()} of the
 * parameter named W1 ({@link #values}), and {@code net.gradient(x, t).get("W1")} its gradient.
 */
public final class Parameter {
    private final String name;
    private final NDArray value;
    private final boolean decay;
    private NDArray grad;

    private Parameter(String name, NDArray value, boolean decay) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("Parameter: a name is needed");
        if (value == null) throw new IllegalArgumentException("Parameter " + name + ": no value");
        this.name = name;
        this.value = value;
        this.decay = decay;
    }

    /** A weight: weight decay applies to it. */
    public static Parameter weight(String name, NDArray value) {
        return new Parameter(name, value, true);
    }

    /** A parameter that weight decay leaves alone (a bias, BatchNorm's γ and β). */
    public static Parameter of(String name, NDArray value) {
        return new Parameter(name, value, false);
    }

    /** The book's name, e.g. "W1". */
    public String name() {
        return name;
    }

    /** The live array (updated in place by an optimizer). */
    public NDArray value() {
        return value;
    }

    /** ∂loss/∂value from the last backward pass, or null before the first. */
    public NDArray grad() {
        return grad;
    }

    /** Sets the gradient (same shape as the value; null clears it). */
    public Parameter grad(NDArray g) {
        if (g != null && !java.util.Arrays.equals(g.shape(), value.shape()))
            throw new dlfs.nd.ShapeException("Parameter " + name + ": gradient " + g.shapeString() + " for a value " + value.shapeString());
        this.grad = g;
        return this;
    }

    /** Whether weight decay (½λ‖W‖² in the loss, λ·W in the gradient) applies. */
    public boolean decay() {
        return decay;
    }

    /** The book's {@code params} dictionary of these parameters: name → live value, in order. */
    public static Map<String, NDArray> values(List<Parameter> parameters) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (Parameter p : parameters) m.put(p.name, p.value);
        return m;
    }

    /**
     * The book's {@code grads} dictionary: name → gradient.
     *
     * @throws IllegalStateException naming the first parameter without a gradient
     */
    public static Map<String, NDArray> grads(List<Parameter> parameters) {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (p.grad == null)
                throw new IllegalStateException("parameter '" + p.name + "' has no gradient yet: run the backward pass (net.gradient(x, t)) first");
            m.put(p.name, p.grad);
        }
        return m;
    }

    /** Sets each parameter's gradient from a {@code grads} dictionary by name (as {@code net.gradient(x, t)} returns it). */
    public static List<Parameter> withGrads(List<Parameter> parameters, Map<String, NDArray> grads) {
        for (Parameter p : parameters) {
            NDArray g = grads.get(p.name);
            if (g == null)
                throw new IllegalArgumentException("no gradient for parameter '" + p.name + "' (gradients: " + grads.keySet() + ")");
            p.grad(g);
        }
        return parameters;
    }

    /** Parameters for a {@code params} dictionary, none of them decayed (for nets that say nothing about weight decay). */
    public static List<Parameter> fromMap(Map<String, NDArray> params) {
        List<Parameter> l = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) l.add(of(e.getKey(), e.getValue()));
        return Collections.unmodifiableList(l);
    }

    /** e.g. {@code W1 (784, 50) decay}. */
    @Override
    public String toString() {
        return name + " " + value.shapeString() + (decay ? " decay" : "");
    }
}
