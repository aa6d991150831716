/** Chapter 2, perceptrons ("感知机"): {@link dlfs.perceptron.Perceptron} (w1, w2, b) and the AND, NAND, OR gates, with XOR as a two-layer perceptron ({@link dlfs.perceptron.LogicGates}). */
package dlfs.perceptron;
