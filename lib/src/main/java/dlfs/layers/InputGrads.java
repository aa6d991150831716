package dlfs.layers;

/**
 * The two gradients a two-input node of ch5's computational graph hands back (5.4 "简单层的实现"):
 * ∂L/∂x and ∂L/∂y, the book's {@code dx, dy = mul_layer.backward(dout)}. {@code T} is
 * {@code Double} for plain numbers (the apple example) and {@code NDArray} for arrays.
 * <pre>
 *   var dAllTax = mulTax.backward(1.0);      // dall_price, dtax = mul_tax_layer.backward(dprice)
 *   dAllTax.dx();                            // dall_price = 1.1
 *   dAllTax.dy();                            // dtax = 650
 * </pre>
 *
 * @param dx ∂L/∂x, the gradient of the first input
 * @param dy ∂L/∂y, the gradient of the second input
 */
public record InputGrads<T>(T dx, T dy) {
}
