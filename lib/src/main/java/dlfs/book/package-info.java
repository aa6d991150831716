/**
 * The book's own trained weights and test set, for the book's own scripts: each script of the
 * book's repository is one class of a chapter's experiments package ({@code dlfs.experiments.chN}),
 * written with the kit's nets and layers.
 *
 * <table>
 *   <caption>The book's scripts and their classes</caption>
 *   <tr><th>chapter</th><th>script</th><th>class</th><th>weights</th></tr>
 *   <tr><td>3</td><td>{@code ch03/neuralnet_mnist.py}</td><td>{@link dlfs.experiments.ch3.NeuralnetMnist}</td><td>{@code sample_weight.pkl}</td></tr>
 *   <tr><td>3</td><td>{@code ch03/neuralnet_mnist_batch.py}</td><td>{@link dlfs.experiments.ch3.NeuralnetMnistBatch}</td><td>{@code sample_weight.pkl}</td></tr>
 *   <tr><td>7</td><td>{@code ch07/visualize_filter.py}</td><td>{@link dlfs.experiments.ch7.VisualizeFilter}</td><td>{@code params.pkl}</td></tr>
 *   <tr><td>8</td><td>{@code ch08/misclassified_mnist.py}</td><td>{@link dlfs.experiments.ch8.MisclassifiedMnist}</td><td>{@code deep_convnet_params.pkl}</td></tr>
 *   <tr><td>8</td><td>{@code ch08/half_float_network.py}</td><td>{@link dlfs.experiments.ch8.HalfFloatNetwork}</td><td>{@code deep_convnet_params.pkl}</td></tr>
 * </table>
 *
 * <p>{@link dlfs.book.BookWeights} loads the weights, converted from the book's pickles into the
 * kit's parameter files ({@code data/models/book/}, MIT, Koki Saitoh); {@link dlfs.book.TestSet}
 * is the book's {@code load_mnist(normalize=True)} test half: the real MNIST test set where it is
 * at hand, else the kit's shipped digits, saying which.
 */
package dlfs.book;
