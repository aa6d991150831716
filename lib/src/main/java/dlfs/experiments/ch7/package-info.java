/**
 * Chapter 7 ("卷积神经网络", 7.6 "CNN的可视化"): the book's {@code ch07/visualize_filter.py}
 * ({@link dlfs.experiments.ch7.VisualizeFilter}), the SimpleConvNet's first-layer filters before
 * and after training, from the book's {@code params.pkl}.
 */
package dlfs.experiments.ch7;
