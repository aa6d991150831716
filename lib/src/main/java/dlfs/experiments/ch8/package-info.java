/**
 * Chapter 8 ("深度学习"): the book's {@code ch08/misclassified_mnist.py}
 * ({@link dlfs.experiments.ch8.MisclassifiedMnist}) and {@code ch08/half_float_network.py}
 * ({@link dlfs.experiments.ch8.HalfFloatNetwork}) on the trained DeepConvNet, and the command line
 * that trains the conv nets for many epochs, with or without data augmentation
 * ({@link dlfs.experiments.ch8.ConvNetRun}: {@code java -cp ... dlfs.experiments.ch8.ConvNetRun --augment digits 30}).
 */
package dlfs.experiments.ch8;
