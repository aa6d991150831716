package dlfs.layers;

import dlfs.nd.NDArray;

import java.util.Map;

/**
 * Test helper: checks a layer's backward against central differences of the scalar
 * L = Σ forward(x) ⊙ R for a fixed random R, for the input and for every parameter.
 * Returns the largest relative error max|a − n| / max(1, max|n|).
 */
final class LayerCheck {
    private LayerCheck() {
    }

    static double maxError(Layer layer, NDArray x, NDArray r) {
        NDArray y = layer.forward(x, true);
        if (!java.util.Arrays.equals(y.shape(), r.shape())) throw new IllegalArgumentException("R must have the output shape " + y.shapeString());
        NDArray dx = layer.backward(r);
        double worst = compare(dx, numerical(layer, x, x, r));
        Map<String, NDArray> grads = layer.grads();
        for (Map.Entry<String, NDArray> p : layer.params().entrySet()) {
            NDArray analytic = grads.get(p.getKey()).copy();
            worst = Math.max(worst, compare(analytic, numerical(layer, x, p.getValue(), r)));
        }
        return worst;
    }

    private static double loss(Layer layer, NDArray x, NDArray r) {
        return layer.forward(x, true).mul(r).sum();
    }

    private static NDArray numerical(Layer layer, NDArray x, NDArray wrt, NDArray r) {
        double h = 1e-5;
        double[] d = wrt.data();
        NDArray g = NDArray.zerosLike(wrt);
        for (int i = 0; i < d.length; i++) {
            double keep = d[i];
            d[i] = keep + h;
            double plus = loss(layer, x, r);
            d[i] = keep - h;
            double minus = loss(layer, x, r);
            d[i] = keep;
            g.data()[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    private static double compare(NDArray analytic, NDArray numeric) {
        double scale = Math.max(1.0, numeric.abs().max());
        return analytic.sub(numeric).abs().max() / scale;
    }
}
