package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.BatchNormalization;
import dlfs.layers.Convolution;
import dlfs.layers.Layer;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;
import dlfs.param.Parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network as an ordered chain of named layers followed by SoftmaxWithLoss: the structure the
 * book repeats in MultiLayerNet, MultiLayerNetExtend, SimpleConvNet and DeepConvNet (ch6–ch7),
 * written once.
 * <ul>
 *   <li>{@link #predict}: every layer's {@code forward(x, false)} (inference: Dropout scales,
 *       BatchNormalization uses its running statistics), in chunks of {@value #CHUNK} rows</li>
 *   <li>{@link #loss}: forward in training mode, then SoftmaxWithLoss, plus the weight decay
 *       ½λ Σ‖W‖² over every weight (each {@link Parameter} flagged {@link Parameter#decay}: a layer's W, ch6 "权值衰减")</li>
 *   <li>{@link #gradient}: the loss, then each layer's {@code backward} in reverse order; the
 *       gradient of each such weight gets the decay term λ·W. A first Convolution layer computes only
 *       its dW and db ({@link Convolution#backwardParams}): the input data needs no gradient</li>
 * </ul>
 * A layer's parameters are registered under the book's names plus a suffix: {@code add("Conv1",
 * conv, "1")} exposes the convolution's W and b as "W1" and "b1", a BatchNormalization's as
 * "gamma1" and "beta1" (its running mean and variance are saved too, as "running_mean1" and
 * "running_var1"). LeNet-5 or any other chain can be assembled the same way:
 * <pre>
 *   new SequentialNet("my net").add("Conv1", conv, "1").add("Relu1", new Relu(), null)...
 * </pre>
 * Train it, like every {@link Net}, with {@link dlfs.train.Trainer}.
 */
public class SequentialNet implements SavableNet {
    /** Rows per chunk in {@link #predict} and {@link #accuracy}: bounds memory on large test sets. */
    public static final int CHUNK = 200;

    private final String architecture;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<String, NDArray> state = new LinkedHashMap<>();
    private final List<String[]> refs = new ArrayList<>(); // {param name, layer name, key in the layer}
    private final List<Parameter> parameters = new ArrayList<>(); // in the order of refs
    private final List<Parameter> parametersView = Collections.unmodifiableList(parameters);
    private double weightDecay;
    private double lastLoss = Double.NaN, lastPenalty;

    public SequentialNet(String architecture) {
        if (architecture == null || architecture.isBlank() || architecture.contains("\n"))
            throw new IllegalArgumentException("SequentialNet: architecture must be one non-empty line, got '" + architecture + "'");
        this.architecture = architecture;
    }

    /**
     * Appends a layer; its parameters are exposed as their book names + {@code suffix} (null if
     * the layer has none). Layer and parameter names must be new.
     */
    public SequentialNet add(String name, Layer layer, String suffix) {
        if (layers.containsKey(name)) throw new IllegalArgumentException("SequentialNet: duplicate layer name '" + name + "'");
        Map<String, NDArray> p = layer.params();
        if (!p.isEmpty() && suffix == null)
            throw new IllegalArgumentException("SequentialNet: layer '" + name + "' has parameters " + p.keySet() + " and needs a suffix");
        layers.put(name, layer);
        for (Map.Entry<String, NDArray> e : p.entrySet()) {
            String full = e.getKey() + suffix;
            if (params.containsKey(full)) throw new IllegalArgumentException("SequentialNet: duplicate parameter name '" + full + "'");
            params.put(full, e.getValue());
            state.put(full, e.getValue());
            refs.add(new String[]{full, name, e.getKey()});
            // the layer's weight matrix or filters ("W" in Affine and Convolution) decays; biases, γ and β do not
            parameters.add(e.getKey().equals("W") ? Parameter.weight(full, e.getValue()) : Parameter.of(full, e.getValue()));
        }
        if (layer instanceof BatchNormalization bn) {
            state.put("running_mean" + suffix, bn.runningMean());
            state.put("running_var" + suffix, bn.runningVar());
        }
        return this;
    }

    /** L2 weight decay λ (0 = none): ½λΣ‖W‖² in the loss, λ·W in each weight's gradient. */
    public SequentialNet weightDecay(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) throw new IllegalArgumentException("weight decay λ must be >= 0, got " + lambda);
        this.weightDecay = lambda;
        return this;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** Forward through every layer, in training or inference mode; returns the scores. */
    public NDArray forward(NDArray x, boolean train) {
        for (Layer layer : layers.values()) x = layer.forward(x, train);
        return x;
    }

    @Override
    public NDArray predict(NDArray x) {
        int n = x.shape(0);
        if (n <= CHUNK) return forward(x, false);
        NDArray first = forward(x.slice(0, CHUNK), false);
        int[] shape = first.shape();
        shape[0] = n;
        NDArray out = NDArray.zeros(shape);
        out.setRows(0, first);
        for (int i = CHUNK; i < n; i += CHUNK) out.setRows(i, forward(x.slice(i, Math.min(i + CHUNK, n)), false));
        return out;
    }

    @Override
    public double loss(NDArray x, NDArray t) {
        NDArray y = forward(x, true);
        double loss = lastLayer.forward(y, t);
        double penalty = 0;
        if (weightDecay > 0) {
            double sum = 0;
            for (Parameter p : parameters) {
                if (!p.decay()) continue;
                for (double w : p.value().data()) sum += w * w;
            }
            penalty = 0.5 * weightDecay * sum;
            loss += penalty;
        }
        lastLoss = loss;
        lastPenalty = penalty;
        return loss;
    }

    /** The weight decay ½λΣ‖W‖² included in the last {@link #loss} (0 without weight decay). */
    @Override
    public double lastPenalty() {
        return lastPenalty;
    }

    /** The loss computed by the last {@link #loss} or {@link #gradient} call (before that update). */
    @Override
    public double lastLoss() {
        return lastLoss;
    }

    @Override
    public Map<String, NDArray> gradient(NDArray x, NDArray t) {
        loss(x, t);
        NDArray dout = lastLayer.backward(1.0);
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);
        Layer first = reversed.isEmpty() ? null : reversed.get(reversed.size() - 1);
        for (Layer layer : reversed) {
            if (layer == first && layer instanceof Convolution conv) conv.backwardParams(dout); // the data needs no gradient
            else if (layer == first && layer instanceof Affine affine) affine.backwardParams(dout);
            else dout = layer.backward(dout);
        }
        Map<String, NDArray> grads = new LinkedHashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            String[] r = refs.get(i);
            Parameter p = parameters.get(i);
            NDArray g = layers.get(r[1]).grads().get(r[2]);
            if (weightDecay > 0 && p.decay()) g = g.add(p.value().mul(weightDecay));
            p.grad(g);
            grads.put(r[0], g);
        }
        return grads;
    }

    @Override
    public Map<String, NDArray> params() {
        return Collections.unmodifiableMap(params);
    }

    /** The parameters with their weight-decay flags, gradients from the last {@link #gradient}; the same list every call. */
    @Override
    public List<Parameter> parameters() {
        return parametersView;
    }

    @Override
    public Map<String, NDArray> state() {
        return Collections.unmodifiableMap(state);
    }

    /** The ordered layers by name. */
    public Map<String, Layer> layers() {
        return Collections.unmodifiableMap(layers);
    }

    public SoftmaxWithLoss lastLayer() {
        return lastLayer;
    }

    /**
     * The output of every layer for x in inference mode, by layer name (feature maps of a conv
     * net, activations of an MLP): what the ch7 feature-map plots show.
     */
    public Map<String, NDArray> activations(NDArray x) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Layer> e : layers.entrySet()) {
            x = e.getValue().forward(x, false);
            out.put(e.getKey(), x);
        }
        return out;
    }

    @Override
    public String architecture() {
        return architecture;
    }

    @Override
    public String toString() {
        return architecture + " " + layers.keySet() + " + SoftmaxWithLoss";
    }
}
