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
 *
 * <p>Built by name, the book's keywords with its defaults for what is not said:
 * <pre>
 * MultiLayerNetExtend net = MultiLayerNetExtend.builder(784, new int[] {100, 100}, 10)
 *         .weightInit("he").weightDecay(0.1).dropout(0.2).batchNorm().rng(new Rng(0)).build();
 * </pre>
 */
public class MultiLayerNetExtend extends MultiLayerNet {
    private final boolean useDropout, useBatchnorm;
    private final double dropoutRatio;

    /**
     * The book's ten positional arguments, in its order; {@link #builder} names them.
     * ({@code dlfs.exercises.ch6.WeightDecayTest} calls this form.)
     */
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

    /** A builder with the book's defaults: activation "relu", weight_init_std "relu", no weight decay, no Dropout, no BatchNorm, rng seed 0. */
    public static Builder builder(int inputSize, int[] hiddenSizes, int outputSize) {
        return new Builder(inputSize, hiddenSizes, outputSize);
    }

    /** The named options of {@link MultiLayerNetExtend} ({@code multi_layer_net_extend.py}'s keywords). */
    public static final class Builder {
        private final int inputSize, outputSize;
        private final int[] hiddenSizes;
        private String activation = "relu", weightInit = "relu";
        private double weightDecayLambda, dropoutRatio = 0.5;
        private boolean useDropout, useBatchnorm;
        private Rng rng;

        private Builder(int inputSize, int[] hiddenSizes, int outputSize) {
            this.inputSize = inputSize;
            this.hiddenSizes = hiddenSizes.clone();
            this.outputSize = outputSize;
        }

        /** {@code activation}: "relu" (default) or "sigmoid". */
        public Builder activation(String activation) {
            this.activation = activation;
            return this;
        }

        /** {@code weight_init_std}: "relu"/"he", "sigmoid"/"xavier", or a number such as "0.01" (default "relu"). */
        public Builder weightInit(String weightInit) {
            this.weightInit = weightInit;
            return this;
        }

        /** {@code weight_decay_lambda} λ of the penalty ½λΣ‖W‖² (default 0). */
        public Builder weightDecay(double lambda) {
            this.weightDecayLambda = lambda;
            return this;
        }

        /** {@code use_dropout=True, dropout_ration=ratio}: a Dropout layer after each hidden activation. */
        public Builder dropout(double ratio) {
            this.useDropout = true;
            this.dropoutRatio = ratio;
            return this;
        }

        /** {@code use_batchnorm=True}: a BatchNormalization layer before each hidden activation. */
        public Builder batchNorm() {
            return batchNorm(true);
        }

        /** {@code use_batchnorm=use}, for a loop over both. */
        public Builder batchNorm(boolean use) {
            this.useBatchnorm = use;
            return this;
        }

        /** The random numbers of the initial weights and the Dropout masks (default {@code new Rng(0)}). */
        public Builder rng(Rng rng) {
            this.rng = rng;
            return this;
        }

        public MultiLayerNetExtend build() {
            return new MultiLayerNetExtend(inputSize, hiddenSizes, outputSize, activation, weightInit, weightDecayLambda,
                    useDropout, dropoutRatio, useBatchnorm, rng == null ? new Rng(0) : rng);
        }
    }
}
