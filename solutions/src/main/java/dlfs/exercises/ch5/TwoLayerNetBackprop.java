package dlfs.exercises.ch5;

import dlfs.layers.Affine;
import dlfs.layers.Relu;
import dlfs.layers.SoftmaxWithLoss;
import dlfs.nd.NDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Solution of exercise ch5 — two-layer net gradient by backprop through the library's layers. */
public final class TwoLayerNetBackprop {
    private TwoLayerNetBackprop() {
    }

    public static Map<String, NDArray> gradient(Map<String, NDArray> params, NDArray x, NDArray t) {
        Affine affine1 = new Affine(params.get("W1"), params.get("b1"));
        Relu relu = new Relu();
        Affine affine2 = new Affine(params.get("W2"), params.get("b2"));
        SoftmaxWithLoss last = new SoftmaxWithLoss();
        last.forward(affine2.forward(relu.forward(affine1.forward(x))), t);
        affine1.backward(relu.backward(affine2.backward(last.backward(1))));
        Map<String, NDArray> grads = new LinkedHashMap<>();
        grads.put("W1", affine1.dW());
        grads.put("b1", affine1.db());
        grads.put("W2", affine2.dW());
        grads.put("b2", affine2.db());
        return grads;
    }
}
