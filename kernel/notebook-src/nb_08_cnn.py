"""08-cnn: convolutional neural networks (seed 001, 卷积神经网络; the book's chapters 7-8)."""

from nbgen import Notebook


def build():
    nb = Notebook("08-cnn")
    nb.md(r'''
        # 8. Convolutional neural networks

        CNNs are used for image and speech recognition, above all images. A fully connected layer flattens the image
        to one dimension: it **loses the spatial structure** and needs **huge numbers of parameters**. A CNN keeps the
        shape (C, H, W) and uses **local connections** (each output looks at a small patch) and **weight sharing**
        (every patch is multiplied by the same filter). Its weakness: it only sees nearby features (a transformer has a
        more global view). Training lengths read `Course.pick(full, quick)` (`DLFS_QUICK=1` shortens them).
    ''')

    nb.md(r'''
        ## 8.1 A convolution by hand

        Multiply the filter with each same-sized window of the input element by element and **sum** (a
        multiply-accumulate), sliding the window; then add the **bias** to every output. The book's example: a 4×4
        input and a 3×3 filter give a 2×2 output; the bias 3 is added to each element.
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;
        import dlfs.layers.*;
        import dlfs.plot.*;
        import tech.tablesaw.api.*;

        var input = NDArray.of(new double[][] {{1, 2, 3, 0}, {0, 1, 2, 3}, {3, 0, 1, 2}, {2, 3, 0, 1}});
        var filter = NDArray.of(new double[][] {{2, 0, 1}, {0, 1, 2}, {1, 0, 2}});
        NDArray convolve(NDArray x, NDArray f, int stride) {
            int fh = f.shape(0), fw = f.shape(1);
            int oh = (x.shape(0) - fh) / stride + 1, ow = (x.shape(1) - fw) / stride + 1;
            var out = NDArray.zeros(oh, ow);
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    double s = 0;
                    for (int u = 0; u < fh; u++)
                        for (int v = 0; v < fw; v++) s += x.get(i * stride + u, j * stride + v) * f.get(u, v);
                    out.set(s, i, j);
                }
            return out;
        }
        var byHand = convolve(input, filter, 1);
        System.out.println("by hand:\\n" + byHand);
        System.out.println("plus bias 3:\\n" + byHand.add(3));
        // the same with the library's Convolution layer, data as (N, C, H, W) = (1, 1, 4, 4)
        var conv = new Convolution(filter.reshape(1, 1, 3, 3), NDArray.of(3.0), 1, 0);
        System.out.println("Convolution layer:\\n" + conv.forward(input.reshape(1, 1, 4, 4)));
    ''')

    nb.md(r'''
        ### Padding, stride and the output size

        **Padding** fills a border of fixed values (e.g. 0) around the input: more padding, larger output; it can keep
        the spatial size unchanged for the next layer. **Stride** is the step between window positions: larger stride,
        smaller output. For input (H, W), filter (FH, FW), padding P and stride S:
        $$ OH = \frac{H + 2P - FH}{S} + 1, \qquad OW = \frac{W + 2P - FW}{S} + 1. $$
        **These must divide exactly.** Some frameworks silently round; the library refuses with an error:
    ''')
    nb.code('''
        var hCol = StringColumn.create("input");
        var fCol = StringColumn.create("filter");
        var pCol = IntColumn.create("pad");
        var sCol = IntColumn.create("stride");
        var oCol = StringColumn.create("output");
        int[][] cases = {{4, 4, 3, 3, 1, 1}, {7, 7, 3, 3, 0, 2}, {28, 31, 5, 5, 2, 3}, {4, 4, 3, 3, 0, 1}};
        for (int[] c : cases) {
            hCol.append("(" + c[0] + ", " + c[1] + ")");
            fCol.append("(" + c[2] + ", " + c[3] + ")");
            pCol.append(c[4]);
            sCol.append(c[5]);
            oCol.append("(" + Im2Col.outSize("height", c[0], c[2], c[5], c[4]) + ", " + Im2Col.outSize("width", c[1], c[3], c[5], c[4]) + ")");
        }
        System.out.println("padding 1 keeps the 4x4 size:\\n" + new Convolution(filter.reshape(1, 1, 3, 3), NDArray.of(0.0), 1, 1).forward(input.reshape(1, 1, 4, 4)));
        Table.create("OH = (H + 2P - FH) / S + 1", hCol, fCol, pCol, sCol, oCol)
    ''')
    nb.fails('''
        Im2Col.outSize("Convolution height", 28, 5, 2, 0)     // (28 - 5) / 2 is not whole: an error, not a rounded size
    ''')

    nb.md(r'''
        ### Channels and batches

        With C input channels the filter has C channels too, (C, FH, FW): each channel is convolved with its own slice
        and the results are **summed** into one output map. FN filters give FN output channels, so the weights are
        (FN, C, FH, FW) and the bias (FN). Between layers data is 4-D: (batch_num, channel, height, width). A filter's
        parameter count does not depend on the image size.

        **Small filters.** Usually 3×3 (5×5 sometimes; rarely smaller). Stacking small filters beats one large one:
        three 3×3 layers see a 7×7 receptive field (the area of the input an output element depends on) with fewer
        parameters and three ReLUs instead of one. With C channels in and out:
        one 7×7 layer needs $C\times(7\times7\times C) = 49C^2$, three 3×3 layers $3\times C\times(3\times3\times C) = 27C^2$
        (the seed's text says "three 7×7" in the second formula: a typo for three 3×3). This is VGG's idea.
    ''')
    nb.code('''
        var cCol = IntColumn.create("channels C");
        var one7 = IntColumn.create("one 7x7: 49 C^2");
        var three3 = IntColumn.create("three 3x3: 27 C^2");
        for (int c : new int[] {3, 16, 64, 256}) { cCol.append(c); one7.append(49 * c * c); three3.append(27 * c * c); }
        // the same count from real layers: Convolution weights (FN, C, FH, FW)
        var big = new Convolution(NDArray.zeros(64, 64, 7, 7), NDArray.zeros(64), 1, 3);
        var small3 = new Convolution(NDArray.zeros(64, 64, 3, 3), NDArray.zeros(64), 1, 1);
        System.out.println("C = 64: one 7x7 layer " + big.filters().size() + " weights, three 3x3 layers " + 3 * small3.filters().size());
        Table.create("parameters for the same 7x7 receptive field", cCol, one7, three3)
    ''')

    nb.md(r'''
        ## 8.2 Pooling

        Pooling shrinks the data (less computation, some protection against overfitting): **max pooling** takes the
        largest value of each window (average pooling, the mean, is less common); window size and stride are usually
        equal. It has **no parameters**, keeps the **number of channels**, and is **robust to small shifts** of the input.
    ''')
    nb.code('''
        var pin = NDArray.of(new double[][] {{1, 2, 1, 0}, {0, 1, 2, 3}, {3, 0, 1, 2}, {2, 4, 0, 1}}).reshape(1, 1, 4, 4);
        var pool = new Pooling(2, 2, 2);
        System.out.println("max pooling 2x2, stride 2:\\n" + pool.forward(pin).reshape(2, 2));
        var shifted = NDArray.of(new double[][] {{2, 1, 0, 0}, {1, 2, 3, 0}, {0, 1, 2, 0}, {4, 0, 1, 0}}).reshape(1, 1, 4, 4);
        System.out.println("input shifted one column left -> pooled:\\n" + pool.forward(shifted).reshape(2, 2));
    ''')

    nb.md(r'''
        ## 8.3 im2col, pictured

        Loops over windows are slow; **im2col** ("image to columns") copies every window the filter visits into one
        **row** of a matrix, so the whole convolution becomes one matrix product: `col @ W.reshape(FN, -1).T`. For a
        (N, C, H, W) input the matrix is (N·OH·OW, C·FH·FW). Our 4×4 example with a 3×3 filter has 4 windows, each
        9 values:
    ''')
    nb.plot('''
        var x4 = input.reshape(1, 1, 4, 4);
        var col = Im2Col.im2col(x4, 3, 3, 1, 0);
        System.out.println("col " + col.shapeString() + ":\\n" + col);
        System.out.println("col @ filter as a column = " + col.dot(filter.reshape(9, 1)).reshape(2, 2) + "  (the 2x2 output again)");
        // pictured: each window of the input (left) becomes one row of col (right)
        var tiles = NDArray.zeros(5, 1, 4, 4);
        tiles.setRows(0, x4);
        for (int w = 0; w < 4; w++) {                      // window w highlighted: its 9 pixels kept, the rest 0
            int i0 = w / 2, j0 = w % 2;
            for (int u = 0; u < 3; u++) for (int v = 0; v < 3; v++)
                tiles.set(input.get(i0 + u, j0 + v) + 1, w + 1, 0, i0 + u, j0 + v);
        }
        display(Images.featureMaps(tiles.reshape(5, 4, 4)));
        Images.image(col, 40)
    ''')
    nb.md(r'''
        Above: the input and its four 3×3 windows (bright), then the 4×9 `col` matrix, one window per row.

        **col2im** goes back, for the backward pass: each row's gradient is added to the pixels its window covered.
        Windows **overlap**, so a pixel receives a contribution from every window that contains it, which is why the
        book's `col2im` uses `+=` rather than `=`. Feeding it a `col` of ones shows how many windows cover each pixel:
    ''')
    nb.plot('''
        var counts = Im2Col.col2im(NDArray.ones(4, 9), new int[] {1, 1, 4, 4}, 3, 3, 1, 0);
        System.out.println("windows covering each pixel (col2im of ones):\\n" + counts.reshape(4, 4));
        Images.image(counts.reshape(4, 4), 40, 0, 4)                   // gray scale 0..4 windows: no pixel is covered 0 times
    ''')

    nb.md(r'''
        ## 8.4 SimpleConvNet

        The book's first CNN: Conv (30 filters 5×5, stride 1, pad 0) → ReLU → max Pool 2×2 → Affine (100) → ReLU →
        Affine (10) → Softmax, weights N(0, 0.01²). Sizes: (28 − 5)/1 + 1 = 24, pooled 12, so the first affine layer
        takes 30·12·12 = 4320 values. The book trains 20 epochs with Adam (lr 0.001), batch 100 on MNIST and reaches
        about 99% test accuracy; quick mode trains a few dozen iterations on a small subset.
    ''')
    nb.code('''
        import dlfs.nets.*;
        import dlfs.optim.*;
        import dlfs.train.*;
        import dlfs.data.*;

        var mnist = Datasets.mnist(true, false, false);            // images as (N, 1, 28, 28)
        if (Course.quick()) mnist = mnist.head(600, 200);
        System.out.println("train " + mnist.xTrain().shapeString() + ", test " + mnist.xTest().shapeString());
        var cnn = new SimpleConvNet(new Rng(0));
        var filtersBefore = cnn.filters().copy();
        var trainer = new Trainer(cnn, new Adam(0.001)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
            .batchSize(100).seed(1).evalSample(Course.pick(1000, 200));
        var history = Course.quick() ? trainer.iterations(25).train() : trainer.epochs(20).train();
        System.out.println(String.format("test accuracy %.4f after %d iterations", history.finalTestAcc(), history.iterations()));
    ''')
    nb.plot('''
        Charts.grid(List.of(Plots.lossCurve(history.loss(), 20), Plots.accuracyCurves(history.trainAcc(), history.testAcc())), 2, 560, 380)
    ''')

    nb.md(r'''
        ### Filters before and after training

        What do the filters do? Before training they are random noise; after training they respond to **edges**
        (boundaries where the colour changes) and **blobs** (local patches). Deeper layers extract more abstract
        information, from simple shapes towards "higher-level" features.
    ''')
    nb.plot('''
        display(Images.filterGrid(filtersBefore, 10));
        Images.filterGrid(cnn.filters(), 10)
    ''')
    nb.md(r'''
        A short run barely moves the filters away from their random start. The book's `visualize_filter.py`
        shows the filters of a SimpleConvNet trained to the end, its `params.pkl` (the kit ships the book's
        trained weights converted, in `data/models/book/`): first a new net's random filters, then
        `network.load_params("params.pkl")`'s, drawn as the book's `filter_show` does (gray_r, 8 per row).
        Many of the trained ones are edge detectors (dark next to bright) or blobs.
    ''')
    nb.plot('''
        import dlfs.book.*;

        display(VisualizeFilter.filterShow(VisualizeFilter.initialFilters(0)));   // network = SimpleConvNet()
        VisualizeFilter.filterShow(VisualizeFilter.trainedFilters())               // after load_params("params.pkl")
    ''')
    nb.plot('''
        var acts = cnn.activations(mnist.xTest().slice(0, 1));
        System.out.println("layers: " + acts.keySet());
        display(Images.image(mnist.xTest().slice(0, 1).reshape(28, 28), 4));
        Images.featureMaps(acts.get("Relu1").reshape(30, 24, 24))
    ''')

    nb.md(r'''
        ## 8.5 CNN architectures

        Why convolve several times before pooling? To accumulate features first. The classic designs:
        - **LeNet** (1998): sigmoid activations and subsampling; today's CNNs use ReLU and max pooling.
        - **AlexNet** (2012): ReLU, max pooling, Local Response Normalization (LRN), Dropout.
        - **VGG** (2014): stacks of 3×3 convolutions; after each pooling (features shrink) the channels double to make
          up for it.
        - **ResNet** (2015): deeper plain nets had *larger* error, even on the training data. A residual block adds a
          shortcut, $y = F(x) + x$: if the extra layers learn $F = 0$ the block is the identity, so adding layers should
          at least not make the model worse, and the shortcut passes the gradient back unchanged
          ($\partial y/\partial x = F'(x) + 1$).

        The library builds LeNet-5 and the book's VGG-like DeepConvNet from the same layers; their parameter counts
        and a short equal-budget training run sit beside the published figures:
    ''')
    nb.code('''
        long countParams(Net net) { return net.params().values().stream().mapToLong(NDArray::size).sum(); }
        int budget = Course.pick(100, 3);
        var kit = new LinkedHashMap<String, Net>();
        kit.put("LeNet-5 (ReLU, max pool)", new LeNet5("relu", new Rng(0)));
        kit.put("SimpleConvNet", new SimpleConvNet(new Rng(0)));
        kit.put("DeepConvNet (VGG-like)", new DeepConvNet(new Rng(0)));
        var kitName = StringColumn.create("net in the kit");
        var kitParams = LongColumn.create("parameters");
        var kitAcc = DoubleColumn.create("test acc after " + budget + " Adam steps");
        var kitSec = DoubleColumn.create("seconds");
        for (var e : kit.entrySet()) {
            var h = new Trainer(e.getValue(), new Adam(0.001)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
                .iterations(budget).batchSize(100).seed(1).evalSample(200).verbose(false).train();
            kitName.append(e.getKey());
            kitParams.append(countParams(e.getValue()));
            kitAcc.append(h.finalTestAcc());
            kitSec.append(Math.round(h.seconds() * 10) / 10.0);
        }
        display(Table.create("the kit's CNNs (same data, same budget)", kitName, kitParams, kitAcc, kitSec));

        Table.create("published architectures",
            StringColumn.create("net", "LeNet-5", "AlexNet", "VGG-16", "ResNet-50"),
            IntColumn.create("year", 1998, 2012, 2014, 2015),
            IntColumn.create("weight layers", 5, 8, 16, 50),
            StringColumn.create("activation", "sigmoid/tanh", "ReLU", "ReLU", "ReLU"),
            StringColumn.create("pooling", "subsampling (average)", "max", "max", "max (+ global average)"),
            StringColumn.create("what is new", "conv + subsampling, trained by backprop", "ReLU, LRN, Dropout, GPUs",
                "only 3x3 convs, channels double after each pool", "residual shortcuts y = F(x) + x, batch norm"),
            StringColumn.create("parameters (approx.)", "60 thousand", "61 million", "138 million", "25.6 million"))
    ''')

    nb.md(r'''
        ## 8.6 More accuracy from the same data: augmentation

        The kit ships 8,000 training digits, not MNIST's 60,000, and on them SimpleConvNet levels off near 97.5%.
        The book's chapter 8 gives the remedy that needs no new data: **data augmentation**. Every mini-batch is
        moved by a small random warp (shift up to ±2 pixels, rotation up to ±10°, scale ±10%) before the net sees
        it. The label stays right, but no two epochs show the net the same pixels. `Augment.affine` builds the
        transform; here are eight draws of one test digit:
    ''')
    nb.plot('''
        var one = mnist.xTest().slice(0, 1);
        var warp = Augment.affine(2, 10, 0.1, new Rng(7));
        var copies = NDArray.zeros(8, 1, 28, 28);
        copies.setRows(0, one);
        for (int i = 1; i < 8; i++) copies.setRows(i, warp.apply(one));
        var labels = new int[8];
        Arrays.fill(labels, (int) mnist.tTest().get(0));
        Images.digitGrid(copies.reshape(8, 28, 28), labels, null, 8)
    ''')
    nb.md(r'''
        Trained on warped batches (`new Trainer(net, adam).data(x, t).augment(warp)...train()`), SimpleConvNet
        reaches **98.55%** on the 2,000 shipped test digits after 30 epochs of 80 iterations (about 70 s on two
        cores; measured with `java -cp ... dlfs.train.ConvNetRun --augment digits 30`, and pinned by
        `SimpleConvNetTrainingTest`). Without augmentation the same run stops at 97.55%.

        The kit ships that trained net (`data/models/simple-convnet-digits.dlfs`, saved with `net.save(path)`;
        the book pickles its parameters the same way with `save_params`). Loading it takes a moment, not a
        training run:
    ''')
    nb.code('''
        var digits = Datasets.digits(true, false, false);
        var trained = new SimpleConvNet(new Rng(0));
        trained.load(Course.dataDir().resolve("models/simple-convnet-digits.dlfs"));
        System.out.println(String.format("shipped net: test accuracy %.4f on %d digits", trained.accuracy(digits.xTest(), digits.tTest()),
            digits.testSize()));
    ''')
    nb.md(r'''
        Its first-layer filters after all that training: many are the oriented edge detectors (dark next to bright)
        that section 8.4 describes.
    ''')
    nb.plot('''
        Images.filterGrid(trained.filters(), 10)
    ''')
    nb.md(r'''
        And the digits it still gets wrong (true label above, prediction below); several are hard for people too:
    ''')
    nb.plot('''
        var predicted = trained.predict(digits.xTest()).argmax(1);
        var wrong = new ArrayList<Integer>();
        for (int i = 0; i < digits.testSize() && wrong.size() < 16; i++)
            if (predicted.get(i) != digits.tTest().get(i)) wrong.add(i);
        int[] idx = wrong.stream().mapToInt(Integer::intValue).toArray();
        int[] truth = new int[idx.length], guess = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            truth[k] = (int) digits.tTest().get(idx[k]);
            guess[k] = (int) predicted.get(idx[k]);
        }
        Images.digitGrid(digits.xTest().rows(idx).reshape(idx.length, 28, 28), truth, guess, 8)
    ''')

    nb.md(r'''
        ## 8.7 The book's trained DeepConvNet

        Chapter 8's deeper net (`deep_convnet.py`, `DeepConvNet` in the kit): three blocks of two 3×3
        convolutions with ReLU and a max pool (16, 16, 32, 32, 64, 64 filters), then affine 50 → ReLU →
        dropout → affine 10 → dropout. The book ships it trained, `deep_convnet_params.pkl`; the kit loads the
        converted file into its own `DeepConvNet`, whose layers, parameter names and shapes are the book's.
        `misclassified_mnist.py` classifies the test images 100 at a time and shows the ones it gets wrong.

        The images are the real MNIST test set when it is at hand, otherwise the kit's shipped test digits
        (the first line says which); quick mode takes only the first 500. On all 10,000 MNIST test images
        the book's numpy code and the kit both count **9,797** correct (0.9797, the same 203 images wrong;
        `DeepConvNetMnistTest` checks it image by image).
    ''')
    nb.code('''
        var bookSet = TestSet.load(false).head(Course.pick(10_000, 500));
        System.out.println("images: " + bookSet.description());
        var deep = BookWeights.deepConvNet();                                  // network.load_params("deep_convnet_params.pkl")
        int[] classified = MisclassifiedMnist.classify(deep, bookSet.x());     // 100 at a time, train_flg=False
        int correct64 = MisclassifiedMnist.correct(classified, bookSet.t());
        System.out.println("test accuracy:" + (double) correct64 / bookSet.size() + "  (" + correct64 + " of " + bookSet.size() + ")");
        System.out.println("{view index: (label, inference), ...}");
        System.out.println(MisclassifiedMnist.misPairs(classified, bookSet.t(), MisclassifiedMnist.MAX_VIEW));
    ''')
    nb.md(r'''
        The first 20 it gets wrong (at most), drawn like the book's figure (gray_r: dark ink on white), the
        true label above and the net's answer in red. Many are ambiguous even for people.
    ''')
    nb.plot('''
        MisclassifiedMnist.picture(bookSet.x(), bookSet.t(), classified, MisclassifiedMnist.MAX_VIEW)
    ''')
    nb.md(r'''
        ### Half precision is enough

        `half_float_network.py` rounds every weight and every input to 16-bit floats (`astype(np.float16)`:
        10 fraction bits, about 3 decimal digits) and measures again. `HalfFloatNetwork.toFloat16` does the
        same with the kit's own IEEE binary16 rounding (to nearest, ties to even); as in the book only the
        values are rounded and the arithmetic stays in float64. On MNIST's 10,000 test images the numpy
        reference and the kit count **9,798** correct in float16 against 9,797 in float64: one image more,
        the accuracy does not suffer.
    ''')
    nb.code('''
        var deep16 = HalfFloatNetwork.toFloat16(BookWeights.deepConvNet());    // param[...] = param.astype(np.float16)
        var x16 = HalfFloatNetwork.toFloat16(bookSet.x());                     // x_test.astype(np.float16)
        int correct16 = MisclassifiedMnist.correct(MisclassifiedMnist.classify(deep16, x16), bookSet.t());
        Table.create("DeepConvNet on " + bookSet.size() + " images (" + (bookSet.realMnist() ? "MNIST test set" : "shipped digits, not MNIST's test set") + ")",
            StringColumn.create("weights and images", "as trained", "rounded to half precision"),
            StringColumn.create("dtype of the weights", BookWeights.dtype(deep).toString(), BookWeights.dtype(deep16).toString()),
            IntColumn.create("correct", correct64, correct16),
            DoubleColumn.create("accuracy", (double) correct64 / bookSet.size(), (double) correct16 / bookSet.size()))
    ''')

    nb.exercises("chapters 7 and 8 (CNNs, and augmentation)",
                 "im2col and col2im, the convolution's forward pass by im2col and one matrix product and its "
                 "backward pass (dW, db, and dx through col2im), max pooling forward and backward, and section "
                 "8.6's augmentation (flips, shifts and random crops through the given Rng); the tests check the "
                 "book's output sizes (with padding and stride), compare with the library on seeded inputs and "
                 "with numerical gradients, and test the random augmentations by their properties.",
                 ("ch7.ImageToColumns", "ch7.ColumnsToImage", "ch7.ConvolutionForward", "ch7.ConvolutionBackward",
                  "ch7.MaxPoolingForward", "ch7.MaxPoolingBackward", "ch8.DataAugmentation"))
    nb.md(r'''
        ## What you saw

        - A convolution multiplies each window by the filter and sums, then adds the bias; channels are summed;
          $OH = (H + 2P - FH)/S + 1$ must be a whole number.
        - Three 3×3 layers cover a 7×7 field with 27C² instead of 49C² weights; max pooling has no parameters and keeps
          the channels.
        - im2col turns a convolution into one matrix product; col2im adds (`+=`) overlapping windows back.
        - SimpleConvNet learns edge and blob filters; LeNet, AlexNet, VGG and ResNet differ in activation, pooling,
          depth and, for ResNet, shortcuts.
        - Random warps of the training batches (augmentation) lift the net past 98% on the kit's 8,000 digits.
        - The book's own trained nets load into the kit's: SimpleConvNet's learned filters (`params.pkl`), and
          the DeepConvNet's mistakes (`deep_convnet_params.pkl`), with the same accuracy after rounding every
          weight to half precision.
    ''')
    return nb
