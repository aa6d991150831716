package dlfs.nets;

import dlfs.layers.BatchNormalization;
import dlfs.layers.Layer;
import dlfs.layers.LossLayer;
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
 * The kit's one network model: an ordered chain of named layers followed by a loss layer
 * (SoftmaxWithLoss unless another is given), the structure the book repeats in TwoLayerNet,
 * MultiLayerNet, MultiLayerNetExtend, SimpleConvNet and DeepConvNet (ch5–ch8), written once. The
 * book's nets are this class built in their constructors, with the book's layer and parameter
 * names and shapes: {@link TwoLayerNet}, {@link MultiLayerNet}, {@link MultiLayerNetExtend},
 * {@link SimpleConvNet}, {@link DeepConvNet}, {@link LeNet5}, and seed 002's {@link Bp1024Net}
 * (SigmoidWithLoss, the seed's parameter names).
 * <ul>
 *   <li>{@link #predict}: every layer's {@code forward(x, false)} (inference: Dropout scales,
 *       BatchNormalization uses its running statistics), in chunks of {@value #CHUNK} rows</li>
 *   <li>{@link #loss}: forward in training mode, then the loss layer, plus the weight decay
 *       ½λ Σ‖W‖² over every weight (each {@link Parameter} flagged {@link Parameter#decay}: the
 *       parameters a layer says {@link Layer#decays}, its W; ch6 "权值衰减")</li>
 *   <li>{@link #gradient}: the loss, then each layer's {@code backward} in reverse order; the
 *       gradient of each such weight gets the decay term λ·W. The first layer computes only its
 *       parameters' gradients ({@link Layer#backwardParams}): the input data needs no gradient</li>
 * </ul>
 * A layer's parameters are registered under the book's names plus a suffix: {@code add("Conv1",
 * conv, "1")} exposes the convolution's W and b as "W1" and "b1", a BatchNormalization's as
 * "gamma1" and "beta1" (its running mean and variance are saved too, as "running_mean1" and
 * "running_var1"); {@link #addNamed} gives them names of their own. Any other chain can be
 * assembled the same way:
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
    private final LossLayer lastLayer;
    private int[] imageShape; // (C, H, W) when the first layer takes images: see imageInput
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Map<String, NDArray> state = new LinkedHashMap<>();
    private final List<String[]> refs = new ArrayList<>(); // {param name, layer name, key in the layer}
    private final List<Parameter> parameters = new ArrayList<>(); // in the order of refs
    private final List<Parameter> parametersView = Collections.unmodifiableList(parameters);
    private double weightDecay;
    private double lastLoss = Double.NaN, lastPenalty;

    /** An empty chain ending in SoftmaxWithLoss; {@code architecture} is the one-line description a checkpoint keeps. */
    public SequentialNet(String architecture) {
        this(architecture, new SoftmaxWithLoss());
    }

    /** An empty chain ending in the given loss layer (e.g. SigmoidWithLoss, seed 002's output). */
    public SequentialNet(String architecture, LossLayer lossLayer) {
        if (lossLayer == null) throw new IllegalArgumentException("SequentialNet: a loss layer is needed");
        this.lastLayer = lossLayer;
        if (architecture == null || architecture.isBlank() || architecture.contains("\n"))
            throw new IllegalArgumentException("SequentialNet: architecture must be one non-empty line, got '" + architecture + "'");
        this.architecture = architecture;
    }

    /**
     * Appends a layer; its parameters are exposed as their book names + {@code suffix} (null if
     * the layer has none). Layer and parameter names must be new.
     */
    public SequentialNet add(String name, Layer layer, String suffix) {
        Map<String, NDArray> p = layer.params();
        if (!p.isEmpty() && suffix == null)
            throw new IllegalArgumentException("SequentialNet: layer '" + name + "' has parameters " + p.keySet() + " and needs a suffix");
        List<String> names = new ArrayList<>();
        for (String key : p.keySet()) names.add(key + suffix);
        register(name, layer, names);
        if (layer instanceof BatchNormalization bn) {
            state.put("running_mean" + suffix, bn.runningMean());
            state.put("running_var" + suffix, bn.runningVar());
        }
        return this;
    }

    /**
     * Appends a layer whose parameters get the given names, in the layer's order: seed 002's
     * {@code addNamed("Affine1", affine, "input_to_hidden", "hidden_bias")}.
     */
    public SequentialNet addNamed(String name, Layer layer, String... paramNames) {
        if (paramNames.length != layer.params().size())
            throw new IllegalArgumentException("SequentialNet: layer '" + name + "' has parameters " + layer.params().keySet()
                    + " but " + paramNames.length + " names were given " + java.util.Arrays.toString(paramNames));
        return register(name, layer, List.of(paramNames));
    }

    private SequentialNet register(String name, Layer layer, List<String> names) {
        if (layers.containsKey(name)) throw new IllegalArgumentException("SequentialNet: duplicate layer name '" + name + "'");
        for (String full : names)
            if (params.containsKey(full)) throw new IllegalArgumentException("SequentialNet: duplicate parameter name '" + full + "'");
        layers.put(name, layer);
        int i = 0;
        for (Map.Entry<String, NDArray> e : layer.params().entrySet()) {
            String full = names.get(i++);
            params.put(full, e.getValue());
            state.put(full, e.getValue());
            refs.add(new String[]{full, name, e.getKey()});
            parameters.add(layer.decays(e.getKey()) ? Parameter.weight(full, e.getValue()) : Parameter.of(full, e.getValue()));
        }
        return this;
    }

    /**
     * Declares that the first layer takes images (C, H, W): {@link #forward} then accepts a batch
     * (N, C, H, W) as it is or a flat (N, C·H·W) one (the flattened MNIST of ch3), reshaped.
     * The conv nets of ch7–ch8 call it with (1, 28, 28).
     */
    protected SequentialNet imageInput(int... chw) {
        if (chw.length != 3 || chw[0] <= 0 || chw[1] <= 0 || chw[2] <= 0)
            throw new ShapeException(getClass().getSimpleName() + ": the input must be (C, H, W) with positive sizes, got "
                    + ShapeException.fmt(chw));
        imageShape = chw.clone();
        return this;
    }

    /** x as the first layer takes it: unchanged, or images from a flat batch (see {@link #imageInput}). */
    private NDArray shapeInput(NDArray x) {
        if (imageShape == null) return x;
        int[] d = imageShape;
        int per = d[0] * d[1] * d[2];
        if (x.ndim() == 4 && x.shape(1) == d[0] && x.shape(2) == d[1] && x.shape(3) == d[2]) return x;
        if (x.ndim() == 2 && x.shape(1) == per) return x.reshape(x.shape(0), d[0], d[1], d[2]);
        throw new ShapeException(getClass().getSimpleName() + ": input " + x.shapeString() + " is neither (N, " + d[0] + ", "
                + d[1] + ", " + d[2] + ") nor (N, " + per + ")");
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
        x = shapeInput(x);
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
            if (layer == first) layer.backwardParams(dout); // the data needs no gradient
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

    /** The loss layer after the chain (SoftmaxWithLoss unless the constructor was given another). */
    public LossLayer lastLayer() {
        return lastLayer;
    }

    /**
     * The output of every layer for x in inference mode, by layer name (feature maps of a conv
     * net, activations of an MLP): what the ch7 feature-map plots show.
     */
    public Map<String, NDArray> activations(NDArray x) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        x = shapeInput(x);
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
        return architecture + " " + layers.keySet() + " + " + lastLayer.getClass().getSimpleName();
    }
}
