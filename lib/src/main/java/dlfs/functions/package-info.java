/** Chapters 3–4: activation functions and softmax ({@link dlfs.functions.Activations}), losses ({@link dlfs.functions.Losses}: MSE, cross-entropy, binary cross-entropy) and label checks ({@link dlfs.functions.Labels}). */
package dlfs.functions;
