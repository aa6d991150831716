package dlfs.nets;

import dlfs.nd.Rng;

/**
 * MultiLayerNet with Batch Normalization and Dropout (ch6, {@code common/multi_layer_net_extend.py}):
 * <pre>
 *   (Affine → [BatchNorm] → activation → [Dropout]) × hidden layers → Affine → SoftmaxWithLoss
 * </pre>
 * {@link #loss} and {@link #gradient} run in training mode (batch statistics, random dropout
 * masks); {@link #predict} and {@link #accuracy} in inference mode (running statistics, outputs
 * scaled by 1 − ratio). Extra parameters gamma1, beta1, … per hidden layer with BatchNorm.
 */
public class MultiLayerNetExtend extends MultiLayerNet {
    private final boolean useDropout, useBatchnorm;
    private final double dropoutRatio;

    public MultiLayerNetExtend(int inputSize, int[] hiddenSizes, int outputSize, String activation, String weightInit,
                               double weightDecayLambda, boolean useDropout, double dropoutRatio, boolean useBatchnorm, Rng rng) {
        super("MultiLayerNetExtend", inputSize, hiddenSizes, outputSize, activation, weightInit, weightDecayLambda, useDropout, dropoutRatio, useBatchnorm, rng);
        this.useDropout = useDropout;
        this.useBatchnorm = useBatchnorm;
        this.dropoutRatio = dropoutRatio;
    }

    public boolean usesDropout() {
        return useDropout;
    }

    public boolean usesBatchnorm() {
        return useBatchnorm;
    }

    public double dropoutRatio() {
        return dropoutRatio;
    }
}
