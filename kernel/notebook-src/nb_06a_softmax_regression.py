"""06a-softmax-regression: the seed's softmax regression on MNIST (seed 003)."""

from nbgen import Notebook


def build():
    nb = Notebook("06a-softmax-regression")
    nb.md(r'''
        # 6a. Softmax regression on MNIST, by hand

        The seeds build MNIST classifiers in several ways before (and beside) the book's layer classes.
        This notebook follows the study note on **softmax regression** (seed `003_*`): one linear layer
        $z = Wx + b$, a softmax, the cross-entropy loss, and plain gradient descent, written as a handful
        of functions exactly like the seed's numpy code:

        `get_data` → `forward_pass` → `compute_loss_and_gradients` → `update_parameters` →
        `train_model` → `test_model` → `visualize_predictions`.

        At the end we check the seed's backpropagation formulas for a **two-layer** ReLU net
        ($\delta^{(2)} = a^{(2)} - y$, $\delta^{(1)} = (W^{(2)})^T\delta^{(2)}\odot\mathrm{ReLU}'(z^{(1)})$)
        against the library's `TwoLayerNet`, which computes the same gradients with layers.

        Long runs read their length from `Course.pick(full, quick)`: the default keeps the seed's
        settings (10 epochs, batch 100, learning rate 0.05); `DLFS_QUICK=1` (CI) shortens them.
    ''')

    nb.md(r'''
        ## The model

        **Forward pass.** For one image $x$ (784 pixels) the scores of the 10 classes are
        $$ z = Wx + b, \qquad W \in \mathbb{R}^{10\times 784},\ b \in \mathbb{R}^{10}. $$
        For a batch stored as rows, $X$ of shape (N, 784), the same is $Z = XW^T + b^T$, shape (N, 10).

        **Activation.** The softmax turns scores into probabilities:
        $$ \mathrm{softmax}(z_i) = \frac{e^{z_i}}{\sum_j e^{z_j}}. $$

        **Loss.** Cross-entropy between the one-hot label $y$ and the probabilities $p$:
        $$ \mathrm{loss} = -\sum_i y_i \log p_i , $$
        averaged over the batch.

        **Gradient descent** with learning rate $\eta$:
        $$ W \leftarrow W - \eta\,\frac{\partial\,\mathrm{loss}}{\partial W}, \qquad
           b \leftarrow b - \eta\,\frac{\partial\,\mathrm{loss}}{\partial b}. $$

        **Backpropagation** through softmax + cross-entropy gives the famously simple
        $\partial\,\mathrm{loss}/\partial z = p - y$, and then, for a batch of N rows,
        $$ \frac{\partial L}{\partial W} = \frac{1}{N}(P - Y)^T X \ (10\times784), \qquad
           \frac{\partial L}{\partial b} = \frac{1}{N}\sum_{n}(P - Y)_n \ (10\times 1). $$
    ''')

    nb.md(r'''
        ## Loading the data

        The seed's `get_data` reads the gzipped IDX files, skips the 16-byte (images) and 8-byte
        (labels) headers, reshapes to (N, 784) and divides by 255. The library's `dlfs.data` does the
        same (with checks on the headers), and finds `data/` from the project root wherever the
        notebook runs. Without the full MNIST files in `data/mnist/` it uses the 10,000 digits the kit
        ships (8,000 train / 2,000 test, grayscale pixels), and says so.
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;
        import dlfs.data.*;
        import dlfs.plot.*;

        var mnist = Datasets.mnist(true, true, false);     // normalize to [0, 1], flatten to 784, labels as class indices
        if (Course.quick()) mnist = mnist.head(3000, 1000);  // quick mode (CI): fewer samples
        var trainInputs = mnist.xTrain();
        var trainLabels = mnist.tTrain();
        var testInputs = mnist.xTest();
        var testLabels = mnist.tTest();
        System.out.println("input_data shape: " + trainInputs.shapeString() + ", label_data shape: " + trainLabels.shapeString());
        System.out.println("test input shape: " + testInputs.shapeString() + ", test label shape: " + testLabels.shapeString());
    ''')

    nb.md(r'''
        ## Parameters

        As in the seed: $W$ of shape (10, 784) drawn **uniformly** from $[0, 0.01)$ (`np.random.rand(...) * 0.01`),
        $b$ a (10, 1) column of zeros, learning rate 0.05. (Uniform and positive is an unusual choice;
        for one linear layer it does not matter, because there is no symmetry to break: every class
        row gets a different gradient from the start.)
    ''')
    nb.code('''
        int inputSize = 784;
        int numClasses = 10;
        double learningRate = 0.05;

        var rng = new Rng(0);                                  // np.random, seeded so the run repeats
        var W = rng.rand(numClasses, inputSize).muli(0.01);    // np.random.rand(num_classes, input_size) * 0.01
        var b = NDArray.zeros(numClasses, 1);                  // np.zeros((num_classes, 1))
        System.out.println("W " + W.shapeString() + ", b " + b.shapeString());
    ''')

    nb.md(r'''
        ## Forward pass, loss and gradients

        `forward_pass` is `inputs @ W.T + b.T`. `NDArray.dott(W)` is $XW^T$ without copying a
        transpose; `b.T()` is (1, 10) and broadcasts over the N rows.

        `compute_loss_and_gradients` follows the seed line by line: one-hot labels (`np.eye(10)[labels]`
        is `NDArray.eye(10).rows(labels)`), the stable softmax (subtract each row's max before `exp`),
        clipping the probabilities to $[10^{-10}, 1]$ so $\log$ never sees 0, the averaged loss, and the
        two gradients.
    ''')
    nb.code('''
        NDArray forwardPass(NDArray inputs, NDArray W, NDArray b) {
            return inputs.dott(W).add(b.T());                  // np.dot(inputs, W.T) + b.T
        }

        record LossAndGradients(double loss, NDArray gradW, NDArray gradB) {}

        LossAndGradients computeLossAndGradients(NDArray inputs, NDArray outputs, NDArray labels, NDArray W, NDArray b) {
            int numSamples = inputs.shape(0);
            var yTrue = NDArray.eye(numClasses).rows(labels.toIntArray());     // one-hot (N, 10)

            var expZ = outputs.sub(outputs.max(1, true)).exp();
            var probs = expZ.div(expZ.sum(1, true)).clip(1e-10, 1.0);

            double loss = -yTrue.mul(probs.log()).sum() / numSamples;

            var dLdz = probs.sub(yTrue);                                       // p - y
            var gradW = dLdz.tdot(inputs).divi(numSamples);                   // dL_dz.T @ inputs / N   (10, 784)
            var gradB = dLdz.T().sum(1, true).divi(numSamples);               // (10, 1)
            return new LossAndGradients(loss, gradW, gradB);
        }

        void updateParameters(NDArray W, NDArray b, NDArray gradW, NDArray gradB, double learningRate) {
            W.axpyi(-learningRate, gradW);                    // W -= learning_rate * gradW (in place)
            b.axpyi(-learningRate, gradB);
        }

        // one batch, to see the shapes
        var out0 = forwardPass(trainInputs.slice(0, 100), W, b);
        var g0 = computeLossAndGradients(trainInputs.slice(0, 100), out0, trainLabels.slice(0, 100), W, b);
        System.out.println("outputs " + out0.shapeString() + ", gradW " + g0.gradW().shapeString() + ", gradB " + g0.gradB().shapeString());
        System.out.println(String.format("loss of the untrained model: %.4f (ln 10 = %.4f: about uniform guessing)", g0.loss(), Math.log(10)));
    ''')

    nb.md(r'''
        ## Training

        `train_model` walks through the training set **in order** in batches of 100 (the seed does not
        shuffle) and prints the last batch's loss after each epoch. We also keep every batch's loss
        for a plot.
    ''')
    nb.code('''
        var batchLosses = new ArrayList<Double>();
        var epochLosses = new ArrayList<Double>();

        void trainModel(NDArray trainInputs, NDArray trainLabels, NDArray W, NDArray b,
                        double learningRate, int batchSize, int numEpochs) {
            int numSamples = trainInputs.shape(0);
            double loss = Double.NaN;
            for (int epoch = 0; epoch < numEpochs; epoch++) {
                for (int start = 0; start < numSamples; start += batchSize) {
                    int end = Math.min(start + batchSize, numSamples);
                    var inputs = trainInputs.slice(start, end);
                    var labels = trainLabels.slice(start, end);
                    var outputs = forwardPass(inputs, W, b);
                    var lg = computeLossAndGradients(inputs, outputs, labels, W, b);
                    updateParameters(W, b, lg.gradW(), lg.gradB(), learningRate);
                    loss = lg.loss();
                    batchLosses.add(loss);
                }
                epochLosses.add(loss);
                System.out.println("Epoch " + (epoch + 1) + "/" + numEpochs + ", Loss: " + loss);
            }
        }

        int numEpochs = Course.pick(10, 2);     // the seed: 10 epochs
        int batchSize = 100;
        trainModel(trainInputs, trainLabels, W, b, learningRate, batchSize, numEpochs);
    ''')
    nb.plot('''
        double[] lossArray = batchLosses.stream().mapToDouble(Double::doubleValue).toArray();
        var lossChart = Plots.lossCurve(lossArray, 50);
        lossChart.setTitle("softmax regression: loss per batch (batch 100, lr 0.05)");
        lossChart
    ''')

    nb.md(r'''
        ## Testing

        `test_model`: the predicted class is the index of the largest score (the softmax does not change
        which one is largest, so it is not needed here), and the accuracy is the fraction that match.
        A single linear layer reaches about 92% on full MNIST; on the shipped digits it gives about 90%
        (89.7% after the seed's 10 epochs, pinned by `AccuracyTest`).
    ''')
    nb.code('''
        double testModel(NDArray testInputs, NDArray testLabels, NDArray W, NDArray b) {
            var outputs = forwardPass(testInputs, W, b);
            var predictions = outputs.argmax(1);
            return predictions.eq(testLabels).mean();          // np.mean(predictions == test_labels)
        }
        double accuracy = testModel(testInputs, testLabels, W, b);
        System.out.println("Test accuracy: " + accuracy);
        System.out.println("Train accuracy: " + testModel(trainInputs, trainLabels, W, b));
    ''')

    nb.md(r'''
        ## Visualising predictions

        `visualize_predictions` picks 10 test images at random (without replacement) and shows each with
        its true label and the prediction (a wrong prediction is drawn in red).
    ''')
    nb.plot('''
        var pick = new Rng(7).choiceWithoutReplacement(testInputs.shape(0), 10);
        var sampleInputs = testInputs.rows(pick);
        var sampleLabels = testLabels.rows(pick).toIntArray();
        var predictions = forwardPass(sampleInputs, W, b).argmax(1).toIntArray();
        Images.digitGrid(sampleInputs, sampleLabels, predictions, 10)
    ''')
    nb.md(r'''
        Each row of $W$ is a 784-pixel **template**: the score of class $k$ is the dot product of the
        image with row $k$. Drawn as 28×28 images (dark = large weight), the rows look like blurred
        digits: the model has learned one prototype per class, which is also why a single linear layer
        stops near 92%.
    ''')
    nb.plot('''
        Images.filterGrid(W.reshape(10, 1, 28, 28), 10)
    ''')

    nb.md(r'''
        ## The seed's two-layer formulas, checked

        The seed also writes backpropagation for a hidden ReLU layer (column vectors, one sample):
        $$
        \delta^{(2)} = a^{(2)} - y,\qquad
        \frac{\partial L}{\partial W^{(2)}} = \delta^{(2)}(a^{(1)})^T,\qquad
        \frac{\partial L}{\partial b^{(2)}} = \delta^{(2)},
        $$
        $$
        \delta^{(1)} = (W^{(2)})^T\delta^{(2)}\odot\mathrm{ReLU}'(z^{(1)}),\qquad
        \mathrm{ReLU}'(z) = \begin{cases}1 & z>0\\ 0 & z\le 0\end{cases},\qquad
        \frac{\partial L}{\partial W^{(1)}} = \delta^{(1)}(a^{(0)})^T,\qquad
        \frac{\partial L}{\partial b^{(1)}} = \delta^{(1)}.
        $$
        The library (like the book) stores a batch as **rows** and weights as (in, out), so the same
        formulas read $\Delta^{(2)} = (A^{(2)} - Y)/N$, $\partial L/\partial W^{(2)} = (A^{(1)})^T\Delta^{(2)}$,
        $\Delta^{(1)} = \Delta^{(2)}(W^{(2)})^T\odot[Z^{(1)}>0]$, $\partial L/\partial W^{(1)} = X^T\Delta^{(1)}$,
        and the bias gradients are column sums. We compute them by hand and compare with
        `TwoLayerNet.gradient`, which chains the `Affine`, `Relu` and `SoftmaxWithLoss` layers:
    ''')
    nb.code('''
        import dlfs.nets.*;
        import dlfs.functions.*;

        var net = new TwoLayerNet(784, 50, 10, 0.01, new Rng(1));
        var P = net.params();
        var x = trainInputs.slice(0, 8);
        var t = trainLabels.slice(0, 8);
        var Y = NDArray.eye(10).rows(t.toIntArray());
        int N = x.shape(0);

        var z1 = x.dot(P.get("W1")).add(P.get("b1"));
        var a1 = Activations.relu(z1);
        var a2 = Activations.softmax(a1.dot(P.get("W2")).add(P.get("b2")));

        var delta2 = a2.sub(Y).divi(N);                          // δ(2) = a(2) − y, averaged over the batch
        var byHand = new LinkedHashMap<String, NDArray>();
        byHand.put("W2", a1.tdot(delta2));                       // a(1)ᵀ δ(2)
        byHand.put("b2", delta2.sum(0));
        var delta1 = delta2.dott(P.get("W2")).mul(z1.gt(0));     // δ(2) W(2)ᵀ ⊙ ReLU'(z(1))
        byHand.put("W1", x.tdot(delta1));                        // xᵀ δ(1)
        byHand.put("b1", delta1.sum(0));

        var layers = net.gradient(x, t);
        for (var e : byHand.entrySet())
            System.out.printf("%s %-10s max |by hand - TwoLayerNet| = %.2e%n", e.getKey(), e.getValue().shapeString(),
                e.getValue().sub(layers.get(e.getKey())).abs().max());
    ''')

    nb.exercises("the softmax-regression build (seed 003)",
                 "`seeds.SoftmaxRegressionStep` has you write one mini-batch step of this notebook by hand, in "
                 "the seed's layout (W is (classes, inputs), b a column): z = xWᵀ + bᵀ, the clipped softmax, the "
                 "mean cross-entropy, dW = (P − Y)ᵀx/N, db, and the in-place update; the tests compare the loss "
                 "and the updated W, b with `SoftmaxRegression` step by step and check that bad labels and shapes "
                 "are refused. The chapter-3 and chapter-5 exercises cover the same pieces as functions and layers.",
                 classes=("seeds.SoftmaxRegressionStep",))
    nb.md(r'''
        ## What you saw

        - Softmax regression is one linear layer $z = Wx + b$ followed by softmax and cross-entropy; with
          batches as rows the forward pass is `inputs.dott(W).add(b.T())`.
        - Its gradient is $\partial L/\partial z = p - y$, so $\partial L/\partial W = (P-Y)^TX/N$ and
          $\partial L/\partial b$ is the column sum of $P - Y$ over $N$.
        - Trained for the seed's 10 epochs (batch 100, lr 0.05, no shuffling) it reaches about 92% test
          accuracy; the rows of $W$ are blurred digit templates.
        - The seed's two-layer formulas ($\delta^{(2)} = a^{(2)}-y$, $\delta^{(1)} = W^{(2)T}\delta^{(2)}\odot\mathrm{ReLU}'$)
          match the library's layer-by-layer backpropagation to rounding error.
    ''')
    return nb
