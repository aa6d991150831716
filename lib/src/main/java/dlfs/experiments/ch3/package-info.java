/**
 * Chapter 3 ("神经网络", 3.6 "手写数字识别"): the book's {@code ch03/neuralnet_mnist.py}
 * ({@link dlfs.experiments.ch3.NeuralnetMnist}) and {@code ch03/neuralnet_mnist_batch.py}
 * ({@link dlfs.experiments.ch3.NeuralnetMnistBatch}), inference with the book's trained
 * {@code sample_weight.pkl} ({@link dlfs.book.BookWeights}) on its test set ({@link dlfs.book.TestSet}).
 */
package dlfs.experiments.ch3;
