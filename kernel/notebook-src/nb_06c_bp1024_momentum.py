"""06c-bp1024-momentum: the seed's bp-cpp setup (hidden 1024, SGD momentum 0.9, batch 256, fan-sum init; seed 002)."""

from nbgen import Notebook


def build():
    nb = Notebook("06c-bp1024-momentum")
    nb.md(r'''
        # 6c. BP through the eyes of matrices: hidden 1024, momentum 0.9

        The study note *彻底理解BP之手写BP图像分类你也行* (seed `002_*`, after shouxieai's `bp-cpp`) teaches
        backpropagation **as matrix operations** and then trains an MNIST classifier with a precise setup:

        | setting | value |
        |---|---|
        | hidden layer | 1024 units, ReLU |
        | output | 10 units, **sigmoid** (each output its own yes/no probability), binary cross-entropy |
        | weights | "Kaiming init with fan_in + fan_out", biases 0 |
        | optimizer | SGD with momentum 0.9 |
        | batch | 256 samples drawn at random |
        | epochs | 10 |

        This notebook follows its four sections: the matrix view of a perceptron, function minimisation
        (with $\sqrt{a}$ by gradient descent and by Newton's method), the matrix-derivative rules, and the
        training run. The training length reads `Course.pick(full, quick)` (`DLFS_QUICK=1` shortens it).
    ''', zh=r'''
        # 6c. 用矩阵的视角看 BP：隐藏层 1024，Momentum 0.9

        学习笔记 *彻底理解BP之手写BP图像分类你也行*（笔记 `002_*`，源自 shouxieai 的 `bp-cpp`）把反向传播**当作矩阵运算**来讲解，然后用一套明确的设置训练 MNIST 分类器：

        | 设置 | 取值 |
        |---|---|
        | 隐藏层 | 1024 个神经元，ReLU |
        | 输出层 | 10 个神经元，**sigmoid**（每个输出各自是一个“是/否”的概率），二元交叉熵 |
        | 权重 | “凯明初始化 fan_in + fan_out”，偏置为 0 |
        | 优化器 | 带 Momentum 0.9 的 SGD |
        | 批 | 随机抽取 256 个样本 |
        | epoch | 10 |

        本笔记本沿着笔记的四节展开：用矩阵的视角看感知机、函数的最小化（分别用梯度下降和牛顿法求 $\sqrt{a}$）、矩阵求导的法则，以及训练过程。训练长度从 `Course.pick(full, quick)` 读取（`DLFS_QUICK=1` 会缩短它）。
    ''')

    nb.md(r'''
        ## 1. The perceptron as matrices

        One sample with features $(a, b)$ and weights $(w_1, w_2)$ gives $y = aw_1 + bw_2$: a 1×2 row times
        a 2×1 column. **More samples** are more rows of $X$; **a bias** $y = kx + b$ lets the line miss the
        origin (without it every line passes through 0); **more outputs** are more columns of $W$. With
        N samples, D features and M outputs,
        $$ Y_{N\times M} = X_{N\times D}\,W_{D\times M} + b_{1\times M}, $$
        where the 1×M bias is **broadcast**: copied down the N rows before the addition (numpy's rule,
        which `NDArray` follows: a 1×5 and a 3×5 array combine by repeating the 1×5 row 3 times).
    ''', zh=r'''
        ## 1. 用矩阵表示感知机

        一个样本的特征为 $(a, b)$，权重为 $(w_1, w_2)$，得到 $y = aw_1 + bw_2$：一个 1×2 的行乘以一个 2×1 的列。**更多样本**就是 $X$ 的更多行；**偏置**让直线 $y = kx + b$ 可以不经过原点（没有偏置，每条直线都必定过 0 点）；**更多输出**就是 $W$ 的更多列。对于 N 个样本、D 个特征、M 个输出，
        $$ Y_{N\times M} = X_{N\times D}\,W_{D\times M} + b_{1\times M}, $$
        其中 1×M 的偏置会被**广播**：在相加之前沿 N 行复制（这是 numpy 的规则，`NDArray` 也遵循它：1×5 和 3×5 的数组进行运算时，把 1×5 的行复制 3 份）。
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;

        var X = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});   // «3 samples (rows), 2 features|3 个样本（行），2 个特征»
        var W = NDArray.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});   // «2 features -> 3 outputs|2 个特征 -> 3 个输出»
        var b = NDArray.of(new double[][] {{1, 2, 3}});                 // «one bias per output, shape (1, 3)|每个输出一个偏置，形状 (1, 3)»
        System.out.println("X " + X.shapeString() + " @ W " + W.shapeString() + " + b " + b.shapeString());
        var Y = X.dot(W).add(b);
        System.out.println("Y =\\n" + Y);
        System.out.println("«b broadcast to Y's shape:|b 广播到 Y 的形状：»\\n" + b.broadcastTo(3, 3));
        // «the same broadcasting rule the seed pictures: a (1, 5) row and a (3, 5) matrix|笔记中图示的同一条广播规则：一个 (1, 5) 的行和一个 (3, 5) 的矩阵»
        NDArray.arange(5).reshape(1, 5).add(NDArray.ones(3, 5).mul(10))
    ''')

    nb.md(r'''
        ## 2. What BP does: minimise a function

        Input features flow through the weights to a conclusion. Given many (input, true conclusion) pairs,
        BP finds **the weights for which the error between the predicted and the true conclusions is
        smallest**: learning is function minimisation. It moves the weights a small step along the
        **negative gradient**, looks again, and repeats: the gradient says which way is steepest up, not
        how far the minimum is, so the step (learning rate) is a small, empirical hyperparameter; too
        large and the iterates oscillate around the minimum without converging.

        The seed's example: find $\sqrt{a}$ by minimising the error $L(x) = (x^2 - a)^2$.
        Its derivative is $L'(x) = 4x(x^2 - a)$ (from $(x^n)' = nx^{n-1}$ and the chain rule), and
        gradient descent is $x \leftarrow x - \eta L'(x)$. **Newton's method** (extension reading) divides by
        the second derivative instead, $x \leftarrow x - L'(x)/L''(x)$ with $L''(x) = 12x^2 - 4a$: much
        faster, but second derivatives are expensive for networks with millions of weights.
    ''', zh=r'''
        ## 2. BP 在做什么：函数的最小化

        输入特征经过权重，逐层映射到结论。给定许多（输入，真实结论）对，BP 要找的是**使推测结果与真实结论之间的误差最小的权重**：学习就是函数的最小化。它沿着**负梯度方向**把权重移动一小步，再看一看梯度，然后重复：梯度告诉我们函数上升最快的方向，却没有告诉我们离最小值还有多远，所以步长（学习率）是一个较小的、凭经验设定的超参数；步长太大，迭代就会在最小值附近震荡，无法收敛。

        笔记中的例子：通过最小化误差 $L(x) = (x^2 - a)^2$ 来求 $\sqrt{a}$。它的导数是 $L'(x) = 4x(x^2 - a)$（由 $(x^n)' = nx^{n-1}$ 和链式法则得到），梯度下降就是 $x \leftarrow x - \eta L'(x)$。**牛顿法**（扩展阅读）改为除以二阶导数，$x \leftarrow x - L'(x)/L''(x)$，其中 $L''(x) = 12x^2 - 4a$：快得多，但对于拥有数百万个权重的网络，二阶导数的计算代价太高。
    ''')
    nb.code('''
        import dlfs.plot.*;
        import tech.tablesaw.api.*;

        double a = 3.0, lr = 0.01;
        int steps = 40;
        double[] gd = new double[steps + 1], newton = new double[steps + 1];
        gd[0] = newton[0] = 2.0;                       // «start both at x = 2 (at x = 1, L'' = 0 and Newton would divide by zero)|两者都从 x = 2 出发（在 x = 1 处 L'' = 0，牛顿法会除以零）»
        for (int i = 0; i < steps; i++) {
            double x = gd[i];
            gd[i + 1] = x - lr * 4 * x * (x * x - a);                                   // «gradient descent|梯度下降»
            double y = newton[i];
            newton[i + 1] = y - (4 * y * (y * y - a)) / (12 * y * y - 4 * a);           // «Newton|牛顿法»
        }
        var stepCol = IntColumn.create("«step|步数»");
        var gdCol = DoubleColumn.create("«gradient descent x|梯度下降 x»");
        var nwCol = DoubleColumn.create("«Newton x|牛顿法 x»");
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 10, 20, 40}) {
            stepCol.append(i);
            gdCol.append(gd[i]);
            nwCol.append(newton[i]);
        }
        System.out.println("sqrt(3) = " + Math.sqrt(a));
        Table.create("«finding sqrt(3) from x = 2 (lr 0.01)|从 x = 2 出发求 sqrt(3)（学习率 0.01）»", stepCol, gdCol, nwCol)
    ''')
    nb.plot('''
        var errors = new LinkedHashMap<String, double[]>();
        errors.put("«gradient descent (lr 0.01)|梯度下降（学习率 0.01）»", Arrays.stream(gd).map(x -> Math.max(1e-16, Math.abs(x - Math.sqrt(a)))).toArray());
        errors.put("«Newton|牛顿法»", Arrays.stream(newton).map(x -> Math.max(1e-16, Math.abs(x - Math.sqrt(a)))).toArray());
        var sqrtChart = Plots.compare(errors, "«step|步数»", "|x - sqrt(3)|", "«minimising (x^2 - 3)^2|最小化 (x^2 - 3)^2»");
        sqrtChart.getStyler().setYAxisLogarithmic(true);
        sqrtChart
    ''')

    nb.md(r'''
        ## 3. Matrix derivatives

        Do not differentiate element by element: it is confusing and hard to implement. The seed defines
        $C = AB$ and an error $E$ computed from $C$, and derives the rule the whole backward pass is made of.
        With $G = \partial E/\partial C$ (same shape as $C$):
        $$ \frac{\partial E}{\partial A} = G\,B^T, \qquad \frac{\partial E}{\partial B} = A^T G. $$
        (Each shape works out: $G$ is N×M, $B^T$ is M×D, giving N×D like $A$.) We check both on random
        matrices with $E = \tfrac12\sum (AB - T)^2$, whose $G = AB - T$, against central-difference numerical
        gradients:
    ''', zh=r'''
        ## 3. 矩阵求导

        不要逐个元素地求导：那样既绕又难以实现。笔记定义 $C = AB$ 以及由 $C$ 算出的误差 $E$，推导出构成整个反向传播的法则。设 $G = \partial E/\partial C$（形状与 $C$ 相同）：
        $$ \frac{\partial E}{\partial A} = G\,B^T, \qquad \frac{\partial E}{\partial B} = A^T G. $$
        （每个形状都对得上：$G$ 是 N×M，$B^T$ 是 M×D，得到 N×D，与 $A$ 相同。）我们在随机矩阵上取 $E = \tfrac12\sum (AB - T)^2$（它的 $G = AB - T$），把这两条法则与中心差分的数值梯度比较：
    ''')
    nb.code('''
        import dlfs.gradient.NumericalGradient;

        var r = new Rng(2);
        var A = r.randn(4, 3);
        var B = r.randn(3, 5);
        var T = r.randn(4, 5);
        double E(NDArray A, NDArray B, NDArray T) { return 0.5 * A.dot(B).sub(T).square().sum(); }
        var G = A.dot(B).sub(T);
        var dA = G.dott(B);          // G Bᵀ
        var dB = A.tdot(G);          // Aᵀ G
        var numA = NumericalGradient.numericalGradient((NDArray m) -> E(m, B, T), A);
        var numB = NumericalGradient.numericalGradient((NDArray m) -> E(A, m, T), B);
        System.out.println("max |G Bᵀ − numerical ∂E/∂A| = " + dA.sub(numA).abs().max());
        System.out.println("max |Aᵀ G − numerical ∂E/∂B| = " + dB.sub(numB).abs().max());
    ''')

    nb.md(r'''
        ## 4. The training run

        **Data.** The seed lists 50,000 training images (bp-cpp holds out part of MNIST's 60,000) and 10,000
        test images; labels become one-hot rows (N×10). We use what `Datasets.mnist` provides.

        **Weights.** Four arrays: input→hidden 784×1024, hidden bias 1×1024, hidden→output 1024×10,
        output bias 1×10. **A naming note**: the seed calls its initialisation "Kaiming init with
        fan_in + fan_out", $\sigma = \sqrt{2/(\text{fan\_in}+\text{fan\_out})}$. Scaled by the *sum* of both fans,
        that is really the **Glorot/Xavier normal** initialiser; **He (Kaiming) init** as the book defines it
        uses fan_in alone, $\sigma = \sqrt{2/\text{fan\_in}}$. The library has both, named for what they are:
        `Init.kaimingFanSum` (the seed's) and `Init.he` (the book's). The seed's choice is what we train with;
        He init is trained beside it for comparison.
    ''', zh=r'''
        ## 4. 训练过程

        **数据。** 笔记中列出 50,000 张训练图像（bp-cpp 从 MNIST 的 60,000 张中留出了一部分）和 10,000 张测试图像；标签变为 one-hot 行（N×10）。我们使用 `Datasets.mnist` 提供的数据。

        **权重。** 四个数组：输入到隐层 784×1024、隐层偏置 1×1024、隐层到输出层 1024×10、输出层偏置 1×10。**关于命名的说明**：笔记把它的初始化称为“凯明初始化 fan_in + fan_out”，即 $\sigma = \sqrt{2/(\text{fan\_in}+\text{fan\_out})}$。按两个 fan 之*和*来缩放的，其实是 **Glorot/Xavier 正态**初始化；书中定义的 **He（Kaiming）初始值**只用 fan_in，$\sigma = \sqrt{2/\text{fan\_in}}$。库中两者都有，并按其实际含义命名：`Init.kaimingFanSum`（笔记的）和 `Init.he`（书中的）。训练时采用笔记的选择；同时用 He初始值训练一个网络作为对比。
    ''')
    nb.code('''
        import dlfs.nets.*;

        var stdTable = Table.create("«weight standard deviations|权重的标准差»",
            StringColumn.create("«layer|层»", "«input -> hidden (784 x 1024)|输入 -> 隐藏层 (784 x 1024)»", "«hidden -> output (1024 x 10)|隐藏层 -> 输出层 (1024 x 10)»"),
            DoubleColumn.create("«seed: sqrt(2/(in+out))|笔记：sqrt(2/(in+out))»", Math.sqrt(2.0 / (784 + 1024)), Math.sqrt(2.0 / (1024 + 10))),
            DoubleColumn.create("He: sqrt(2/in)", Init.heStd(784), Init.heStd(1024)),
            DoubleColumn.create("Xavier: sqrt(1/in)", Init.xavierStd(784), Init.xavierStd(1024)));
        var check = Init.kaimingFanSum(784, 1024, new Rng(0));
        System.out.println("«Init.kaimingFanSum(784, 1024): sample std = |Init.kaimingFanSum(784, 1024)：样本标准差 = »" + Math.sqrt(check.square().mean()));
        stdTable
    ''')

    nb.md(r'''
        **Forward.** For a batch $x$ (batch×784) and one-hot $y$ (batch×10):
        `hidden_act = (x @ input_to_hidden + hidden_bias).relu()`,
        `probability = (hidden_act @ hidden_to_output + output_bias).sigmoid()`, and the loss is the
        binary cross-entropy of each of the 10 outputs,
        $$ L = -\frac1N\sum_{n}\sum_{k}\big[y_{nk}\log p_{nk} + (1-y_{nk})\log(1-p_{nk})\big]. $$
        **Backward.** Sigmoid and binary cross-entropy cancel neatly: $\partial L/\partial z = (p - y)/N$;
        then the matrix rules above carry it back through both affine layers and the ReLU.
        **Update.** SGD with momentum (the book's formula, ch6):
        $$ v \leftarrow \alpha v - \eta\frac{\partial L}{\partial W}, \qquad W \leftarrow W + v, \qquad \alpha = 0.9. $$

        The library has each piece: `Affine`, `Relu`, `SigmoidWithLoss` (sigmoid + binary cross-entropy) and
        `Momentum`. Assembled as a `Net`, the library's `Trainer` runs the seed's loop (random batches of 256,
        10 epochs). The seed gives no learning rate; we use 0.1.
    ''', zh=r'''
        **正向传播。** 对于一批数据 $x$（batch×784）和 one-hot 的 $y$（batch×10）：`hidden_act = (x @ input_to_hidden + hidden_bias).relu()`，`probability = (hidden_act @ hidden_to_output + output_bias).sigmoid()`，损失是 10 个输出各自的二元交叉熵，
        $$ L = -\frac1N\sum_{n}\sum_{k}\big[y_{nk}\log p_{nk} + (1-y_{nk})\log(1-p_{nk})\big]. $$
        **反向传播。** sigmoid 与二元交叉熵恰好相互抵消：$\partial L/\partial z = (p - y)/N$；然后用上面的矩阵法则把它反向传过两个仿射层和 ReLU。**更新。** 带 Momentum 的 SGD（书中第6章的公式）：
        $$ v \leftarrow \alpha v - \eta\frac{\partial L}{\partial W}, \qquad W \leftarrow W + v, \qquad \alpha = 0.9. $$

        库中每个部件都有：`Affine`、`Relu`、`SigmoidWithLoss`（sigmoid + 二元交叉熵）和 `Momentum`。把它们组装成一个 `Net` 后，库中的 `Trainer` 运行的就是笔记中的循环（每批随机抽取 256 个样本，10 个 epoch）。笔记中没有给出学习率；我们用 0.1。
    ''')
    nb.code('''
        import dlfs.layers.*;
        import dlfs.optim.*;
        import dlfs.train.*;
        import dlfs.monitor.*;

        /** The seed-002 network: Affine(784→1024) → ReLU → Affine(1024→10) → sigmoid + binary cross-entropy. */
        class Bp1024Net implements Net {
            final Affine fc1, fc2;
            final Relu relu = new Relu();
            final SigmoidWithLoss out = new SigmoidWithLoss();

            Bp1024Net(int hidden, String init, long seed) {
                var rng = new Rng(seed);
                NDArray w1 = init.equals("he") ? Init.he(784, hidden, rng) : Init.kaimingFanSum(784, hidden, rng);
                NDArray w2 = init.equals("he") ? Init.he(hidden, 10, rng) : Init.kaimingFanSum(hidden, 10, rng);
                fc1 = new Affine(w1, NDArray.zeros(hidden));
                fc2 = new Affine(w2, NDArray.zeros(10));
            }
            public NDArray predict(NDArray x) { return fc2.forward(relu.forward(fc1.forward(x))); }
            public double loss(NDArray x, NDArray t) { return out.forward(predict(x), t); }
            public Map<String, NDArray> gradient(NDArray x, NDArray t) {
                loss(x, t);
                fc1.backward(relu.backward(fc2.backward(out.backward(1.0))));
                return Map.of("W1", fc1.dW(), "b1", fc1.db(), "W2", fc2.dW(), "b2", fc2.db());
            }
            public Map<String, NDArray> params() {
                return Map.of("W1", fc1.W(), "b1", fc1.b(), "W2", fc2.W(), "b2", fc2.b());
            }
        }

        // «gradient check of the assembled net on a few samples (small hidden layer so it is quick)|在少量样本上对组装好的网络做梯度确认（隐藏层较小，所以很快）»
        var data = dlfs.data.Datasets.mnist(dlfs.data.LoadOptions.normalized().oneHot());          // «one-hot labels, as the seed|one-hot 标签，与笔记一样»
        var small = new Bp1024Net(16, "kaiming-fan-sum", 5);
        var diffs = GradientCheck.compare(small, data.xTrain().slice(0, 4), data.tTrain().slice(0, 4));
        GradientCheck.table(diffs)
    ''')
    nb.code('''
        if (Course.quick()) data = data.head(2000, 500);
        int epochs = Course.pick(10, 2);
        int hidden = 1024, batch = 256;
        double lrate = 0.1, momentum = 0.9;
        var runs = new LinkedHashMap<String, History>();
        var nets = new LinkedHashMap<String, Bp1024Net>();
        for (String setup : List.of("seed: fan-sum init + Momentum 0.9", "He init + Momentum 0.9", "fan-sum init + plain SGD")) {
            var net = new Bp1024Net(hidden, setup.startsWith("He") ? "he" : "kaiming-fan-sum", 0);
            Optimizer opt = setup.endsWith("SGD") ? new SGD(lrate) : new Momentum(lrate, momentum);
            System.out.println("== " + setup);
            var h = new Trainer(net, opt).data(data.xTrain(), data.tTrain(), data.xTest(), data.tTest())
                .epochs(epochs).batchSize(batch).seed(42).train();
            runs.put(setup, h);
            nets.put(setup, net);
        }
        var name = StringColumn.create("«setup|设置»");
        var tr = DoubleColumn.create("«train accuracy|训练精度»");
        var te = DoubleColumn.create("«test accuracy|测试精度»");
        var sec = DoubleColumn.create("«seconds|秒»");
        runs.forEach((k, h) -> { name.append(k); tr.append(h.finalTrainAcc()); te.append(h.finalTestAcc()); sec.append(Math.round(h.seconds() * 10) / 10.0); });
        Table.create("«hidden 1024, batch 256, lr 0.1, |隐藏层 1024，批大小 256，学习率 0.1，»" + epochs + "« epochs| 个 epoch»", name, tr, te, sec)
    ''')
    nb.plot('''
        var lossCurves = new LinkedHashMap<String, double[]>();
        runs.forEach((k, h) -> lossCurves.put(k, Plots.smooth(h.loss(), 5)));
        var lossChart = Plots.compare(lossCurves, "«iteration|迭代次数»", "«binary cross-entropy|二元交叉熵»", "«training loss (moving average of 5)|训练损失（5 点移动平均）»");
        var seedRun = runs.values().iterator().next();
        var accChart = Plots.accuracyCurves(seedRun.trainAcc(), seedRun.testAcc());
        accChart.setTitle("«seed setup: accuracy per epoch|笔记的设置：每个 epoch 的精度»");
        Charts.grid(List.of(lossChart, accChart), 2, 560, 400)
    ''')
    nb.md(r'''
        Momentum keeps a running velocity, so consecutive steps in the same direction add up and the loss
        falls much faster than with plain SGD at the same learning rate. The two initialisations differ by a
        factor of about 1.5 in σ; both train well with ReLU at this depth (the difference matters more in
        deep nets, notebook 07). Finally, a few test digits with the seed-setup net's predictions.
    ''', zh=r'''
        Momentum 保持着一个累积的速度，所以同一方向上的连续几步会叠加起来，在相同学习率下，损失比普通 SGD 下降得快得多。两种初始化的 σ 相差约 1.5 倍；在这个深度下，配合 ReLU，两者都训练得很好（在深层网络中差别更重要，见笔记本 07）。最后，看几张测试图像以及按笔记设置训练的网络给出的预测。
    ''')
    nb.plot('''
        var trained = nets.values().iterator().next();     // «the seed's setup|笔记的设置»
        var xs = data.xTest().slice(0, 16);
        Images.digitGrid(xs, data.tTest().slice(0, 16).argmax(1).toIntArray(), trained.predict(xs).argmax(1).toIntArray(), 8)
    ''')

    nb.exercises("this setup (seed 002)",
                 "`seeds.BinaryCrossEntropyOutput` has you write this net's output: ten sigmoids with binary "
                 "cross-entropy (summed over the outputs, averaged over the batch, log(0) kept away by δ = 1e-7), "
                 "its backward (y − t)/N where the sigmoid's derivative cancels, and the two weight scales compared "
                 "here, √(2/(fan_in + fan_out)) and He's √(2/fan_in). The chapter-6 exercise `ch6.MomentumUpdate` "
                 "is the optimizer.",
                 classes=("seeds.BinaryCrossEntropyOutput",),
                 zh=("这套设置（笔记 002）",
                     "`seeds.BinaryCrossEntropyOutput` 让你写出这个网络的输出层：十个 sigmoid 配二元交叉熵（对各输出求和、"
                     "对批取平均，用 δ = 1e-7 避免 log(0)），它的反向传播 (y − t)/N（sigmoid 的导数在这里被抵消），以及这里比较的"
                     "两种权重尺度 √(2/(fan_in + fan_out)) 和 He 的 √(2/fan_in)。第6章的练习 `ch6.MomentumUpdate` 就是这个优化器。"))
    nb.md(r'''
        ## What you saw

        - A layer for N samples, D features and M outputs is $Y = XW + b$ with the bias broadcast over rows.
        - Learning is minimisation: small steps along the negative gradient ($\sqrt{3}$ by gradient descent),
          or Newton's steps $x - L'/L''$, which converge in a handful of iterations but need second derivatives.
        - For $C = AB$: $\partial E/\partial A = G B^T$ and $\partial E/\partial B = A^T G$, checked numerically.
        - The seed's setup (hidden 1024 ReLU, sigmoid outputs with binary cross-entropy, batch 256, momentum 0.9)
          trains quickly; its "Kaiming fan_in + fan_out" init is the Glorot/Xavier normal, shown beside He init
          $\sqrt{2/\text{fan\_in}}$; momentum beats plain SGD at the same learning rate.
    ''', zh=r'''
        ## 小结

        - 对于 N 个样本、D 个特征、M 个输出，一个层就是 $Y = XW + b$，偏置沿行广播。
        - 学习就是最小化：沿负梯度方向走小步（用梯度下降求 $\sqrt{3}$），或者走牛顿法的步长 $x - L'/L''$——几次迭代就能收敛，但需要二阶导数。
        - 对于 $C = AB$：$\partial E/\partial A = G B^T$，$\partial E/\partial B = A^T G$，已用数值微分检验。
        - 笔记的设置（隐藏层 1024、ReLU，sigmoid 输出配二元交叉熵，批大小 256，Momentum 0.9）训练得很快；它的“凯明初始化 fan_in + fan_out”其实是 Glorot/Xavier 正态初始化，这里与 He初始值 $\sqrt{2/\text{fan\_in}}$ 并列对比；在相同学习率下，Momentum 胜过普通 SGD。
    ''')
    return nb
