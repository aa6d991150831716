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
    ''', zh=r'''
        # 7. 与学习相关的技巧

        笔记的*训练技巧*一章（书中第6章“与学习相关的技巧”）：如何设定**权重的初始值**，如何进行**参数的更新**（SGD、Momentum、AdaGrad、Adam），**Batch Normalization**，用权值衰减和 Dropout 抑制**过拟合**，以及在验证数据上进行**超参数的验证**。每个实验的长度都由 `Course.pick(full, quick)` 决定：默认保持书中的设置，`DLFS_QUICK=1`（CI）会缩短它们。
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;
        import dlfs.nets.*;
        import dlfs.optim.*;
        import dlfs.train.*;
        import dlfs.monitor.*;
        import dlfs.experiments.ch6.*;   // «the chapter's experiments|本章的实验»
        import dlfs.plot.*;
        import dlfs.data.*;
        import tech.tablesaw.api.*;

        var mnist = Datasets.mnist();                    // «normalized (N, 784), labels (N)|正规化后的 (N, 784)，标签 (N)»
        System.out.println(mnist);
    ''')

    nb.md(r'''
        ## 7.1 Weight initialisation

        *With suitable initial weights, each layer's activations have a suitable spread, and learning goes
        smoothly.* Can the weights start at 0? No: every unit of a layer then computes the same thing and
        receives the **same update**, so they stay identical forever ("weight symmetry"); initial weights must
        be random, e.g. `w = 0.01 * np.random.randn(D, H)`. With all-zero weights (σ = 0) a MultiLayerNet
        learns nothing in its hidden layers:
    ''', zh=r'''
        ## 7.1 权重的初始值

        *设定合适的权重初始值，各层的激活值分布会有适当的广度，从而顺利学习*。权重初始值可以设为 0 吗？不行：那样同一层的所有神经元计算的都是同样的东西，得到**同样的更新**，于是永远保持相同（“权重均一化”，即权重对称）；为防止这种情况，初始值必须随机生成，例如 `w = 0.01 * np.random.randn(D, H)`。权重全为 0（σ = 0）时，MultiLayerNet 的隐藏层什么也学不到：
    ''')
    nb.code('''
        var zeroNet = new MultiLayerNet(784, new int[] {50, 50}, 10, "sigmoid", "0", 0, new Rng(0));
        var zh = new Trainer(zeroNet, new SGD(0.5)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
            .iterations(Course.pick(200, 30)).batchSize(100).seed(1).evalSample(1000).verbose(false).train();
        var zW1 = zeroNet.params().get("W1");
        var zW2 = zeroNet.params().get("W2");
        System.out.println("«after training: W1 columns all equal?|训练后：W1 的各列都相同吗？» " + zW1.sub(zW1.slice(0, 784).mean(1, true)).abs().max()
            + "« (max distance of a unit's weights from the mean unit)|（各神经元的权重与平均神经元的最大距离）»");
        System.out.println("«W2 rows all equal?|W2 的各行都相同吗？» " + zW2.sub(zW2.mean(0, true)).abs().max());
        System.out.println("«test accuracy|测试精度»: " + zh.finalTestAcc());
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
    ''', zh=r'''
        ### 隐藏层的激活值的分布

        书中的实验：把 1000 个随机输入送进 5 层、每层 100 个神经元、没有偏置的网络，画出每一层激活值的直方图。两种失败情形（笔记）：
        - **梯度消失**：σ = 1 且使用 sigmoid 时，激活值集中在 0 和 1 附近，而 sigmoid 在那里的导数 ≈ 0；
        - **表现力受限**：σ = 0.01 时，激活值都集中在 0.5 附近：所有神经元输出几乎相同的值。

        **Xavier初始值**（用于 sigmoid、tanh）使用 σ = $1/\sqrt{n}$，$n$ 为前一层的节点数；**He初始值**（用于 ReLU）使用 σ = $\sqrt{2/n}$。*笔记把 He 的 σ 写成 $2/\sqrt{n}$，那是笔误：书和库使用的都是 $\sqrt{2/n}$*（n = 100 时为 0.141，而不是 0.2）。tanh 关于原点对称，用它代替 sigmoid 也能改善歪斜的问题。
    ''')
    nb.plot('''
        var runsH = new LinkedHashMap<String, String[]>();
        runsH.put("«sigmoid, std 1|sigmoid，标准差 1»", new String[] {"sigmoid", "1"});
        runsH.put("«sigmoid, std 0.01|sigmoid，标准差 0.01»", new String[] {"sigmoid", "0.01"});
        runsH.put("«sigmoid, Xavier|sigmoid，Xavier初始值»", new String[] {"sigmoid", "xavier"});
        runsH.put("«tanh, Xavier|tanh，Xavier初始值»", new String[] {"tanh", "xavier"});
        runsH.put("«ReLU, std 0.01|ReLU，标准差 0.01»", new String[] {"relu", "0.01"});
        runsH.put("«ReLU, Xavier|ReLU，Xavier初始值»", new String[] {"relu", "xavier"});
        runsH.put("«ReLU, He|ReLU，He初始值»", new String[] {"relu", "he"});
        var panels = new ArrayList<Object>();
        for (var e : runsH.entrySet()) {
            var acts = InitExperiment.activations(e.getValue()[0], e.getValue()[1], new Rng(0));
            var perLayer = new LinkedHashMap<String, double[]>();
            for (int i = 0; i < acts.size(); i++) perLayer.put(e.getKey() + "«: layer |：层 »" + (i + 1), acts.get(i).data());
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
    ''', zh=r'''
        用同样三种初始值在 MNIST 上训练一个 5 层的 ReLU 网络（书中的 `weight_init_compare`：4 个各 100 个神经元的隐藏层，SGD 学习率 0.01，批大小 128，2000 次迭代）：σ = 0.01 时几乎学不动，He初始值学得最快。
    ''')
    nb.long('''
        int initIters = Course.pick(2000, 60);
        var initCurves = new LinkedHashMap<String, double[]>();
        for (String init : List.of("0.01", "xavier", "he")) {
            var net = new MultiLayerNet(784, new int[] {100, 100, 100, 100}, 10, "relu", init, 0, new Rng(0));
            var h = new Trainer(net, new SGD(0.01)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
                .iterations(initIters).batchSize(128).seed(1).evalSample(500).verbose(false).train();
            initCurves.put("«std |标准差 »" + init, Plots.smooth(h.loss(), 20));
            System.out.println(String.format("%-12s «final loss|最终损失» %.4f  «test accuracy|测试精度» %.3f", init, h.loss()[initIters - 1], h.finalTestAcc()));
        }
        Plots.compare(initCurves, "«iteration|迭代次数»", "«loss (smoothed)|损失（平滑后）»", "«weight init on MNIST (ReLU, 5 layers)|MNIST 上的权重初始值比较（ReLU，5 层）»")
    ''', 'about 2 min', plot=True, full_zh='约 2 分钟')

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
    ''', zh=r'''
        ## 7.2 参数的更新

        **SGD**（随机梯度下降法）：$W \leftarrow W - \eta\,\partial L/\partial W$。当梯度的方向并没有指向最小值的方向时，它很低效。**Momentum**：$v \leftarrow \alpha v - \eta\,\partial L/\partial W$，$W \leftarrow W + v$：惯性平滑了“之”字形的来回摆动。**AdaGrad**：$h \leftarrow h + \partial L/\partial W\odot\partial L/\partial W$，$W \leftarrow W - \eta\,\frac{1}{\sqrt h}\,\partial L/\partial W$：按参数的元素调整学习率，变动大（梯度大）的参数的学习率逐渐减小（再加上 $10^{-7}$ 防止除以 0）；**RMSProp** 用指数移动平均逐渐遗忘过去的梯度，使学习率不会衰减到 0。**Adam** 融合了 Momentum 和 AdaGrad（学习率 $\alpha$，一次和二次 momentum 系数 $\beta_1$、$\beta_2$），并进行偏置校正。

        书中的图：从 $(-7, 2)$ 出发最小化 $f(x, y) = x^2/20 + y^2$，每种方法 30 步（SGD η 0.95，Momentum 0.1，AdaGrad 1.5，Adam 0.3）：
    ''')
    nb.plot('''
        var paths = new LinkedHashMap<String, double[][]>();
        OptimizerPaths.bookComparison().forEach((name, p) -> {
            double[][] points = new double[p[0].length][];          // «(x's, y's) -> one (x, y) row per step|(所有 x, 所有 y) -> 每一步一行 (x, y)»
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
            System.out.println(String.format("%-9s «final loss|最终损失» %.4f  «test accuracy|测试精度» %.3f", e.getKey(), h.loss()[optIters - 1], h.finalTestAcc()));
        }
        Plots.compare(optCurves, "«iteration|迭代次数»", "«loss (smoothed)|损失（平滑后）»", "«optimizers on MNIST (5-layer ReLU net, batch 128)|MNIST 上的更新方法比较（5 层 ReLU 网络，批大小 128）»")
    ''', 'about 2 min', plot=True, full_zh='约 2 分钟')
    nb.md(r'''
        Which is best depends on the problem, the hyperparameters and the architecture; in general the three
        adaptive methods learn faster than SGD and reach a higher accuracy.
    ''', zh=r'''
        哪种方法最好，取决于要解决的问题、超参数和网络结构；一般来说，除了 SGD，其他三种方法学习更快，识别精度也更高。
    ''')

    nb.md(r'''
        ## 7.3 Batch normalization

        *Adjust the distribution of activations so it has a suitable spread*: normalise each mini-batch to mean 0,
        variance 1, then scale and shift (γ = 1, β = 0 at first; both learned):
        $$ \mu_B = \frac1m\sum_i x_i,\quad \sigma_B^2 = \frac1m\sum_i (x_i-\mu_B)^2,\quad
           \hat x_i = \frac{x_i-\mu_B}{\sqrt{\sigma_B^2+\varepsilon}},\quad y_i = \gamma\hat x_i + \beta. $$
        Benefits: faster learning (larger learning rates), less dependence on the initial weights, some
        regularisation (less need for dropout).
    ''', zh=r'''
        ## 7.3 Batch Normalization

        *调整激活值的分布，使其拥有适当的广度*：以 mini-batch 为单位进行正规化，使数据分布的均值为 0、方差为 1，然后进行缩放和平移（一开始 γ = 1、β = 0，再通过学习调整）：
        $$ \mu_B = \frac1m\sum_i x_i,\quad \sigma_B^2 = \frac1m\sum_i (x_i-\mu_B)^2,\quad
           \hat x_i = \frac{x_i-\mu_B}{\sqrt{\sigma_B^2+\varepsilon}},\quad y_i = \gamma\hat x_i + \beta. $$
        优点：使学习快速进行（可以增大学习率），不那么依赖初始值，抑制过拟合（降低 Dropout 等的必要性）。
    ''')
    nb.code('''
        import dlfs.layers.*;
        var bn = BatchNormalization.of(3);
        var batch = new Rng(0).normal(5.0, 3.0, 8, 3);           // «8 samples, 3 features, mean 5, std 3|8 个样本，3 个特征，均值 5，标准差 3»
        var normed = bn.forward(batch, true);
        System.out.println("«before: mean|正规化前：均值» " + batch.mean(0) + " «std|标准差» " + batch.var(0, false).sqrt());
        System.out.println("«after:  mean|正规化后：均值» " + normed.mean(0).map(v -> Math.abs(v) < 1e-12 ? 0 : v) + " «std|标准差» " + normed.var(0, false).sqrt());
    ''')
    nb.md(r'''
        The book's test: a 5-layer net (hidden 100 ×5, SGD lr 0.01, batch 100) trained on 1000 samples with and
        without batch norm, for several initial weight scales. Training accuracy per epoch (a run that diverges,
        its loss NaN or its weights exploded, stops there with a `TrainingDivergedException`; the book's numpy
        run keeps going with NaN weights at chance level):
    ''', zh=r'''
        书中的实验：一个 5 层网络（5 个各 100 个神经元的隐藏层，SGD 学习率 0.01，批大小 100）用 1000 个样本训练，分别使用和不使用 Batch Normalization，并尝试几种权重初始值的尺度。下面是每个 epoch 的训练精度（发散的运行——损失变成 NaN 或权重爆炸——会在那里以 `TrainingDivergedException` 停下；书中的 numpy 版本则带着 NaN 权重继续运行，精度停在随机猜测的水平）：
    ''')
    nb.long('''
        var bnData = mnist.head(1000, 1);
        int bnEpochs = Course.pick(20, 4);
        var bnPanels = new ArrayList<Object>();
        for (String std : List.of("1.0", "0.1", "0.03", "0.01")) {
            var curves = new LinkedHashMap<String, double[]>();
            for (boolean useBn : new boolean[] {true, false}) {
                var net = MultiLayerNetExtend.builder(784, new int[] {100, 100, 100, 100, 100}, 10)
                    .weightInit(std).batchNorm(useBn).rng(new Rng(0)).build();
                String label = useBn ? "Batch Normalization" : "«Normal (without BN)|普通（不使用 BN）»";
                History h;
                try {
                    h = new Trainer(net, new SGD(0.01)).data(bnData.xTrain(), bnData.tTrain(), bnData.xTrain(), bnData.tTrain())
                        .epochs(bnEpochs).batchSize(100).seed(1).verbose(false).train();
                } catch (TrainingDivergedException ex) {       // «without BN, large initial weights blow up|不使用 BN 时，大的初始权重会导致发散»
                    h = ex.history();
                    label += "« (diverged)|（发散）»";
                }
                curves.put(label, h.trainAcc().length > 0 ? h.trainAcc() : new double[] {0.1});
            }
            var c = Plots.compare(curves, "epochs", "«train accuracy|训练精度»", "«W init std |权重初始值标准差 »" + std);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisMax(1.0);
            bnPanels.add(c);
        }
        Charts.grid(bnPanels, 4, 360, 300)
    ''', 'about 1 min', plot=True, full_zh='约 1 分钟')

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
    ''', zh=r'''
        ## 7.4 正则化

        **过拟合**的原因：模型拥有大量参数、表现力强，而训练数据少。书中的演示：一个 7 层网络（6 个各 100 个神经元的隐藏层）只用 300 个 MNIST 样本训练，它会把这些样本记住（训练精度 → 1.0），而测试精度则低得多。

        **权值衰减**对大的权重进行惩罚：为损失函数加上 $\frac12\lambda W^2$（$\lambda$ 控制正则化的强度；½ 使其导数为 $\lambda W$），并在每个权重的梯度上加上 $\lambda W$。

        **Dropout**（用于只用权值衰减难以应对的复杂网络）在学习时随机删除神经元，于是每一步都让一个不同的“变瘦”的模型进行学习，类似于集成学习；推理时每个输出都乘以（1 − 删除比例），相当于取这些模型的平均值：
    ''')
    nb.code('''
        var drop = new Dropout(0.5, new Rng(0));
        var ones = NDArray.ones(2, 8);
        System.out.println("«train:     |学习时：»" + drop.forward(ones, true));
        System.out.println("«backward passes the gradient only where the mask kept the neuron:|反向传播只在 mask 保留了神经元的地方传递梯度：» " + drop.backward(ones));
        System.out.println("«inference: |推理时：»" + drop.forward(ones, false));
    ''')
    nb.long('''
        int regEpochs = Course.pick(201, 15);
        var regTest = Course.quick() ? mnist.head(300, 500) : mnist;
        var regRuns = Regularization.bookRuns(regTest.xTrain(), regTest.tTrain(), regTest.xTest(), regTest.tTest(), regEpochs, 0);
        var regPanels = new ArrayList<Object>();
        regRuns.forEach((name, h) -> {
            var c = Plots.accuracyCurves(h.trainAcc(), h.testAcc());
            c.setTitle(name + String.format("«: train %.2f, test %.2f|：训练 %.2f，测试 %.2f»", h.finalTrainAcc(), h.finalTestAcc()));
            regPanels.add(c);
        });
        Charts.grid(regPanels, 3, 460, 340)
    ''', 'about 1 min', plot=True, full_zh='约 1 分钟')

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
    ''', zh=r'''
        ## 7.5 超参数的验证

        超参数：各层的神经元数量、batch 大小、学习率、权值衰减的系数……它们要在**验证数据**上调整，绝不能用测试数据（否则超参数会对测试数据过拟合）：
        - 训练数据：参数（权重和偏置）的学习；
        - 验证数据：超参数的性能评估（例如从训练数据中事先分割出 20%）；
        - 测试数据：确认泛化能力，只在最后使用一次。

        步骤：用**对数尺度**设定超参数的范围（例如 $10^{-3}$ 到 $10^{3}$）；从范围中随机采样；用采样到的值进行短时间的学习（epoch 要少：每次试验都很费时间）；在验证数据上评估识别精度；重复（约 100 次），并根据结果把范围缩小到最好的值附近。书中在 $10^{[-6,-2]}$ 中采样学习率、在 $10^{[-8,-4]}$ 中采样 λ，并用 500 个样本训练：
    ''')
    nb.long('''
        var search = new HyperparameterSearch().trials(Course.pick(100, 8)).epochs(Course.pick(50, 3)).seed(0);
        var results = search.run(mnist.head(500, 1));
        results.first(10)
    ''', 'about 6 min', full_zh='约 6 分钟')
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
                  "ch6.BatchNormLayer", "ch6.DropoutLayer"),
                 zh=("第6章（与学习相关的技巧）",
                     "SGD、Momentum、AdaGrad 和 Adam 的参数更新，权值衰减项（损失函数加上 ½λΣ‖W‖²，梯度加上 λW），"
                     "Batch Normalization（使用移动平均统计量的正向传播，以及反向传播）和 Dropout；"
                     "测试在固定随机种子的输入上把它们与书中的公式和库进行比较，用数值微分检查反向传播，"
                     "并通过 Dropout 应有的性质来测试它。"))
    nb.md(r'''
        ## What you saw

        - Zero weights keep every hidden unit identical; σ = 1 saturates sigmoids, σ = 0.01 makes units agree;
          Xavier ($1/\sqrt n$) suits sigmoid/tanh, He ($\sqrt{2/n}$, not the seed's $2/\sqrt n$) suits ReLU.
        - On $x^2/20 + y^2$ SGD zig-zags, Momentum rolls, AdaGrad slows down, Adam combines both; on MNIST the
          adaptive methods learn faster than SGD.
        - Batch norm normalises each mini-batch and makes training fast and insensitive to the initial scale.
        - With 300 samples a 7-layer net overfits; weight decay λ = 0.1 and dropout narrow the train/test gap.
        - Hyperparameters are searched on validation data, log-uniformly, narrowing around the best trials.
    ''', zh=r'''
        ## 小结

        - 权重全为 0 时，所有隐藏层神经元保持相同；σ = 1 使 sigmoid 饱和，σ = 0.01 使神经元输出趋同；Xavier初始值（$1/\sqrt n$）适合 sigmoid/tanh，He初始值（$\sqrt{2/n}$，而不是笔记中的 $2/\sqrt n$）适合 ReLU。
        - 在 $x^2/20 + y^2$ 上，SGD 呈“之”字形移动，Momentum 像小球一样滚动，AdaGrad 逐渐放慢，Adam 兼有两者的特点；在 MNIST 上，自适应的方法比 SGD 学得更快。
        - Batch Normalization 对每个 mini-batch 进行正规化，使学习更快，并且对初始值的尺度不敏感。
        - 只有 300 个样本时，7 层网络会过拟合；权值衰减 λ = 0.1 和 Dropout 缩小了训练精度与测试精度之间的差距。
        - 超参数在验证数据上搜索：在对数尺度上均匀随机采样，并把范围缩小到最好的试验附近。
    ''')
    return nb
