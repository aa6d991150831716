package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.Convolution;
import dlfs.layers.Im2Col;
import dlfs.layers.Pooling;
import dlfs.layers.Relu;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;
import dlfs.nd.ShapeException;

import java.util.Map;

/**
 * The book's first CNN (ch7, "CNN实现"; {@code ch07/simple_convnet.py}):
 * <pre>
 *   Conv1 (FN filters FS×FS) → Relu1 → Pool1 (max 2×2, stride 2) → Affine1 (hidden) → Relu2 → Affine2 → SoftmaxWithLoss
 * </pre>
 * Book defaults: input (1, 28, 28), 30 filters 5×5, stride 1, pad 0, hidden 100, output 10, all
 * weights N(0, 0.01²). Sizes: conv output (28 − 5)/1 + 1 = 24, pooled 12, so Affine1 takes
 * 30·12·12 = 4320 values. Parameters W1, b1 (conv), W2, b2, W3, b3 (affine), as in the book.
 * Input is (N, C, H, W); a flat (N, C·H·W) batch is reshaped. The two ReLUs work in place in
 * training ({@link Relu#inPlace()}): each takes the fresh output of the layer before it and the
 * fresh dout of the layer after it, where the book's copy would cost a 6.9 MB array a batch.
 */
public class SimpleConvNet extends SequentialNet {
    private final Convolution conv;

    /** The book's defaults, with weights from {@code rng}. */
    public SimpleConvNet(Rng rng) {
        this(new int[]{1, 28, 28}, ConvParam.BOOK, 100, 10, 0.01, rng);
    }

    /**
     * The book's {@code conv_param} dictionary as a record: {@code filter_num}, {@code filter_size},
     * {@code stride}, {@code pad} (stride before pad, as {@code Convolution(W, b, stride, pad)} and
     * {@code Im2Col.outSize(..., stride, pad)} everywhere in the kit).
     */
    public record ConvParam(int filterNum, int filterSize, int stride, int pad) {
        /** The book's {@code {'filter_num': 30, 'filter_size': 5, 'pad': 0, 'stride': 1}}. */
        public static final ConvParam BOOK = new ConvParam(30, 5, 1, 0);

        public ConvParam {
            if (filterNum <= 0 || filterSize <= 0 || stride <= 0 || pad < 0)
                throw new IllegalArgumentException("SimpleConvNet.ConvParam: filterNum, filterSize and stride must be positive and pad >= 0, got "
                        + "filterNum=" + filterNum + ", filterSize=" + filterSize + ", stride=" + stride + ", pad=" + pad);
        }
    }

    /**
     * The book's {@code SimpleConvNet(input_dim, conv_param, hidden_size, output_size,
     * weight_init_std)}. The description (the checkpoint's architecture line) keeps the book's
     * "pad=…, stride=…".
     */
    public SimpleConvNet(int[] inputDim, ConvParam convParam, int hiddenSize, int outputSize, double weightInitStd, Rng rng) {
        this(inputDim, convParam.filterNum(), convParam.filterSize(), convParam.stride(), convParam.pad(), hiddenSize, outputSize,
                weightInitStd, rng);
    }

    private SimpleConvNet(int[] inputDim, int filterNum, int filterSize, int stride, int pad, int hiddenSize, int outputSize,
                          double weightInitStd, Rng rng) {
        super(String.format("SimpleConvNet(input=%s, filters=%dx%dx%d, pad=%d, stride=%d, hidden=%d, output=%d)",
                ShapeException.fmt(inputDim), filterNum, filterSize, filterSize, pad, stride, hiddenSize, outputSize));
        if (inputDim.length != 3) throw new ShapeException("SimpleConvNet: inputDim must be (C, H, W), got " + ShapeException.fmt(inputDim));
        imageInput(inputDim);
        int convH = Im2Col.outSize("SimpleConvNet conv height", inputDim[1], filterSize, stride, pad);
        int convW = Im2Col.outSize("SimpleConvNet conv width", inputDim[2], filterSize, stride, pad);
        int poolH = Im2Col.outSize("SimpleConvNet pool height", convH, 2, 2, 0);
        int poolW = Im2Col.outSize("SimpleConvNet pool width", convW, 2, 2, 0);
        int poolOut = filterNum * poolH * poolW;
        conv = new Convolution(rng.randn(filterNum, inputDim[0], filterSize, filterSize).muli(weightInitStd), NDArray.zeros(filterNum),
                stride, pad);
        add("Conv1", conv, "1");
        add("Relu1", Relu.inPlace(), null);
        add("Pool1", new Pooling(2, 2, 2), null);
        add("Affine1", new Affine(Init.normal(weightInitStd, poolOut, hiddenSize, rng), NDArray.zeros(hiddenSize)), "2");
        add("Relu2", Relu.inPlace(), null);
        add("Affine2", new Affine(Init.normal(weightInitStd, hiddenSize, outputSize, rng), NDArray.zeros(outputSize)), "3");
    }

    /** The first layer's filters (FN, C, FH, FW), live: the book's filter images before and after training. */
    public NDArray filters() {
        return conv.filters();
    }
}
