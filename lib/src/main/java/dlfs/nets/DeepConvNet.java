package dlfs.nets;

import dlfs.layers.Affine;
import dlfs.layers.Convolution;
import dlfs.layers.Dropout;
import dlfs.layers.Pooling;
import dlfs.layers.Relu;
import dlfs.nd.NDArray;
import dlfs.nd.Rng;

import java.util.Map;

/**
 * The book's deep CNN (ch8 "加深网络", {@code ch08/deep_convnet.py}; the VGG-like net the seed's
 * VGG section motivates: stacks of small 3×3 convolutions):
 * <pre>
 *   conv 16 → relu → conv 16 → relu → pool
 *   conv 32 → relu → conv 32 (pad 2) → relu → pool
 *   conv 64 → relu → conv 64 → relu → pool
 *   affine 50 → relu → dropout 0.5 → affine 10 → dropout 0.5 → softmax
 * </pre>
 * All convolutions 3×3, stride 1, pad 1 (the fourth pad 2, as in the book: 14 → 16 so the pools
 * divide evenly: 28 → 14 → 16 → 8 → 4, and 64·4·4 = 1024 values reach the first affine layer).
 * He initialisation √(2/n) with n the fan-in of each layer (C·3·3 for a conv). Train it with Adam
 * (the book: lr 0.001). Parameters W1…W8, b1…b8. The ReLUs work in place in training
 * ({@link Relu#inPlace()}), on the fresh outputs of the layers before them.
 */
public class DeepConvNet extends SequentialNet {
    private static final int[] INPUT = {1, 28, 28};

    public DeepConvNet(Rng rng) {
        this(50, 10, rng);
    }

    public DeepConvNet(int hiddenSize, int outputSize, Rng rng) {
        super("DeepConvNet(input=(1, 28, 28), convs=[16, 16, 32, 32, 64, 64], hidden=" + hiddenSize + ", output=" + outputSize + ")");
        imageInput(INPUT);
        int[] filters = {16, 16, 32, 32, 64, 64};
        int[] pads = {1, 1, 1, 2, 1, 1};
        int channels = INPUT[0];
        for (int i = 0; i < 6; i++) {
            int k = i + 1;
            double std = Init.heStd(channels * 3 * 3);
            add("Conv" + k, new Convolution(rng.randn(filters[i], channels, 3, 3).muli(std), NDArray.zeros(filters[i]), 1, pads[i]),
                    String.valueOf(k));
            add("Relu" + k, Relu.inPlace(), null); // on the convolution's fresh output
            if (k % 2 == 0) add("Pool" + (k / 2), new Pooling(2, 2, 2), null);
            channels = filters[i];
        }
        int flat = 64 * 4 * 4;
        add("Affine1", new Affine(Init.he(flat, hiddenSize, rng), NDArray.zeros(hiddenSize)), "7");
        add("Relu7", Relu.inPlace(), null);
        add("Dropout1", new Dropout(0.5, rng), null);
        add("Affine2", new Affine(Init.he(hiddenSize, outputSize, rng), NDArray.zeros(outputSize)), "8");
        add("Dropout2", new Dropout(0.5, rng), null);
    }
}
