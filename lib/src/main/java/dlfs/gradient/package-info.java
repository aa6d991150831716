/** Chapter 4: numerical differentiation by central differences, numerical gradients of any array or any {@link dlfs.gradient.Differentiable} loss such as a net's ({@link dlfs.gradient.NumericalGradient}), and gradient descent ({@link dlfs.gradient.GradientDescent}). */
package dlfs.gradient;
