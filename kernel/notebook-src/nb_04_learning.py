"""04-learning: losses, numerical derivatives and gradients, gradient descent, training by numerical gradient (seed 001, chapter 4)."""

from nbgen import Notebook


def build():
    nb = Notebook("04-learning")
    nb.md(r'''
        # 4. Learning from data

        *Learning* means finding, from training data, the weights that make a **loss function** as
        small as possible. This notebook follows the seed's chapter 4:

        1. why learn from data, and training vs test data;
        2. the losses — mean squared error and cross-entropy — on the seed's numbers, averaged over a
           **mini-batch**;
        3. why we minimise a loss and not the accuracy;
        4. the **numerical derivative** (central difference) with its tangent-line picture, partial
           derivatives and the **gradient**, pictured as arrows for $f(x_0, x_1) = x_0^2 + x_1^2$;
        5. **gradient descent**, and what good, too-large and too-small learning rates do;
        6. the gradient of a real network (`SimpleNet`), then a `TwoLayerNet` trained on MNIST with
           numerical gradients — and why that is far too slow, which chapter 5 fixes.
    ''', zh=r'''
        # 4. 神经网络的学习

        所谓*学习*，是指从训练数据中找出使**损失函数**的值尽可能小的权重。这个笔记本按照种子笔记的第 4 章展开：

        1. 为什么要从数据中学习，训练数据与测试数据；
        2. 损失函数——均方误差和交叉熵误差——用种子笔记中的数值计算，并在 **mini-batch** 上求平均；
        3. 为什么要最小化损失函数，而不是识别精度；
        4. **数值微分**（中心差分）及其切线图示、偏导数和**梯度**，以及 $f(x_0, x_1) = x_0^2 + x_1^2$ 的梯度箭头图；
        5. **梯度下降法**，以及学习率合适、过大、过小时各会怎样；
        6. 真实网络（`SimpleNet`）的梯度，然后用数值梯度在 MNIST 上训练一个 `TwoLayerNet`——以及为什么这样慢得无法接受，第 5 章将解决这个问题。
    ''')

    nb.md(r'''
        ## 4.1 From data

        To recognise a handwritten 5, one could (1) design an algorithm by hand; (2) extract
        *features* (SIFT, SURF, HOG…) by hand and let a classifier such as an SVM or KNN learn from
        the feature vectors; or (3) let a neural network learn everything from the raw pixels —
        **end-to-end** learning, from raw data (input) to the goal (output), with no human in between.

        The goal is **generalisation**: doing well on data the model never saw. So the data is split:
        the model learns on **training data** and is judged on **test data**. A model that does well on
        its training data but badly on test data **overfits** (too complex for the data); one that
        cannot even fit the training data **underfits** (too simple, too few features).
    ''', zh=r'''
        ## 4.1 从数据中学习

        要识别手写的 5，可以（1）人工设计算法；（2）人工提取*特征量*（SIFT、SURF、HOG 等），再用 SVM、KNN 等分类器从特征向量中学习；或者（3）让神经网络直接从原始像素中学习一切——这就是**端到端**的学习：从原始数据（输入）直接得到目标结果（输出），中间没有人的介入。

        目标是**泛化能力**：在模型从未见过的数据上也表现良好。所以数据要分开：模型用**训练数据**学习，用**测试数据**评价。在训练数据上表现好、在测试数据上表现差的模型发生了**过拟合**（模型相对数据过于复杂）；连训练数据都无法拟合的模型则是**欠拟合**（模型过于简单，特征量过少）。
    ''')

    nb.md(r'''
        ## 4.2 Loss functions

        A loss measures how badly the network fits the supervised data: the lower, the better.

        **Mean squared error**, with $y_k$ the network's outputs, $t_k$ the supervised data (one-hot),
        $k$ over the output dimensions:

        $$ E = \frac{1}{2}\sum_k (y_k - t_k)^2 $$

        **Cross-entropy error**, for classification ($t_k$ the true distribution, $y_k$ the predicted
        one; a tiny $\delta = 10^{-7}$ keeps $\log 0 = -\infty$ from happening):

        $$ E = -\sum_k t_k \log (y_k + \delta) $$

        With a one-hot $t$, only the true class counts: $E = -\log y_{\text{true}}$. The seed's example:
        the answer is "2", and two networks output these softmax probabilities:
    ''', zh=r'''
        ## 4.2 损失函数

        损失函数衡量神经网络对监督数据在多大程度上不拟合：值越小越好。

        **均方误差**，其中 $y_k$ 是神经网络的输出，$t_k$ 是监督数据（one-hot 表示），$k$ 表示数据的维数：

        $$ E = \frac{1}{2}\sum_k (y_k - t_k)^2 $$

        **交叉熵误差**，用于分类问题（$t_k$ 是真实分布，$y_k$ 是预测分布；加上一个微小值 $\delta = 10^{-7}$，防止出现 $\log 0 = -\infty$）：

        $$ E = -\sum_k t_k \log (y_k + \delta) $$

        当 $t$ 是 one-hot 表示时，只有正确类别起作用：$E = -\log y_{\text{true}}$。种子笔记中的例子：正确答案是“2”，两个网络输出的 softmax 概率如下：
    ''')
    nb.code('''
        import dlfs.nd.*;
        import dlfs.functions.*;
        import dlfs.plot.*;
        import dlfs.Course;

        var t  = NDArray.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0);                         // «the answer is "2"|正确解是“2”»
        var y1 = NDArray.of(0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0);     // «most probable: "2"|概率最高的是“2”»
        var y2 = NDArray.of(0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0);     // «most probable: "7"|概率最高的是“7”»
        System.out.println("«mean squared error|均方误差»:  y1 " + Losses.meanSquaredError(y1, t) + "   y2 " + Losses.meanSquaredError(y2, t));
        System.out.println("«cross-entropy error|交叉熵误差»: y1 " + Losses.crossEntropyError(y1, t) + "   y2 " + Losses.crossEntropyError(y2, t));
    ''')
    nb.md(r'''
        Both losses are smaller for $y_1$, the output that agrees with the answer: MSE 0.0975 vs
        0.5975, cross-entropy $-\log 0.6 = 0.511$ vs $-\log 0.1 = 2.303$. Cross-entropy is
        $-\log y$ of the true class: 0 when the network is sure and right, growing without bound
        as that probability goes to 0:
    ''', zh=r'''
        两种损失函数都是 $y_1$ 更小，也就是与正确答案一致的那个输出：均方误差 0.0975 对 0.5975，交叉熵误差 $-\log 0.6 = 0.511$ 对 $-\log 0.1 = 2.303$。交叉熵误差就是正确类别的 $-\log y$：网络有把握且判断正确时为 0，随着这个概率趋于 0 而无限增大：
    ''')
    nb.plot('''
        var ys = NDArray.arange(0.001, 1.0, 0.001);
        var minusLog = new LinkedHashMap<String, double[]>();
        minusLog.put("E = -log y", ys.add(Losses.DELTA).log().neg().toArray());
        var ce = Plots.lines(ys.toArray(), minusLog, "«cross-entropy of the true class|正确类别的交叉熵误差»");
        ce.setXAxisTitle("«y (probability given to the true class)|y（赋予正确类别的概率）»");
        ce.setYAxisTitle("E");
        ce
    ''')
    nb.md(r'''
        With a **sigmoid** output for two classes (one output $y$ = probability of class 1), the
        cross-entropy becomes the *binary* cross-entropy (seed `002` uses it):

        $$ E = -\big(t \log y + (1 - t)\log(1 - y)\big) $$
    ''', zh=r'''
        对于用 **sigmoid 函数**输出的二分类问题（一个输出 $y$ = 属于类别 1 的概率），交叉熵误差变为*二元*交叉熵误差（种子笔记 `002` 使用了它）：

        $$ E = -\big(t \log y + (1 - t)\log(1 - y)\big) $$
    ''')
    nb.code('''
        System.out.println("t = 1, y = 0.9: " + Losses.binaryCrossEntropy(NDArray.of(0.9), NDArray.of(1)));
        System.out.println("t = 1, y = 0.1: " + Losses.binaryCrossEntropy(NDArray.of(0.1), NDArray.of(1)));
        System.out.println("t = 0, y = 0.1: " + Losses.binaryCrossEntropy(NDArray.of(0.1), NDArray.of(0)));
    ''')

    nb.md(r'''
        ## 4.3 Mini-batches

        Over $N$ training samples the loss is the **average** (so it does not depend on $N$):

        $$ E = -\frac{1}{N}\sum_n \sum_k t_{nk} \log y_{nk} $$

        Summing over 60,000 images for every update would be slow, so we estimate it on a random
        **mini-batch**, like a survey estimates a population from a sample. The seed's code,
        `np.random.choice(train_size, batch_size)` then `x_train[batch_mask]`:
    ''', zh=r'''
        ## 4.3 mini-batch 学习

        对 $N$ 个训练样本，损失函数取**平均值**（这样就与 $N$ 无关）：

        $$ E = -\frac{1}{N}\sum_n \sum_k t_{nk} \log y_{nk} $$

        每次更新都对 60,000 张图像求和会很慢，所以我们在随机选出的一小批数据（**mini-batch**）上近似计算它，就像抽样调查用样本来估计总体一样。种子笔记中的代码：先 `np.random.choice(train_size, batch_size)`，再 `x_train[batch_mask]`：
    ''')
    nb.code('''
        import dlfs.data.*;

        var mnist = Datasets.mnist(LoadOptions.normalized().oneHot());        // one_hot_label=True
        var xTrain = mnist.xTrain();
        var tTrain = mnist.tTrain();
        int trainSize = xTrain.shape(0);                       // train_size = x_train.shape[0]
        int batchSize = 10;
        var rng = new Rng(0);
        int[] batchMask = rng.choice(trainSize, batchSize);    // np.random.choice(train_size, batch_size)
        var xBatch = xTrain.rows(batchMask);                   // x_train[batch_mask]
        var tBatch = tTrain.rows(batchMask);
        System.out.println("train " + xTrain.shapeString() + " " + tTrain.shapeString() + ", batch_mask " + Arrays.toString(batchMask));
        System.out.println("x_batch " + xBatch.shapeString() + ", t_batch " + tBatch.shapeString());
    ''')
    nb.md(r'''
        The batch cross-entropy takes $t$ either **one-hot** (`t * np.log(y)`) or as **labels**
        (`np.log(y[np.arange(batch_size), t])`, which picks each row's true-class probability
        directly). `Losses.crossEntropyError` accepts both, and both give the same number:
    ''', zh=r'''
        mini-batch 版的交叉熵误差中，$t$ 既可以是 **one-hot 表示**（`t * np.log(y)`），也可以是**标签形式**（`np.log(y[np.arange(batch_size), t])`，直接取出每一行中正确类别的概率）。`Losses.crossEntropyError` 两种都接受，两者给出的数值相同：
    ''')
    nb.code('''
        var yb = NDArray.of(new double[][] {
            {0.1, 0.8, 0.1},      // «sample 0: answer 1|样本 0：正确解 1»
            {0.3, 0.1, 0.6},      // «sample 1: answer 2|样本 1：正确解 2»
            {0.2, 0.5, 0.3},      // «sample 2: answer 0|样本 2：正确解 0»
            {0.8, 0.1, 0.1}});    // «sample 3: answer 0|样本 3：正确解 0»
        var labels = NDArray.of(1, 2, 0, 0);
        var oneHot = Preprocess.oneHot(labels, 3);
        System.out.println("one-hot t =\\n" + oneHot);
        System.out.println("E (one-hot) = " + Losses.crossEntropyError(yb, oneHot));
        System.out.println("E (labels)  = " + Losses.crossEntropyError(yb, labels));
        System.out.println("«by hand|手算»     = " + -(Math.log(0.8) + Math.log(0.6) + Math.log(0.2) + Math.log(0.8)) / 4);
    ''')

    nb.md(r'''
        ## 4.4 Why a loss, and not the accuracy?

        Learning follows the **derivative** of the loss with respect to each weight: if it is negative,
        increasing the weight lowers the loss; if positive, decreasing it does; if 0, the weight stops
        changing. Accuracy is a poor guide: a tiny change of a weight rarely changes which samples are
        right, so accuracy stays flat — its derivative is 0 almost everywhere — and jumps when it does
        change (like the step function, while the loss behaves like the sigmoid).

        Below, a `SimpleNet` (one 2×3 weight matrix, softmax, cross-entropy; section 4.8) classifies
        30 random points; we vary one weight $W_{00}$ and draw the loss and the accuracy:
    ''', zh=r'''
        ## 4.4 为什么要设定损失函数，而不用识别精度？

        学习依据的是损失函数关于每个权重的**导数**：导数为负时，增大该权重会使损失函数减小；导数为正时，减小该权重才会使损失函数减小；导数为 0 时，该权重不再更新。识别精度是一个糟糕的指标：权重的微小变化很少会改变哪些样本被判断正确，所以识别精度保持不变——它的导数几乎处处为 0——而一旦发生变化，就是跳跃式的（像阶跃函数一样，而损失函数则像 sigmoid 函数）。

        下面，一个 `SimpleNet`（一个 2×3 的权重矩阵、softmax 函数、交叉熵误差；见 4.8 节）对 30 个随机点进行分类；我们改变其中一个权重 $W_{00}$，画出损失函数和识别精度的变化：
    ''')
    nb.plot('''
        import dlfs.nets.*;

        var pts = new Rng(3).randn(30, 2);
        var trueW = NDArray.of(new double[][] {{1, -1, 0.3}, {0.5, 1, -1}});
        var ptsLabels = pts.dot(trueW).argmax(1);
        var probeW = NDArray.of(new double[][] {{0, -1, 0.3}, {0.5, 1, -1}});
        var probe = new SimpleNet(probeW);
        var w00 = NDArray.arange(-3.0, 3.0, 0.05);
        double[] lossAt = new double[w00.size()], accAt = new double[w00.size()];
        for (int i = 0; i < w00.size(); i++) {
            probeW.set(w00.get(i), 0, 0);
            lossAt[i] = probe.loss(pts, ptsLabels);
            accAt[i] = probe.accuracy(pts, ptsLabels);
        }
        var lossChart = Plots.lines(w00.toArray(), Map.of("«loss|损失函数»", lossAt), "«loss: smooth, slope everywhere|损失函数：平滑，处处有斜率»");
        var accChart = Plots.lines(w00.toArray(), Map.of("«accuracy|识别精度»", accAt), "«accuracy: flat steps, slope 0|识别精度：平坦的台阶，斜率为 0»");
        lossChart.setXAxisTitle("W[0][0]");
        lossChart.setYAxisTitle("«loss|损失函数»");
        accChart.setXAxisTitle("W[0][0]");
        accChart.setYAxisTitle("«accuracy|识别精度»");
        Charts.grid(List.of(lossChart, accChart), 2, 480, 320)
    ''')

    nb.md(r'''
        ## 4.5 The numerical derivative

        The derivative is the limit

        $$ \frac{df(x)}{dx} = \lim_{h\to0}\frac{f(x+h) - f(x)}{h} \qquad\text{(forward difference)} $$

        Computing it with a tiny but finite $h$ is **numerical differentiation**. Two fixes make it
        work: (1) $h$ must not be *too* small, or it vanishes in rounding — $10^{-50}$ is 0 in 32-bit
        floats and $x + 10^{-50} = x$ in 64-bit ones; $h = 10^{-4}$ works well; (2) the **central
        difference** $\frac{f(x+h) - f(x-h)}{2h}$ has a much smaller error than the forward one.
    ''', zh=r'''
        ## 4.5 数值微分

        导数是下面的极限（前向差分，forward difference）：

        $$ \frac{df(x)}{dx} = \lim_{h\to0}\frac{f(x+h) - f(x)}{h} \qquad\text{(forward difference)} $$

        用一个微小但有限的 $h$ 来计算它，就是**数值微分**。要让它好用，需要两处改进：（1）$h$ 不能*过*小，否则会因舍入误差而消失——$10^{-50}$ 在 32 位浮点数中就是 0，而在 64 位浮点数中 $x + 10^{-50} = x$；取 $h = 10^{-4}$ 效果很好；（2）**中心差分** $\frac{f(x+h) - f(x-h)}{2h}$ 的误差比前向差分小得多。
    ''')
    nb.code('''
        import dlfs.gradient.*;

        System.out.println("(float) 1e-50 = " + (float) 1e-50);
        System.out.println("5.0 + 1e-50 == 5.0: " + (5.0 + 1e-50 == 5.0));

        DoubleUnaryOperator function1 = x -> 0.01 * Math.pow(x, 2) + 0.1 * x;       // y = 0.01x^2 + 0.1x, dy/dx = 0.02x + 0.1
        for (double x : new double[] {5, 10}) {
            double h = 1e-4;
            double forward = (function1.applyAsDouble(x + h) - function1.applyAsDouble(x)) / h;
            double central = NumericalGradient.numericalDiff(function1, x);        // (f(x+h) - f(x-h)) / 2h
            double exact = 0.02 * x + 0.1;
            System.out.printf("«x = %4.1f  forward %.16f (error %.1e)   central %.16f (error %.1e)   exact %.1f%n|x = %4.1f  前向差分 %.16f（误差 %.1e）   中心差分 %.16f（误差 %.1e）   精确值 %.1f%n»",
                              x, forward, Math.abs(forward - exact), central, Math.abs(central - exact), exact);
        }
    ''')
    nb.md(r'''
        The seed's values: $0.1999999999990898$ at $x = 5$ and $0.2999999999986347$ at $x = 10$
        (exact: 0.2 and 0.3). The numerical derivative is the slope of the **tangent line**:
    ''', zh=r'''
        种子笔记中的数值：$x = 5$ 时为 $0.1999999999990898$，$x = 10$ 时为 $0.2999999999986347$（精确值为 0.2 和 0.3）。数值微分就是**切线**的斜率：
    ''')
    nb.plot('''
        var xs = NDArray.arange(0.0, 20.0, 0.1);                 // x = np.arange(0.0, 20.0, 0.1)
        var panels = new ArrayList<Object>();
        for (double x0 : new double[] {5, 10}) {
            double slope = NumericalGradient.numericalDiff(function1, x0);
            double y0 = function1.applyAsDouble(x0);
            var curves = new LinkedHashMap<String, double[]>();
            curves.put("f(x) = 0.01x² + 0.1x", xs.map(function1).toArray());
            curves.put(String.format("«tangent at x = %.0f, slope %.4f|x = %.0f 处的切线，斜率 %.4f»", x0, slope), xs.map(x -> slope * (x - x0) + y0).toArray());
            var c = Plots.lines(xs.toArray(), curves, "«numerical derivative at x = |数值微分，x = »" + (int) x0);
            c.setXAxisTitle("x");
            c.setYAxisTitle("f(x)");
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
            panels.add(c);
        }
        Charts.grid(panels, 2, 480, 340)
    ''')

    nb.md(r'''
        ## 4.6 Partial derivatives and the gradient

        For a function of several variables, such as

        $$ f(x_0, x_1) = x_0^2 + x_1^2 $$

        the **partial derivative** $\partial f/\partial x_0$ is the derivative in $x_0$ with $x_1$ held
        fixed. At $(3, 4)$: fix $x_1 = 4$ and differentiate $x_0^2 + 4^2$ at $x_0 = 3$ (exact: 6); fix
        $x_0 = 3$ and differentiate $3^2 + x_1^2$ at $x_1 = 4$ (exact: 8).
    ''', zh=r'''
        ## 4.6 偏导数与梯度

        对于有多个变量的函数，例如

        $$ f(x_0, x_1) = x_0^2 + x_1^2 $$

        **偏导数** $\partial f/\partial x_0$ 是把 $x_1$ 固定、对 $x_0$ 求的导数。在 $(3, 4)$ 处：将 $x_1$ 固定为 4，对 $x_0^2 + 4^2$ 在 $x_0 = 3$ 处求导（精确值：6）；将 $x_0$ 固定为 3，对 $3^2 + x_1^2$ 在 $x_1 = 4$ 处求导（精确值：8）。
    ''')
    nb.md(r'''
        The seed draws $f$ as a 3-D bowl. Seen from above, its **contour lines** (points of equal
        $f$) are circles around the minimum at $(0, 0)$. Fixing $x_1 = 4$ cuts the bowl along the
        dashed line; along that cut $f$ is the parabola $x_0^2 + 16$, and $\partial f/\partial x_0$
        at $(3, 4)$ is the slope of its tangent at $x_0 = 3$:
    ''', zh=r'''
        种子笔记把 $f$ 画成一个三维的碗。从上往下看，它的**等高线**（$f$ 值相等的点）是围绕最小值 $(0, 0)$ 的一个个圆。固定 $x_1 = 4$，就是沿着虚线把碗切开；沿着这个切面，$f$ 是抛物线 $x_0^2 + 16$，而 $(3, 4)$ 处的 $\partial f/\partial x_0$ 就是它在 $x_0 = 3$ 处切线的斜率：
    ''')
    nb.plot('''
        DoubleBinaryOperator bowl = (a, b) -> a * a + b * b;
        var contour = Plots.xy("«f(x0, x1) = x0² + x1², seen from above|f(x0, x1) = x0² + x1²，俯视图»", "x0", "x1", 460, 440);
        double[] levels = {1, 4, 9, 16, 25, 36};
        for (int i = 0; i < levels.length; i++) {
            int k = 0;
            for (double[][] line : Contours.lines(bowl, new double[] {-6.5, 6.5}, new double[] {-6.5, 6.5}, 131, 131, levels[i]))
                Plots.addLine(contour, "f = " + (int) levels[i] + " #" + k++, line[0], line[1]).setLineColor(Charts.color(i));
        }
        var point = contour.addSeries("(3, 4)", new double[] {3}, new double[] {4});
        point.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        point.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        point.setMarkerColor(java.awt.Color.BLACK);
        var cut = Plots.addLine(contour, "x1 = 4", new double[] {-6, 6}, new double[] {4, 4});
        cut.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        cut.setLineColor(java.awt.Color.BLACK);
        contour.getStyler().setLegendVisible(false);

        var x0s = NDArray.arange(-1.0, 6.0, 0.1);
        double slope = NumericalGradient.numericalDiff(v -> v * v + 16, 3.0);
        var slice = Plots.xy("«the cut x1 = 4: f = x0² + 16|切面 x1 = 4：f = x0² + 16»", "x0", "f", 460, 440);
        Plots.addLine(slice, "x0² + 16", x0s.toArray(), x0s.map(v -> v * v + 16).toArray());
        Plots.addLine(slice, String.format("«tangent at x0 = 3, slope %.4f|x0 = 3 处的切线，斜率 %.4f»", slope), x0s.toArray(), x0s.map(v -> 25 + slope * (v - 3)).toArray());
        slice.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Charts.grid(List.of(contour, slice), 2, 460, 440)
    ''')
    nb.code('''
        DoubleUnaryOperator functionTmp1 = x0 -> x0 * x0 + 4.0 * 4.0;     // «x1 fixed at 4|将 x1 固定为 4»
        DoubleUnaryOperator functionTmp2 = x1 -> 3.0 * 3.0 + x1 * x1;     // «x0 fixed at 3|将 x0 固定为 3»
        System.out.println("df/dx0 at (3, 4) = " + NumericalGradient.numericalDiff(functionTmp1, 3.0));   // 6.00000000000378
        System.out.println("df/dx1 at (3, 4) = " + NumericalGradient.numericalDiff(functionTmp2, 4.0));   // 7.999999999999119
    ''')
    nb.md(r'''
        The vector of all partial derivatives is the **gradient**,
        $\nabla f = \left(\frac{\partial f}{\partial x_0}, \frac{\partial f}{\partial x_1}\right)$.
        `NumericalGradient.numericalGradient(f, x)` computes it for an array of any shape: it moves
        each element by $\pm h$ in turn (in place), evaluates $f$, and restores the element — the
        seed's `numerical_gradient`.
    ''', zh=r'''
        由全部偏导数汇总而成的向量称为**梯度**，$\nabla f = \left(\frac{\partial f}{\partial x_0}, \frac{\partial f}{\partial x_1}\right)$。`NumericalGradient.numericalGradient(f, x)` 对任意形状的数组计算梯度：它依次把每个元素（就地）改变 $\pm h$，计算 $f$，再把该元素还原——这就是种子笔记中的 `numerical_gradient`。
    ''')
    nb.code('''
        ToDoubleFunction<NDArray> function2 = x -> x.square().sum();       // f(x0, x1) = x0^2 + x1^2
        System.out.println("«grad at (3, 4)|(3, 4) 处的梯度» = " + NumericalGradient.numericalGradient(function2, NDArray.of(3.0, 4.0)));
        System.out.println("«grad at (0, 2)|(0, 2) 处的梯度» = " + NumericalGradient.numericalGradient(function2, NDArray.of(0.0, 2.0)));
        System.out.println("«grad at (3, 0)|(3, 0) 处的梯度» = " + NumericalGradient.numericalGradient(function2, NDArray.of(3.0, 0.0)));
    ''')
    nb.md(r'''
        Draw the **negative** gradient $-\nabla f$ as an arrow at each point of a grid: every arrow
        points to the minimum at $(0, 0)$, and arrows are longer far from it, where $f$ is steeper.
        In general $-\nabla f$ points to where $f$ *decreases most* at that point (not necessarily to
        the global minimum); following it is the idea of gradient descent.
    ''', zh=r'''
        在网格的每个点上把**负**梯度 $-\nabla f$ 画成箭头：所有箭头都指向最小值 $(0, 0)$，离它越远箭头越长，因为那里 $f$ 越陡。一般来说，$-\nabla f$ 指向的是该点处函数值*减小最多*的方向（不一定指向全局最小值）；沿着它前进，就是梯度下降法的思想。
    ''')
    nb.plot('''
        Plots.gradientField(x -> NumericalGradient.numericalGradient(function2, x), -2, 2, 0.25)
    ''')

    nb.md(r'''
        ## 4.7 Gradient descent

        Start somewhere, step a little against the gradient, recompute the gradient, repeat:

        $$ x_0 \leftarrow x_0 - \eta\frac{\partial f}{\partial x_0}, \qquad
           x_1 \leftarrow x_1 - \eta\frac{\partial f}{\partial x_1} $$

        $\eta$ is the **learning rate**: how far each step goes. (Gradient *ascent* climbs to a maximum
        instead; flipping the sign of $f$ turns one into the other.) The loss of a network can have
        local minima and plateaus (saddle points); descent finds *a* point where the gradient is 0.
        The seed's experiment: $f = x_0^2 + x_1^2$ from $(-3, 4)$, 100 steps:
    ''', zh=r'''
        ## 4.7 梯度法

        从某处出发，沿梯度的反方向前进一小步，重新计算梯度，再前进，如此反复：

        $$ x_0 \leftarrow x_0 - \eta\frac{\partial f}{\partial x_0}, \qquad
           x_1 \leftarrow x_1 - \eta\frac{\partial f}{\partial x_1} $$

        $\eta$ 是**学习率**：决定每一步走多远。（梯度*上升*法则是向最大值攀登；把 $f$ 的符号反过来，两者就可以互相转换。）神经网络的损失函数可能有局部极小值和平原（鞍点）；梯度下降法找到的是*某个*梯度为 0 的点。种子笔记中的实验：$f = x_0^2 + x_1^2$，从 $(-3, 4)$ 出发，走 100 步：
    ''')
    nb.code('''
        var initX = NDArray.of(-3.0, 4.0);
        System.out.println("lr = 0.1:   " + GradientDescent.gradientDescent(function2, initX, 0.1, 100));     // «close to (0, 0)|接近 (0, 0)»
        System.out.println("lr = 10:    " + GradientDescent.gradientDescent(function2, initX, 10.0, 100));    // «diverges: about (-2.58e13, -1.29e12)|发散：约为 (-2.58e13, -1.29e12)»
        System.out.println("lr = 1e-10: " + GradientDescent.gradientDescent(function2, initX, 1e-10, 100));   // «barely moves|几乎不动»
    ''')
    nb.md(r'''
        Too large a learning rate diverges to huge values; too small a one barely moves before the
        steps run out. The learning rate is a **hyperparameter**: set by a person, not learned, and
        usually found by trying several values. The paths, over the contour lines of $f$
        ($\eta = 1.02$ stands in for "too large": with $\eta = 10$ the path leaves any picture after one
        step):
    ''', zh=r'''
        学习率过大会发散成很大的值；学习率过小则几乎没怎么更新就结束了。学习率是一个**超参数**：由人设定，而不是学习得到，通常要尝试多个值来确定。下面是在 $f$ 的等高线上画出的路径（用 $\eta = 1.02$ 代表“过大”：$\eta = 10$ 时，走一步路径就跑出了图的范围）：
    ''')
    nb.plot('''
        DoubleBinaryOperator f2 = (a, b) -> a * a + b * b;
        var runs = new LinkedHashMap<String, double[]>();      // «name -> {lr, steps, axis half-width}|名称 -> {学习率, 步数, 坐标轴半宽}»
        runs.put("«η = 0.1: converges to (0, 0)|η = 0.1：收敛到 (0, 0)»", new double[] {0.1, 20, 4.5});
        runs.put("«η = 0.01: too small, slow|η = 0.01：过小，收敛很慢»", new double[] {0.01, 20, 4.5});
        runs.put("«η = 1.02: too large, diverges|η = 1.02：过大，发散»", new double[] {1.02, 12, 8});
        var pathCharts = new ArrayList<Object>();
        for (var e : runs.entrySet()) {
            double[] r = e.getValue();
            var result = GradientDescent.run(function2, initX, r[0], (int) r[1]);
            var c = Plots.descentPath(result.path().toArray(new double[0][]), f2, new double[] {-r[2], r[2]}, new double[] {-r[2], r[2]});
            c.setTitle(e.getKey());
            pathCharts.add(c);
        }
        Charts.grid(pathCharts, 3, 440, 400)
    ''')

    nb.md(r'''
        ## 4.8 The gradient of a neural network

        For a network, the function is the **loss** and the variables are the **weights**. For a weight
        matrix $W$ of shape $2\times3$ the gradient has the same shape:

        $$ W=\begin{pmatrix}w_{11}&w_{12}&w_{13}\\w_{21}&w_{22}&w_{23}\end{pmatrix},\qquad
           \frac{\partial L}{\partial W}=\begin{pmatrix}\frac{\partial L}{\partial w_{11}}&\frac{\partial L}{\partial w_{12}}&\frac{\partial L}{\partial w_{13}}\\
           \frac{\partial L}{\partial w_{21}}&\frac{\partial L}{\partial w_{22}}&\frac{\partial L}{\partial w_{23}}\end{pmatrix} $$

        The seed's `simpleNet`: `predict(x) = x·W`, `loss = cross_entropy(softmax(x·W), t)`. With the
        book's printed $W$ (its `np.random.randn(2, 3)` draw), $x = (0.6, 0.9)$, answer $t = (0, 0, 1)$:
    ''', zh=r'''
        ## 4.8 神经网络的梯度

        对神经网络来说，函数是**损失函数**，变量是**权重**。对于形状为 $2\times3$ 的权重矩阵 $W$，梯度的形状与它相同：

        $$ W=\begin{pmatrix}w_{11}&w_{12}&w_{13}\\w_{21}&w_{22}&w_{23}\end{pmatrix},\qquad
           \frac{\partial L}{\partial W}=\begin{pmatrix}\frac{\partial L}{\partial w_{11}}&\frac{\partial L}{\partial w_{12}}&\frac{\partial L}{\partial w_{13}}\\
           \frac{\partial L}{\partial w_{21}}&\frac{\partial L}{\partial w_{22}}&\frac{\partial L}{\partial w_{23}}\end{pmatrix} $$

        种子笔记中的 `simpleNet`：`predict(x) = x·W`，`loss = cross_entropy(softmax(x·W), t)`。使用书中打印出的 $W$（它的 `np.random.randn(2, 3)` 抽样结果），$x = (0.6, 0.9)$，正确解 $t = (0, 0, 1)$：
    ''')
    nb.code('''
        var W = NDArray.of(new double[][] {
            {0.47355232, 0.9977393, 0.84668094},
            {0.85557411, 0.03563661, 0.69422093}});
        var net = new SimpleNet(W);
        var x = NDArray.of(0.6, 0.9);
        var p = net.predict(x);
        System.out.println("predict(x) = " + p + ", argmax " + p.argmax());   // [1.05414809, 0.63071653, 1.1328074], 2
        var tt = NDArray.of(0, 0, 1);
        System.out.println("loss = " + net.loss(x, tt));                     // «0.928068..., the seed prints 0.92806853663411326|0.928068...，种子笔记打印的是 0.92806853663411326»

        ToDoubleFunction<NDArray> f = w -> net.loss(x, tt);                 // def f(W): return net.loss(x, t)
        var dW = NumericalGradient.numericalGradient(f, net.W());
        dW                                                                    // «seed|种子笔记»: [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]
    ''')
    nb.md(r'''
        The seed's numbers agree to about six digits: the book computed them from its unrounded
        random $W$, of which it printed only eight decimals. Read the gradient as: increasing $w_{11}$ by $h$ raises the loss by about $0.22h$, so $w_{11}$ should
        decrease; increasing $w_{23}$ lowers it by about $0.54h$, so $w_{23}$ should grow, and it
        matters most.
    ''', zh=r'''
        与种子笔记中的数值大约有六位一致：书中是用未经舍入的随机 $W$ 计算的，而它只打印了八位小数。梯度的含义是：$w_{11}$ 增加 $h$，损失函数大约增加 $0.22h$，所以 $w_{11}$ 应该减小；$w_{23}$ 增加 $h$，损失函数大约减小 $0.54h$，所以 $w_{23}$ 应该增大，而且它的影响最大。
    ''')

    nb.md(r'''
        ## 4.9 Training a two-layer network with numerical gradients

        The learning algorithm (stochastic gradient descent, **SGD**: gradient descent on random
        mini-batches):

        1. **mini-batch**: pick a random batch of training data;
        2. **gradient**: compute the gradient of the loss for every weight;
        3. **update**: move every weight a little against its gradient;
        4. repeat 1–3.

        An **epoch** is as many iterations as it takes to use up the training data once
        (60,000 samples in batches of 100: 600 iterations).

        `TwoLayerNet(784, 50, 10)` has $784\cdot50 + 50 + 50\cdot10 + 10 = 39{,}760$ weights, and the
        numerical gradient evaluates the loss **twice per weight**: 79,520 forward passes for *one*
        update. So we keep the experiment tiny: one fixed batch of 10 training images, a handful of
        updates (in quick mode a hidden layer of 10 instead of 50), and a learning rate of 0.5 instead
        of the book's 0.1 so that a few updates visibly lower the loss. Then we time one numerical
        gradient against the backpropagation gradient of chapter 5 and estimate what the seed's
        10,000 iterations would cost.
    ''', zh=r'''
        ## 4.9 用数值梯度训练两层神经网络

        学习算法（随机梯度下降法，**SGD**：在随机选出的 mini-batch 上进行梯度下降）：

        1. **mini-batch**：从训练数据中随机选出一批数据；
        2. **计算梯度**：求出损失函数关于每个权重的梯度；
        3. **更新参数**：将每个权重沿梯度的反方向微小更新；
        4. 重复步骤 1～3。

        一个 **epoch** 是指用完一遍训练数据所需的迭代次数（60,000 个样本、每批 100 个：600 次迭代）。

        `TwoLayerNet(784, 50, 10)` 有 $784\cdot50 + 50 + 50\cdot10 + 10 = 39{,}760$ 个权重，而数值梯度要对**每个权重计算两次**损失函数：*一次*更新就要做 79,520 次前向传播。所以我们把实验规模压到很小：固定的一批 10 张训练图像，寥寥几次更新（快速模式下隐藏层为 10 而不是 50），学习率取 0.5 而不是书中的 0.1，好让几次更新就能明显降低损失函数。然后，我们把一次数值梯度与第 5 章误差反向传播法的梯度比较用时，并估算种子笔记中的 10,000 次迭代要花多少时间。
    ''')
    nb.long('''
        int hidden = Course.pick(50, 10);
        int iters = Course.pick(10, 6);
        double lr = 0.5;
        var twoLayer = new TwoLayerNet(784, hidden, 10, new Rng(1));
        int nParams = twoLayer.params().values().stream().mapToInt(NDArray::size).sum();
        System.out.printf("«TwoLayerNet(784, %d, 10): %,d weights -> %,d loss evaluations per numerical gradient%n|TwoLayerNet(784, %d, 10)：%,d 个权重 -> 每次数值梯度要计算 %,d 次损失函数%n»",
                          hidden, nParams, 2 * nParams);
        int[] tiny = new Rng(2).choice(trainSize, 10);
        var xb = xTrain.rows(tiny);
        var tb = tTrain.rows(tiny);
        var lossHistory = new ArrayList<Double>();
        lossHistory.add(twoLayer.loss(xb, tb));
        long start = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            var grad = twoLayer.numericalGradient(xb, tb);                     // «slow!|很慢！»
            for (String key : List.of("W1", "b1", "W2", "b2"))
                twoLayer.params().get(key).axpyi(-lr, grad.get(key));           // params[key] -= lr * grad[key]
            lossHistory.add(twoLayer.loss(xb, tb));
            System.out.printf("«update %d: loss %.4f%n|第 %d 次更新：损失 %.4f%n»", i + 1, lossHistory.get(i + 1));
        }
        double numericalSeconds = (System.nanoTime() - start) / 1e9 / iters;
        System.out.println(String.format("«numerical gradient: %.2f s per update|数值梯度：每次更新 %.2f 秒»", numericalSeconds));
    ''', 'about 1 min', full_zh='约 1 分钟')
    nb.code('''
        for (int i = 0; i < 20; i++) twoLayer.gradient(xb, tb);          // «warm up|预热»
        long t0 = System.nanoTime();
        int reps = 200;
        for (int i = 0; i < reps; i++) twoLayer.gradient(xb, tb);
        double backpropSeconds = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.println(String.format("«backpropagation (chapter 5): %.3f ms per gradient, %,.0fx faster than numerical|误差反向传播法（第 5 章）：每次求梯度 %.3f 毫秒，比数值梯度快 %,.0f 倍»",
                          backpropSeconds * 1e3, numericalSeconds / backpropSeconds));
        System.out.println(String.format("«10,000 updates of this net on this batch: numerical about %.1f hours, backpropagation about %.1f s|在这批数据上把这个网络更新 10,000 次：数值梯度约需 %.1f 小时，误差反向传播法约需 %.1f 秒»",
                          numericalSeconds * 10_000 / 3600, backpropSeconds * 10_000));
    ''')
    nb.plot('''
        var lossCurve = Plots.lossCurve(lossHistory.stream().mapToDouble(Double::doubleValue).toArray());
        lossCurve.setTitle("«loss on the tiny batch, after each numerical-gradient update|每次用数值梯度更新后，这一小批数据上的损失»");
        lossCurve.setXAxisTitle("«update|更新次数»");
        lossCurve
    ''')
    nb.md(r'''
        The loss starts near $\ln 10 \approx 2.30$ (a uniform guess among 10 digits) and goes down: the
        algorithm learns — here it mostly memorises 10 images, which says nothing yet about test
        data. Every update costs tens of thousands of forward passes, so the book's real run (10,000
        iterations on random batches of 100, accuracy measured once per epoch) is out of reach with
        numerical gradients. **Backpropagation** computes the same gradient in about the time of a
        couple of forward passes; notebook 05 derives it and trains this network on MNIST with loss
        and accuracy curves.
    ''', zh=r'''
        损失函数从 $\ln 10 \approx 2.30$ 附近开始（相当于在 10 个数字中均匀地猜）并逐渐下降：算法在学习——不过这里它主要是记住了这 10 张图像，还说明不了它在测试数据上的表现。每次更新都要花费数万次前向传播，所以书中真正的实验（在每批 100 张的随机 mini-batch 上迭代 10,000 次，每个 epoch 计算一次识别精度）用数值梯度是无法完成的。**误差反向传播法**计算同样的梯度，只需大约几次前向传播的时间；笔记本 05 将推导它，并在 MNIST 上训练这个网络，画出损失函数和识别精度的曲线。
    ''')

    nb.exercises("chapter 4", "the losses (mean squared error, cross-entropy with one-hot and label "
                 "targets), then the central difference, the numerical gradient over an array of any shape "
                 "and gradient descent; the tests check the seed's numbers (0.0975, 0.5108, (6, 8) at (3, 4)).",
                 ("ch4.LossFunctions", "ch4.Gradients"),
                 zh=("第4章", "损失函数（均方误差，以及监督数据为 one-hot 表示和标签形式时的交叉熵误差），然后是中心差分、"
                     "对任意形状数组的数值梯度和梯度下降法；测试会检查种子笔记中的数值（0.0975、0.5108、(3, 4) 处的梯度 (6, 8)）。"))
    nb.md(r'''
        ## What you saw

        - Learning = minimising a loss over the weights; mean squared error and cross-entropy
          ($-\log$ of the true class's probability) on the seed's numbers, averaged over a mini-batch.
        - Accuracy is flat almost everywhere in the weights, so it cannot guide learning; the loss can.
        - The central difference with $h = 10^{-4}$ gives derivatives to about $10^{-10}$; it is the
          slope of the tangent line.
        - The gradient collects the partial derivatives; $-\nabla f$ points downhill.
        - Gradient descent $x \leftarrow x - \eta\nabla f$: $\eta = 0.1$ converges, $\eta = 10$
          diverges, $\eta = 10^{-10}$ does not move.
        - A two-layer net learns with numerical gradients, but each update costs twice as many forward
          passes as it has weights: far too slow, hence backpropagation (chapter 5).
    ''', zh=r'''
        ## 本章小结

        - 学习 = 关于权重最小化损失函数；用种子笔记中的数值计算了均方误差和交叉熵误差（正确类别概率的 $-\log$），并在 mini-batch 上求平均。
        - 识别精度关于权重几乎处处平坦，所以无法指引学习；损失函数可以。
        - 取 $h = 10^{-4}$ 的中心差分给出的导数误差约为 $10^{-10}$；它就是切线的斜率。
        - 梯度汇总了全部偏导数；$-\nabla f$ 指向下坡方向。
        - 梯度下降法 $x \leftarrow x - \eta\nabla f$：$\eta = 0.1$ 收敛，$\eta = 10$ 发散，$\eta = 10^{-10}$ 几乎不动。
        - 两层神经网络可以用数值梯度学习，但每次更新需要的前向传播次数是权重个数的两倍：慢得无法接受，因此需要误差反向传播法（第 5 章）。
    ''')
    return nb
