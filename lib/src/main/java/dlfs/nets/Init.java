package dlfs.nets;

import dlfs.nd.NDArray;
import dlfs.nd.Rng;

/**
 * Weight initialisation, in one place for the whole kit (ch4's {@code weight_init_std}, ch6
 * "权重的初始值", and seed 002). Each returns a (fanIn, fanOut) matrix of Gaussian values with
 * the named standard deviation:
 * <ul>
 *   <li>{@link #std001}: σ = 0.01, the book's TwoLayerNet default</li>
 *   <li>{@link #xavier}: σ = 1/√fanIn (Xavier, for sigmoid and tanh; ch6)</li>
 *   <li>{@link #he}: σ = √(2/fanIn) (He, for ReLU; ch6)</li>
 *   <li>{@link #kaimingFanSum}: σ = √(2/(fanIn + fanOut)), what seed 002 calls "Kaiming init with
 *       fan_in + fan_out"; scaled by the sum of both fans it is really the Glorot/Xavier normal
 *       initialiser, not He/Kaiming, which uses fan_in alone</li>
 * </ul>
 * Biases start at zero.
 */
public final class Init {
    private Init() {
    }

    /** N(0, std²) weights of shape (fanIn, fanOut). */
    public static NDArray normal(double std, int fanIn, int fanOut, Rng rng) {
        if (!(std >= 0) || !Double.isFinite(std)) throw new IllegalArgumentException("Init: weight std must be a finite number >= 0, got " + std);
        if (fanIn <= 0 || fanOut <= 0) throw new IllegalArgumentException("Init: layer sizes must be positive, got (" + fanIn + ", " + fanOut + ")");
        return rng.randn(fanIn, fanOut).muli(std);
    }

    /** σ = 0.01. */
    public static NDArray std001(int fanIn, int fanOut, Rng rng) {
        return normal(0.01, fanIn, fanOut, rng);
    }

    /** Xavier: σ = 1/√fanIn. */
    public static NDArray xavier(int fanIn, int fanOut, Rng rng) {
        return normal(xavierStd(fanIn), fanIn, fanOut, rng);
    }

    /** He: σ = √(2/fanIn). */
    public static NDArray he(int fanIn, int fanOut, Rng rng) {
        return normal(heStd(fanIn), fanIn, fanOut, rng);
    }

    /** Seed 002's "Kaiming, fan_in + fan_out": σ = √(2/(fanIn + fanOut)), i.e. Glorot/Xavier normal. */
    public static NDArray kaimingFanSum(int fanIn, int fanOut, Rng rng) {
        return normal(Math.sqrt(2.0 / (fanIn + fanOut)), fanIn, fanOut, rng);
    }

    public static double xavierStd(int fanIn) {
        return Math.sqrt(1.0 / fanIn);
    }

    public static double heStd(int fanIn) {
        return Math.sqrt(2.0 / fanIn);
    }

    /**
     * The book's {@code weight_init_std} argument of MultiLayerNet (ch6): "relu" or "he" gives
     * √(2/fanIn), "sigmoid" or "xavier" gives √(1/fanIn), a number gives itself.
     */
    public static double stdFor(String spec, int fanIn) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "relu", "he" -> { return heStd(fanIn); }
            case "sigmoid", "xavier" -> { return xavierStd(fanIn); }
            default -> {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Init: weight init '" + spec + "' is not 'relu'/'he', 'sigmoid'/'xavier' or a number");
                }
            }
        }
    }
}
