"""07-training-tricks: initialisation, optimizers, batch norm, regularisation, hyperparameter search (seed 001, 训练技巧)."""

from nbgen import Notebook


def build():
    nb = Notebook("07-training-tricks")
    nb.md(r'''
        # 7. Training tricks

        The seed's chapter *训练技巧* (the book's chapter 6): how to **initialise weights**, how to **update**
        them (SGD, Momentum, AdaGrad, Adam), **batch normalization**, fighting **overfitting** with weight
        decay and dropout, and **searching hyperparameters** on validation data. Each experiment reads its
        length from `Course.pick(full, quick)`: the default keeps the book's settings, `DLFS_QUICK=1` (CI)
        shortens them.
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;
        import dlfs.nets.*;
        import dlfs.optim.*;
        import dlfs.train.*;
        import dlfs.plot.*;
        import dlfs.data.*;
        import tech.tablesaw.api.*;

        var mnist = Datasets.mnist();                    // normalized (N, 784), labels (N)
        System.out.println(mnist);
    ''')

    nb.md(r'''
        ## 7.1 Weight initialisation

        *With suitable initial weights, each layer's activations have a suitable spread, and learning goes
        smoothly.* Can the weights start at 0? No: every unit of a layer then computes the same thing and
        receives the **same update**, so they stay identical forever ("weight symmetry"); initial weights must
        be random, e.g. `w = 0.01 * np.random.randn(D, H)`. With all-zero weights (σ = 0) a MultiLayerNet
        learns nothing in its hidden layers:
    ''')
    nb.code('''
        var zeroNet = new MultiLayerNet(784, new int[] {50, 50}, 10, "sigmoid", "0", 0, new Rng(0));
        var zh = new Trainer(zeroNet, new SGD(0.5)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
            .iterations(Course.pick(200, 30)).batchSize(100).seed(1).evalSample(1000).verbose(false).train();
        var zW1 = zeroNet.params().get("W1");
        var zW2 = zeroNet.params().get("W2");
        System.out.println("after training: W1 columns all equal? " + zW1.sub(zW1.slice(0, 784).mean(1, true)).abs().max()
            + " (max distance of a unit's weights from the mean unit)");
        System.out.println("W2 rows all equal? " + zW2.sub(zW2.mean(0, true)).abs().max());
        System.out.println("test accuracy: " + zh.finalTestAcc());
    ''')

    nb.md(r'''
        ### Activation histograms

        The book's experiment: 1000 random inputs through 5 layers of 100 units, no bias, and a histogram of each
        layer's activations. Two failure modes (the seed):
        - **vanishing gradients**: with σ = 1 and sigmoid, activations pile up at 0 and 1, where the sigmoid's
          derivative is ≈ 0;
        - **limited expressiveness**: with σ = 0.01 they all sit near 0.5: every unit says the same thing.

        **Xavier** init (for sigmoid, tanh) uses σ = $1/\sqrt{n}$ with $n$ the previous layer's nodes; **He** init
        (for ReLU) uses σ = $\sqrt{2/n}$. *The seed writes He's σ as $2/\sqrt{n}$; that is a typo: the book and
        the library use $\sqrt{2/n}$* (for n = 100: 0.141, not 0.2). tanh, symmetric about 0, also fixes the
        sigmoid's skew.
    ''')
    nb.plot('''
        var runsH = new LinkedHashMap<String, String[]>();
        runsH.put("sigmoid, std 1", new String[] {"sigmoid", "1"});
        runsH.put("sigmoid, std 0.01", new String[] {"sigmoid", "0.01"});
        runsH.put("sigmoid, Xavier", new String[] {"sigmoid", "xavier"});
        runsH.put("tanh, Xavier", new String[] {"tanh", "xavier"});
        runsH.put("ReLU, std 0.01", new String[] {"relu", "0.01"});
        runsH.put("ReLU, Xavier", new String[] {"relu", "xavier"});
        runsH.put("ReLU, He", new String[] {"relu", "he"});
        var panels = new ArrayList<Object>();
        for (var e : runsH.entrySet()) {
            var acts = InitExperiment.activations(e.getValue()[0], e.getValue()[1], new Rng(0));
            var perLayer = new LinkedHashMap<String, double[]>();
            for (int i = 0; i < acts.size(); i++) perLayer.put(e.getKey() + ": layer " + (i + 1), acts.get(i).data());
            panels.add(Plots.activationHistograms(perLayer, 30));
        }
        Charts.grid(panels, 1, 1400, 230)
    ''')
    nb.code('''
        var summary = InitExperiment.summary(new String[] {"sigmoid", "relu"}, new String[] {"1", "0.01", "xavier", "he"}, 0);
        summary.where(summary.intColumn("layer").isIn(1, 5))
    ''')

    nb.md(r'''
        The same three inits training a 5-layer ReLU net on MNIST (the book's `weight_init_compare`: 4 hidden layers
        of 100, SGD lr 0.01, batch 128, 2000 iterations): with σ = 0.01 it barely learns, He learns fastest.
    ''')
    nb.long('''
        int initIters = Course.pick(2000, 60);
        var initCurves = new LinkedHashMap<String, double[]>();
        for (String init : List.of("0.01", "xavier", "he")) {
            var net = new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, "relu", init, 0, new Rng(0));
            var h = new Trainer(net, new SGD(0.01)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
                .iterations(initIters).batchSize(128).seed(1).evalSample(500).verbose(false).train();
            initCurves.put("std " + init, Plots.smooth(h.loss(), 20));
            System.out.println(String.format("%-12s final loss %.4f  test accuracy %.3f", init, h.loss()[initIters - 1], h.finalTestAcc()));
        }
        Plots.compare(initCurves, "iteration", "loss (smoothed)", "weight init on MNIST (ReLU, 5 layers)")
    ''', 'about 2 min', plot=True)

    nb.md(r'''
        ## 7.2 Updating the weights

        **SGD**: $W \leftarrow W - \eta\,\partial L/\partial W$. Inefficient when the gradient does not point at the
        minimum. **Momentum**: $v \leftarrow \alpha v - \eta\,\partial L/\partial W$, $W \leftarrow W + v$: inertia
        smooths the zig-zag. **AdaGrad**: $h \leftarrow h + \partial L/\partial W\odot\partial L/\partial W$,
        $W \leftarrow W - \eta\,\frac{1}{\sqrt h}\,\partial L/\partial W$: a per-parameter learning rate that decays
        where gradients have been large (plus $10^{-7}$ against division by zero); **RMSProp** forgets old gradients
        with an exponential moving average so the rate does not decay to 0. **Adam** merges Momentum and AdaGrad
        (learning rate $\alpha$, moment coefficients $\beta_1$, $\beta_2$) with bias correction.

        The book's picture: minimise $f(x, y) = x^2/20 + y^2$ from $(-7, 2)$, 30 steps each
        (SGD η 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3):
    ''')
    nb.plot('''
        var paths = new LinkedHashMap<String, double[][]>();
        OptimizerPaths.bookComparison().forEach((name, p) -> {
            double[][] points = new double[p[0].length][];          // (x's, y's) -> one (x, y) row per step
            for (int i = 0; i < points.length; i++) points[i] = new double[] {p[0][i], p[1][i]};
            paths.put(name, points);
        });
        Plots.optimizerPaths(paths, OptimizerPaths::f, new double[] {-10, 10}, new double[] {-5, 5})
    ''')
    nb.long('''
        int optIters = Course.pick(2000, 60);
        var optCurves = new LinkedHashMap<String, double[]>();
        var optimizers = new LinkedHashMap<String, Optimizer>();
        optimizers.put("SGD", new SGD(0.01));
        optimizers.put("Momentum", new Momentum(0.01));
        optimizers.put("AdaGrad", new AdaGrad(0.01));
        optimizers.put("Adam", new Adam(0.001));
        for (var e : optimizers.entrySet()) {
            var net = new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, new Rng(0));
            var h = new Trainer(net, e.getValue()).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
                .iterations(optIters).batchSize(128).seed(1).evalSample(500).verbose(false).train();
            optCurves.put(e.getKey(), Plots.smooth(h.loss(), 20));
            System.out.println(String.format("%-9s final loss %.4f  test accuracy %.3f", e.getKey(), h.loss()[optIters - 1], h.finalTestAcc()));
        }
        Plots.compare(optCurves, "iteration", "loss (smoothed)", "optimizers on MNIST (5-layer ReLU net, batch 128)")
    ''', 'about 2 min', plot=True)
    nb.md(r'''
        Which is best depends on the problem, the hyperparameters and the architecture; in general the three
        adaptive methods learn faster than SGD and reach a higher accuracy.
    ''')

    nb.md(r'''
        ## 7.3 Batch normalization

        *Adjust the distribution of activations so it has a suitable spread*: normalise each mini-batch to mean 0,
        variance 1, then scale and shift (γ = 1, β = 0 at first; both learned):
        $$ \mu_B = \frac1m\sum_i x_i,\quad \sigma_B^2 = \frac1m\sum_i (x_i-\mu_B)^2,\quad
           \hat x_i = \frac{x_i-\mu_B}{\sqrt{\sigma_B^2+\varepsilon}},\quad y_i = \gamma\hat x_i + \beta. $$
        Benefits: faster learning (larger learning rates), less dependence on the initial weights, some
        regularisation (less need for dropout).
    ''')
    nb.code('''
        import dlfs.layers.*;
        var bn = BatchNormalization.of(3);
        var batch = new Rng(0).normal(5.0, 3.0, 8, 3);           // 8 samples, 3 features, mean 5, std 3
        var normed = bn.forward(batch, true);
        System.out.println("before: mean " + batch.mean(0) + " std " + batch.var(0, false).sqrt());
        System.out.println("after:  mean " + normed.mean(0).map(v -> Math.abs(v) < 1e-12 ? 0 : v) + " std " + normed.var(0, false).sqrt());
    ''')
    nb.md(r'''
        The book's test: a 5-layer net (hidden 100 ×5, SGD lr 0.01, batch 100) trained on 1000 samples with and
        without batch norm, for several initial weight scales. Training accuracy per epoch (a run that diverges,
        its loss NaN or its weights exploded, stops there with a `TrainingDivergedException`; the book's numpy
        run keeps going with NaN weights at chance level):
    ''')
    nb.long('''
        var bnData = mnist.head(1000, 1);
        int bnEpochs = Course.pick(20, 4);
        var bnPanels = new ArrayList<Object>();
        for (String std : List.of("1.0", "0.1", "0.03", "0.01")) {
            var curves = new LinkedHashMap<String, double[]>();
            for (boolean useBn : new boolean[] {true, false}) {
                var net = new MultiLayerNetExtend(784, new int[] {100, 100, 100, 100, 100}, 10, "relu", std, 0,
                    false, 0, useBn, new Rng(0));
                String label = useBn ? "Batch Normalization" : "Normal (without BN)";
                History h;
                try {
                    h = new Trainer(net, new SGD(0.01)).data(bnData.xTrain(), bnData.tTrain(), bnData.xTrain(), bnData.tTrain())
                        .epochs(bnEpochs).batchSize(100).seed(1).verbose(false).train();
                } catch (TrainingDivergedException ex) {       // without BN, large initial weights blow up
                    h = ex.history();
                    label += " (diverged)";
                }
                curves.put(label, h.trainAcc().length > 0 ? h.trainAcc() : new double[] {0.1});
            }
            var c = Plots.compare(curves, "epochs", "train accuracy", "W init std " + std);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(1.0);
            bnPanels.add(c);
        }
        Charts.grid(bnPanels, 4, 360, 300)
    ''', 'about 1 min', plot=True)

    nb.md(r'''
        ## 7.4 Regularisation

        **Overfitting** happens when the model has many parameters (is very expressive) and the training data are
        few. The book's demo: a 7-layer net (6 hidden layers of 100) trained on only 300 MNIST samples memorises them
        (train accuracy → 1.0) while test accuracy stays far lower.

        **Weight decay** penalises large weights: add $\frac12\lambda W^2$ to the loss ($\lambda$ sets the strength;
        the ½ makes its derivative $\lambda W$), and add $\lambda W$ to each weight's gradient.

        **Dropout** (for complex nets where weight decay is not enough) randomly deletes neurons while training,
        so each step trains a different thinned model, like an ensemble; at inference every output is scaled by
        (1 − dropout ratio), the average of those models:
    ''')
    nb.code('''
        var drop = new Dropout(0.5, new Rng(0));
        var ones = NDArray.ones(2, 8);
        System.out.println("train:     " + drop.forward(ones, true));
        System.out.println("backward passes the gradient only where the mask kept the neuron: " + drop.backward(ones));
        System.out.println("inference: " + drop.forward(ones, false));
    ''')
    nb.long('''
        int regEpochs = Course.pick(201, 15);
        var regTest = Course.quick() ? mnist.head(300, 500) : mnist;
        var regRuns = Regularization.bookRuns(regTest.xTrain(), regTest.tTrain(), regTest.xTest(), regTest.tTest(), regEpochs, 0);
        var regPanels = new ArrayList<Object>();
        regRuns.forEach((name, h) -> {
            var c = Plots.accuracyCurves(h.trainAcc(), h.testAcc());
            c.setTitle(name + String.format(": train %.2f, test %.2f", h.finalTrainAcc(), h.finalTestAcc()));
            regPanels.add(c);
        });
        Charts.grid(regPanels, 3, 460, 340)
    ''', 'about 1 min', plot=True)

    nb.md(r'''
        ## 7.5 Hyperparameter search

        Hyperparameters: neurons per layer, batch size, learning rate, weight decay… They are tuned on
        **validation data**, never on the test data (that would fit them to the test set):
        - training data: learn the parameters (weights, biases);
        - validation data: evaluate hyperparameters (e.g. 20% split off the training data);
        - test data: check generalisation, once at the end.

        The procedure: pick ranges on a **log scale** (e.g. $10^{-3}$ to $10^{3}$); sample at random; train briefly
        (few epochs: each trial is costly); evaluate on validation data; repeat (~100 times) and narrow the ranges
        around the best. The book samples lr in $10^{[-6,-2]}$ and λ in $10^{[-8,-4]}$ and trains on 500 samples:
    ''')
    nb.long('''
        var search = new HyperparameterSearch().trials(Course.pick(100, 8)).epochs(Course.pick(50, 3)).seed(0);
        var results = search.run(mnist.head(500, 1));
        results.first(10)
    ''', 'about 6 min')
    nb.plot('''
        double[] lrs = results.doubleColumn("lr").asDoubleArray();
        double[] wds = results.doubleColumn("weight_decay").asDoubleArray();
        double[] vals = results.doubleColumn("val_acc").asDoubleArray();
        Plots.hyperparameterScatter(lrs, wds, vals)
    ''')

    nb.exercises("chapter 6 (training tricks)",
                 "the SGD, Momentum, AdaGrad and Adam updates, the weight-decay term (½λΣ‖W‖² in the loss, λW in "
                 "the gradient), Batch Normalization (forward with running statistics, and backward) and Dropout; "
                 "the tests compare them with the book's formulas and the library on seeded inputs, check the "
                 "backward passes against numerical gradients, and test Dropout by its properties.",
                 ("ch6.SgdUpdate", "ch6.MomentumUpdate", "ch6.AdaGradUpdate", "ch6.AdamUpdate", "ch6.WeightDecay",
                  "ch6.BatchNormLayer", "ch6.DropoutLayer"))
    nb.md(r'''
        ## What you saw

        - Zero weights keep every hidden unit identical; σ = 1 saturates sigmoids, σ = 0.01 makes units agree;
          Xavier ($1/\sqrt n$) suits sigmoid/tanh, He ($\sqrt{2/n}$, not the seed's $2/\sqrt n$) suits ReLU.
        - On $x^2/20 + y^2$ SGD zig-zags, Momentum rolls, AdaGrad slows down, Adam combines both; on MNIST the
          adaptive methods learn faster than SGD.
        - Batch norm normalises each mini-batch and makes training fast and insensitive to the initial scale.
        - With 300 samples a 7-layer net overfits; weight decay λ = 0.1 and dropout narrow the train/test gap.
        - Hyperparameters are searched on validation data, log-uniformly, narrowing around the best trials.
    ''')
    return nb
