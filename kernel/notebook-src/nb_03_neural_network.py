"""03-neural-network: activations, softmax, forward pass, batch inference on MNIST (seed 001, chapter 3)."""

from nbgen import Notebook


def build():
    nb = Notebook("03-neural-network")
    nb.md(r'''
        # 3. Neural networks: the forward pass

        A perceptron needs its weights set by hand; a **neural network** can learn them from data
        (chapters 4–5). This notebook builds the network's *inference* (forward) pass:

        1. from the perceptron to a neuron: a weighted sum $a$ and an **activation function** $h(a)$;
        2. the activation functions — step, sigmoid, tanh, ReLU, identity — plotted, and why they must
           be non-linear;
        3. a 3-layer network as three matrix products, with every array's shape;
        4. the output layer: identity for regression, **softmax** for classification, and softmax's
           overflow;
        5. handwritten digit recognition on MNIST: preprocessing, batch inference, accuracy, and a
           grid of digits with the network's answers.
    ''')

    nb.md(r'''
        ## 3.1 From perceptron to neuron

        Split the perceptron into two steps: the weighted sum (with the bias as the weight of a
        constant input 1), then a function of it:

        $$ a = b + w_1x_1 + w_2x_2, \qquad y = h(a) $$

        $h$ is the **activation function**. A single-layer ("naive") perceptron uses the step
        function; a neural network uses a smooth function such as the sigmoid.
    ''')

    nb.md(r'''
        ## 3.2 Activation functions

        | name | formula | |
        |---|---|---|
        | step | $h(x) = 1$ if $x > 0$, else $0$ | the perceptron's; elements $>$ the threshold 0 become 1 |
        | sigmoid | $h(x) = \dfrac{1}{1 + e^{-x}}$ | smooth S-curve, symmetric about $(0, 0.5)$; turns a value into a probability |
        | tanh | $h(x) = \dfrac{e^x - e^{-x}}{e^x + e^{-x}}$ | S-curve symmetric about the origin, range $(-1, 1)$ |
        | ReLU | $h(x) = x$ if $x > 0$, else $0$ | $\max(0, x)$ |
        | identity | $h(x) = x$ | the output of regression networks |

        `dlfs.functions.Activations` has each of them, on one number and elementwise on an `NDArray`:
    ''')
    nb.code('''
        import dlfs.nd.*;
        import dlfs.functions.*;
        import dlfs.plot.*;

        var x = NDArray.of(-1.0, 1.0, 2.0);
        System.out.println("x           = " + x);
        System.out.println("step(x)     = " + Activations.step(x));      // (x > 0).astype(int)
        System.out.println("sigmoid(x)  = " + Activations.sigmoid(x));   // 1 / (1 + np.exp(-x))
        System.out.println("tanh(x)     = " + Activations.tanh(x));
        System.out.println("relu(x)     = " + Activations.relu(x));      // np.maximum(0, x)
        System.out.println("identity(x) = " + Activations.identity(x));
    ''')
    nb.plot('''
        var xs = NDArray.arange(-5.0, 5.0, 0.1);                  // the book's x = np.arange(-5.0, 5.0, 0.1)
        var curves = new LinkedHashMap<String, NDArray>();
        curves.put("step function", Activations.step(xs));
        curves.put("sigmoid", Activations.sigmoid(xs));
        curves.put("tanh", Activations.tanh(xs));
        curves.put("ReLU", Activations.relu(xs));
        curves.put("identity", Activations.identity(xs));
        var panels = new ArrayList<Object>();
        for (var e : curves.entrySet())
            panels.add(Plots.lines(xs.toArray(), Map.of(e.getKey(), e.getValue().toArray()), e.getKey()));
        var both = new LinkedHashMap<String, double[]>();
        both.put("step", curves.get("step function").toArray());
        both.put("sigmoid", curves.get("sigmoid").toArray());
        panels.add(Plots.lines(xs.toArray(), both, "step vs sigmoid"));
        Charts.grid(panels, 3, 380, 280)
    ''')

    nb.md(r'''
        Step and sigmoid agree in shape — small inputs give about 0, large inputs about 1, the output
        is bounded — but the sigmoid is **smooth**: its output changes continuously with the input,
        which is what makes learning by gradients possible (chapter 4).

        **Why non-linear?** With a linear $h(x) = cx$, a three-layer network computes
        $y = h(h(h(x))) = c^3x$: a single layer ($a = c^3$) does the same, so stacking layers would
        buy nothing. With $c = 2$:
    ''')
    nb.code('''
        DoubleUnaryOperator h = v -> 2 * v;                       // a linear "activation"
        DoubleUnaryOperator threeLayers = h.andThen(h).andThen(h);
        for (double v : new double[] {-1, 0.5, 3})
            System.out.printf("x = %4.1f   h(h(h(x))) = %5.1f   c^3 x = %5.1f%n", v, threeLayers.applyAsDouble(v), 8 * v);
    ''')

    nb.md(r'''
        ## 3.3 A 3-layer network, as matrix products

        The book's example network has 2 inputs, hidden layers of 3 and 2 neurons, and 2 outputs:

        ```
          layer 0           layer 1                layer 2                layer 3
          (input)           (hidden, sigmoid)      (hidden, sigmoid)      (output, identity)

           x1 ──┐           ┌─ a1 → z1 ──┐           ┌─ a1 → z1 ──┐           ┌─ y1
                ├── W(1) ───┼─ a2 → z2 ──┼── W(2) ───┤            ├── W(3) ───┤
           x2 ──┘   b(1)    └─ a3 → z3 ──┘   b(2)    └─ a2 → z2 ──┘   b(3)    └─ y2

          X (2,) · W(1) (2, 3) → (3,)   · W(2) (3, 2) → (2,)   · W(3) (2, 2) → Y (2,)
        ```

        Writing $w^{(1)}_{12}$ for the weight of layer 1 from neuron 2 of the previous layer to neuron
        1 of this one, layer 1 computes
        $a^{(1)}_1 = w^{(1)}_{11}x_1 + w^{(1)}_{12}x_2 + b^{(1)}_1$, and all of layer 1 at once is one
        matrix product:

        $$ A^{(1)} = XW^{(1)} + B^{(1)}, \quad Z^{(1)} = \mathrm{sigmoid}(A^{(1)}) $$

        The bias has one index: each layer has a single bias neuron "1". Shapes must chain: $X$ is
        `(2,)`, $W^{(1)}$ `(2, 3)`, $W^{(2)}$ `(3, 2)`, $W^{(3)}$ `(2, 2)`.
    ''')
    nb.code('''
        var X  = NDArray.of(1.0, 0.5);
        var W1 = NDArray.of(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}});
        var B1 = NDArray.of(0.1, 0.2, 0.3);
        var W2 = NDArray.of(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}});
        var B2 = NDArray.of(0.1, 0.2);
        var W3 = NDArray.of(new double[][] {{0.1, 0.3}, {0.2, 0.4}});
        var B3 = NDArray.of(0.1, 0.2);

        var A1 = X.dot(W1).add(B1);
        var Z1 = Activations.sigmoid(A1);
        System.out.println("X " + X.shapeString() + " . W1 " + W1.shapeString() + " -> A1 = " + A1 + ", Z1 = " + Z1);
        var A2 = Z1.dot(W2).add(B2);
        var Z2 = Activations.sigmoid(A2);
        System.out.println("Z1 " + Z1.shapeString() + " . W2 " + W2.shapeString() + " -> Z2 = " + Z2);
        var A3 = Z2.dot(W3).add(B3);
        var Y = Activations.identity(A3);
        System.out.println("Z2 " + Z2.shapeString() + " . W3 " + W3.shapeString() + " -> Y  = " + Y);
        // the library's ThreeLayerNet holds the same weights (ThreeLayerNet.bookExample()):
        dlfs.nets.ThreeLayerNet.bookExample().forwardIdentity(X)      // [0.31682708, 0.69627909]
    ''')

    nb.md(r'''
        ## 3.4 The output layer: identity or softmax

        Regression (predicting a number) uses the identity function on the output layer;
        classification uses **softmax**, which turns the $n$ scores $a_k$ into probabilities:

        $$ y_k = \frac{e^{a_k}}{\sum_{i=1}^{n} e^{a_i}} $$

        Its outputs are in $(0, 1)$ and **sum to 1**, and since $e^x$ is increasing they keep the order
        of the scores: the largest score gets the largest probability. (So for inference alone, softmax
        can be skipped: `argmax` of the scores gives the same class.)
    ''')
    nb.plot('''
        var a = NDArray.of(0.3, 2.9, 4.0);
        var y = Activations.softmax(a);
        System.out.println("softmax(" + a + ") = " + y);      // [0.01821127, 0.24519181, 0.73659691]
        System.out.println("sum = " + y.sum() + ", argmax(a) = " + a.argmax() + ", argmax(y) = " + y.argmax());
        String[] names = new String[3];
        for (int k = 0; k < 3; k++) names[k] = String.format("a%d = %.1f -> y%d = %.3f", k + 1, a.get(k), k + 1, y.get(k));
        var bars = Plots.bar(names, y.toArray(), "softmax([0.3, 2.9, 4.0]): probabilities summing to 1", "y");
        bars.getStyler().setLabelsVisible(false);
        bars
    ''')
    nb.md(r'''
        **Overflow.** $e^{1010}$ does not fit in a double (the largest is about $1.8\times10^{308}$,
        $e^{710}$ already overflows), so the textbook formula returns `NaN` for large scores:
    ''')
    nb.code('''
        var big = NDArray.of(1010, 1000, 990);
        System.out.println("exp(1010) = " + Math.exp(1010));
        System.out.println("naive softmax = " + Activations.softmaxNaive(big));    // inf / inf = NaN
    ''')
    nb.md(r'''
        The fix: multiply numerator and denominator by the same constant $C$, which moves into the
        exponent as $C' = \log C$:

        $$ y_k=\frac{e^{a_k}}{\sum_{i} e^{a_i}} = \frac{C e^{a_k}}{C\sum_{i} e^{a_i}}
             = \frac{e^{a_k+\log C}}{\sum_{i} e^{a_i+\log C}} = \frac{e^{a_k+C'}}{\sum_{i} e^{a_i+C'}} $$

        Any $C'$ gives the same result; choosing $C' = -\max_i a_i$ makes the largest exponent
        $e^0 = 1$, so nothing overflows. `Activations.softmax` does this (per row for a batch):
    ''')
    nb.code('''
        var c = big.max();
        System.out.println("a - max(a) = " + big.sub(c));
        System.out.println("safe softmax = " + Activations.softmax(big));     // [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]
    ''')
    nb.md(r'''
        Which output function and loss go with which problem (the seed's summary table):

        | problem | hidden layers | output layer | loss (chapter 4) |
        |---|---|---|---|
        | regression | sigmoid, ReLU, … | identity | mean squared error |
        | classification | sigmoid, ReLU, … | sigmoid (two classes) / softmax (several) | cross-entropy |
    ''')

    nb.md(r'''
        ## 3.5 Handwritten digits: inference on MNIST

        MNIST: 28×28 grayscale images of the digits 0–9 with their labels. `Datasets.mnist()` loads the
        full set (60,000 training and 10,000 test images) when it is in `data/mnist/`, otherwise the
        10,000 real MNIST digits the kit ships (`data/README.md` says how to get the full set). The
        book's `load_mnist(normalize=True, flatten=True, one_hot_label=False)` becomes
        `Datasets.mnist(true, true, false)`:

        - **normalize**: pixel values 0–255 divided by 255, into [0.0, 1.0] — a *preprocessing* step
          (others: centre the data on 0, scale it by its standard deviation, whiten it);
        - **flatten**: each image as a row of 784 numbers instead of a 28×28 array;
        - **one-hot**: labels as digits (`7`) here, not as vectors `[0,0,0,0,0,0,0,1,0,0]`.
    ''')
    nb.code('''
        import dlfs.data.*;
        import dlfs.nets.*;

        var mnist = Datasets.mnist(true, true, false);
        var xTest = mnist.xTest();
        var tTest = mnist.tTest();
        System.out.println("x_train " + mnist.xTrain().shapeString() + ", t_train " + mnist.tTrain().shapeString());
        System.out.println("x_test  " + xTest.shapeString() + ", t_test  " + tTest.shapeString());
        System.out.printf("pixel range [%.1f, %.1f], first labels %s%n", xTest.min(), xTest.max(),
                          tTest.slice(0, 10));
        Images.digitGrid(xTest.slice(0, 20), tTest.slice(0, 20).toIntArray(), null, 10)
    ''', tags=("expect-image",))

    nb.md(r'''
        ### The book's trained weights

        The book's network is 784 → 50 → 100 → 10 with sigmoid hidden layers and softmax output, and its
        `init_network()` loads weights that were already trained, `sample_weight.pkl` (ch3's
        `neuralnet_mnist.py`). The kit ships them, converted from the book's pickle to the kit's own
        parameter file (`data/models/book/`, MIT license, from the book's repository; its README says how),
        so Java reads them without Python: `BookWeights.sampleWeight()` loads them into a `ThreeLayerNet`.
        numpy stores them as **float32**; every float32 is exactly a double, so nothing is rounded, and the
        net still reports the dtype its weights came in.

        `NeuralnetMnist.getData()` is the book's `get_data()`, `load_mnist(normalize=True, flatten=True)`'s
        test half: the real MNIST test set when it is at hand (`data/mnist/`, after `Mnist.download()`),
        otherwise the kit's 2,000 shipped test digits. The first line says which: the book's printed result,
        `Accuracy:0.9352`, is for MNIST's 10,000 test images. The shapes are the ones the book prints:
    ''')
    nb.code('''
        import dlfs.book.*;

        var data = NeuralnetMnist.getData();              // x_test, t_test
        var network = NeuralnetMnist.initNetwork();       // the book's sample_weight.pkl
        System.out.println("images: " + data.description());
        NeuralnetMnistBatch.shapes(data.x(), network).forEach(System.out::println);
        System.out.println("weights: " + network.dtype() + ", " + network.architecture());
        xTest = data.x();
        tTest = data.t();
        var p = network.params();
    ''')

    nb.md(r'''
        ### Forward pass, one image at a time

        `ThreeLayerNet` is exactly the book's `predict(network, x)`:
        `a1 = x·W1 + b1`, `z1 = sigmoid(a1)`, `a2 = z1·W2 + b2`, `z2 = sigmoid(a2)`,
        `a3 = z2·W3 + b3`, `y = softmax(a3)`. The book's `neuralnet_mnist.py` classifies the test images one
        by one and counts the hits (`NeuralnetMnist.accuracyCnt` is the same loop):
    ''')
    nb.code('''
        int n = xTest.shape(0);
        int accuracyCnt = 0;
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var yi = network.predict(xTest.row(i));         // x (784,) -> y (10,)
            int pi = yi.argmax();                            // the most probable digit
            if (pi == (int) tTest.get(i)) accuracyCnt++;
        }
        double oneByOne = (System.nanoTime() - t1) / 1e9;
        System.out.println(NeuralnetMnist.accuracyLine(accuracyCnt, n));       // the book's print
        System.out.println(String.format("(%d of %d; one image at a time: %.3f s)", accuracyCnt, n, oneByOne));
        System.out.println(data.realMnist()
            ? "MNIST's test set: the book prints Accuracy:0.9352 for these 10,000 images"
            : "an accuracy on " + n + " MNIST digits from outside its test set, not the book's test accuracy (0.9352 on MNIST's 10,000 test images)");
    ''')

    nb.md(r'''
        ### Batch inference

        The shapes of one image's pass: `X (784,) · W1 (784, 50) · W2 (50, 100) · W3 (100, 10) → Y (10,)`.
        Nothing in it cares about the number of rows of `X`: feed 100 images at once and every array
        simply gains a first axis of 100,

        ```
        X (100, 784) · W1 (784, 50) → (100, 50) · W2 (50, 100) → (100, 100) · W3 (100, 10) → Y (100, 10)
        ```

        and row $i$ of $Y$ is image $i$'s answer. This is a **batch**. It gives the same answers, but
        much faster: one large matrix product uses the CPU far better than 100 small ones (and the
        library's BLAS is built for exactly that), and the per-call overhead is paid once.
    ''')
    nb.code('''
        int batchSize = 100;
        var xBatch = xTest.slice(0, batchSize);
        var z1 = Activations.sigmoid(xBatch.dot(p.get("W1")).add(p.get("b1")));
        var z2 = Activations.sigmoid(z1.dot(p.get("W2")).add(p.get("b2")));
        var yBatch = Activations.softmax(z2.dot(p.get("W3")).add(p.get("b3")));
        System.out.println("x " + xBatch.shapeString() + " -> z1 " + z1.shapeString() + " -> z2 " + z2.shapeString()
                           + " -> y " + yBatch.shapeString());
        System.out.println("same as network.predict: " + yBatch.allclose(network.predict(xBatch)));

        // neuralnet_mnist_batch.py's loop: for i in range(0, len(x), batch_size): ... np.argmax(y_batch, axis=1)
        network.countCorrect(xTest, tTest, batchSize);      // once to warm up (Java compiles hot code on first use)
        long t2 = System.nanoTime();
        int correct = network.countCorrect(xTest, tTest, batchSize);
        double batched = (System.nanoTime() - t2) / 1e9;
        System.out.println(NeuralnetMnist.accuracyLine(correct, n) + String.format("  (batches of %d: %.3f s; one at a time took %.1fx as long)",
                          batchSize, batched, oneByOne / batched));
    ''')

    nb.md(r'''
        ### What the network sees

        The first test digits with the network's answer; a wrong answer is printed in red. The
        confusion matrix counts, for each true digit (row), what the network answered (column).
    ''')
    nb.plot('''
        var shown = xTest.slice(0, 40);
        int[] predicted = network.predict(shown).argmax(1).toIntArray();
        Images.digitGrid(shown, tTest.slice(0, 40).toIntArray(), predicted, 10)
    ''')
    nb.code('''
        int[] allPredicted = network.predict(xTest).argmax(1).toIntArray();
        Tables.confusionMatrix(allPredicted, tTest.toIntArray(), 10)
    ''')

    nb.exercises("chapter 3", "the activation functions (step, sigmoid, ReLU) and the overflow-safe "
                 "softmax; the tests check the seed's values, including softmax([1010, 1000, 990]).",
                 ("ch3.ActivationFunctions", "ch3.SoftmaxFunction"))
    nb.md(r'''
        ## What you saw

        - A neuron computes $a = b + \sum_i w_ix_i$ then $y = h(a)$; the step function makes it a
          perceptron, a smooth $h$ (sigmoid, tanh, ReLU) a neural network.
        - Activations must be non-linear: linear layers collapse into one ($h(h(h(x))) = c^3x$).
        - A layer is one matrix product plus a broadcast bias: $A = XW + B$; shapes chain
          `(2,) · (2, 3) · (3, 2) · (2, 2)`.
        - Softmax turns scores into probabilities summing to 1; subtracting $\max(a)$ keeps
          $e^{1010}$ from overflowing to `NaN`.
        - MNIST inference: normalize and flatten, predict with `argmax`; a batch of 100 gives the same
          answers as 100 single passes, many times faster.
        - The book's own trained weights (`sample_weight.pkl`, float32) run unchanged in the kit and give
          the book's `Accuracy:0.9352` on MNIST's 10,000 test images.
    ''')
    return nb
