package dlfs.experiments.ch8;

import dlfs.nd.Dtype;
import dlfs.nd.Float16;
import dlfs.nd.NDArray;
import dlfs.nets.DeepConvNet;
import dlfs.nets.Net;
import dlfs.book.BookWeights;
import dlfs.book.TestSet;

/**
 * The book's {@code ch08/half_float_network.py} (8.3.4, "bit reduction"): the trained DeepConvNet's
 * accuracy with its float64 weights, then with every weight and every input rounded to 16-bit
 * half precision, which the book finds to lose no accuracy.
 * <pre>
 *   print(network.accuracy(x_test, t_test))          # float64
 *   x_test = x_test.astype(np.float16)
 *   for param in network.params.values():
 *       param[...] = param.astype(np.float16)
 *   print(network.accuracy(x_test, t_test))          # float16
 * </pre>
 * As in the book, only the values are rounded: {@code param[...] = ...} stores the float16 values
 * back into the float64 arrays, so the arithmetic stays float64. {@link Float16#round} is IEEE
 * binary16 round-to-nearest-even.
 */
public final class HalfFloatNetwork {
    private HalfFloatNetwork() {
    }

    /** {@code param[...] = param.astype(np.float16)} for every parameter, in place; returns the net. */
    public static <N extends Net> N toFloat16(N network) {
        for (NDArray p : network.params().values()) p.mapi(Float16::round);
        return network;
    }

    /** {@code x.astype(np.float16)}: a rounded copy. */
    public static NDArray toFloat16(NDArray x) {
        return x.copy().mapi(Float16::round);
    }

    /** How many images {@code network} classifies right, 100 at a time. */
    public static int correct(Net network, NDArray x, NDArray t) {
        return MisclassifiedMnist.correct(MisclassifiedMnist.classify(network, x), t);
    }

    /** Runs the script on {@code TestSet.load}: the float64 accuracy, then the float16 one. */
    public static void main(String[] args) {
        TestSet data = TestSet.load(false);
        DeepConvNet network = BookWeights.deepConvNet();
        System.out.println("images: " + data.description());
        System.out.println("calculate accuracy (" + BookWeights.dtype(network) + ") ... ");
        System.out.println((double) correct(network, data.x(), data.t()) / data.size());
        NDArray x16 = toFloat16(data.x());
        toFloat16(network);
        Dtype dtype = BookWeights.dtype(network);
        System.out.println("calculate accuracy (" + dtype + ") ... ");
        System.out.println((double) correct(network, x16, data.t()) / data.size());
    }
}
