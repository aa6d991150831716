"""06b-handwritten-bp: the seed's hand-written BP network on MNIST, with its batch-size/NaN experiment (seed 000)."""

from nbgen import Notebook


def build():
    nb = Notebook("06b-handwritten-bp")
    nb.md(r'''
        # 6b. A BP network written by hand

        This notebook follows the study note *BP神经网络 (Backpropagation)* (seed `000_*`): an MNIST
        classifier with **two linear layers** and a sigmoid between them, whose backward pass is written
        out by hand as matrix products, plus the note's two observations about the batch size:

        1. with a large batch, the loss **explodes to NaN** unless the gradient is divided by the batch
           size (as PyTorch's mean losses do);
        2. for the same number of epochs, a larger batch **runs faster** but the loss **falls more slowly**.

        Both are measured below. Long runs read their length from `Course.pick(full, quick)`
        (`DLFS_QUICK=1` in CI shortens them).
    ''', zh=r'''
        # 6b. 手写一个 BP神经网络

        本笔记本沿用学习笔记 *BP神经网络 (Backpropagation)*（笔记 `000_*`）：一个 MNIST 分类器，由**两层线性层**和夹在中间的 sigmoid 组成，它的反向传播用矩阵乘积手工写出；此外还有笔记中关于批大小的两点观察：

        1. 批很大时，如果梯度不除以批大小（PyTorch 的平均损失就是这样做的），损失就会**爆炸成 NaN**；
        2. 在同样的 epoch 数下，批越大**运行越快**，但损失**下降越慢**。

        下面对两者都做了测量。耗时较长的运行从 `Course.pick(full, quick)` 读取运行长度（CI 中的 `DLFS_QUICK=1` 会缩短它们）。
    ''')

    nb.md(r'''
        ## MNIST as matrices

        - 60,000 training and 10,000 test images, black and white, 28×28, digits 0–9;
        - a larger pixel value is whiter, 0 is black; dividing by 255 **normalizes** pixels to $[0, 1]$;
        - each image is flattened to a 1×784 row: the image's **features**. The training set is a
          60,000×784 matrix (the seed writes 60000×728, a typo for 28·28 = 784).

        The kit loads MNIST from `data/` (or, offline, the 10,000 digits it ships: 8,000 train / 2,000
        test, grayscale pixels).
    ''', zh=r'''
        ## 把 MNIST 表示成矩阵

        - 60,000 张训练图像和 10,000 张测试图像，黑白图，28×28，数字 0–9；
        - 像素值越大颜色越白，0 代表黑色；除以 255 把像素**归一化**到 $[0, 1]$；
        - 每张图像被拉平成一个 1×784 的行：这就是图像的**特征**。训练集是一个 60,000×784 的矩阵（笔记中写的 60000×728 是笔误，应为 28·28 = 784）。

        本套件从 `data/` 读入 MNIST（离线时使用自带的 10,000 张手写数字：8,000 张训练 / 2,000 张测试，灰度像素）。
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;
        import dlfs.data.*;
        import dlfs.plot.*;
        import dlfs.functions.*;
        import dlfs.nets.Init;

        var mnist = Datasets.mnist(LoadOptions.normalized());    // «pixels / 255, rows of 784, labels 0..9|像素 / 255，每行 784 个，标签 0..9»
        if (Course.quick()) mnist = mnist.head(3000, 1000);
        var trainX = mnist.xTrain();
        var trainT = mnist.tTrain();
        var testX = mnist.xTest();
        var testT = mnist.tTest();
        System.out.println("«train images |训练图像 »" + trainX.shapeString() + "«, labels |，标签 »" + trainT.shapeString());
        System.out.println("«test images  |测试图像 »" + testX.shapeString() + "«, labels |，标签 »" + testT.shapeString());
        System.out.println("«pixel range |像素范围 »[" + trainX.min() + ", " + trainX.max() + "]");
        Images.digitGrid(trainX.slice(0, 12), trainT.slice(0, 12).toIntArray(), null, 12)
    ''')

    nb.md(r'''
        ## From one number to ten scores

        Multiplying the 1×784 row by a 784×1 matrix $W$ gives **one** number, but it can be any real
        number, not a class 0–9. So the note widens $W$ to 784×10: the product is a 1×10 row of
        **scores**, and the predicted class is the index of the largest.

        To learn, we need a loss with a derivative; "the index of the maximum" has none. So the label
        becomes a **one-hot** row: label 2 is $(0,0,1,0,0,0,0,0,0,0)$. The prediction's entry 2 should move
        towards 1 and the others towards 0, but raw scores can be huge or negative, so they first pass
        through the **softmax**:
        $$ \mathrm{softmax}(p)_k = \frac{e^{p_k}}{\sum_j e^{p_j}} $$
        For non-negative numbers a share $A/(A+B+C)$ would do; $e^x$ makes every value positive (so
        negative scores work too), and it **widens the gaps**: large scores grow, small ones shrink. $e$
        is chosen because $\frac{d}{dx}e^x = e^x$ keeps the derivative simple. The outputs are
        non-negative and sum to 1: probabilities. (Sigmoid and softmax both map to $(0, 1)$; softmax
        also makes the 10 outputs sum to 1.)
    ''', zh=r'''
        ## 从一个数到十个得分

        1×784 的行乘以 784×1 的矩阵 $W$，得到的是**一个**数，但它可以是任意实数，而不是 0–9 中的某个类别。所以笔记把 $W$ 扩展为 784×10：乘积是一个 1×10 的**得分**行，预测的类别就是最大值所在的下标。

        要学习，就需要一个可以求导的损失；“最大值所在的下标”没法求导。所以把标签变成 **one-hot** 行：标签 2 就是 $(0,0,1,0,0,0,0,0,0,0)$。预测值中下标 2 的位置应当向 1 靠近，其他位置向 0 靠近；但原始得分可能非常大，也可能是负数，所以先让它们经过 **softmax**：
        $$ \mathrm{softmax}(p)_k = \frac{e^{p_k}}{\sum_j e^{p_j}} $$
        对于非负数，算出每一项的占比 $A/(A+B+C)$ 就够了；$e^x$ 让每个值都变成正数（这样负的得分也能处理），并且会**拉大差距**：大的得分变得更大，小的变得更小。选择 $e$ 是因为 $\frac{d}{dx}e^x = e^x$，导数很简单。输出非负且和为 1：可以看作概率。（sigmoid 和 softmax 都能把数映射到 $(0, 1)$；softmax 还让 10 个输出之和为 1。）
    ''')
    nb.code('''
        var oneHot = NDArray.eye(10).rows(new int[] {2});                 // «label 2|标签 2»
        var scores = NDArray.of(new double[] {1.0, -2.0, 3.0, 0.5, 0.0, -1.0, 2.0, 0.0, 1.5, -0.5}, 1, 10);
        var shares = scores.sub(scores.min()).div(scores.sub(scores.min()).sum());   // «a plain share, after shifting to >= 0|平移到 >= 0 之后的普通占比»
        System.out.println("«one-hot label 2: |one-hot 标签 2： »" + oneHot);
        System.out.println("«scores:          |得分：           »" + scores);
        System.out.println("«plain shares:    |普通占比：       »" + shares.map(v -> Math.round(v * 1000) / 1000.0));
        System.out.println("«softmax:         |softmax：        »" + Activations.softmax(scores).map(v -> Math.round(v * 1000) / 1000.0));
        System.out.println("«softmax sums to  |softmax 之和：   »" + Activations.softmax(scores).sum());
    ''')

    nb.md(r'''
        ## The network and its shapes

        $x$ is the input, $W_1$ a linear layer that **extracts features**: it maps the 784 pixels to $h$
        hidden features ($h$ is a choice: 128, 256, 1024…; not 1, far too few; more features can help but
        cost parameters). A sigmoid follows, then the **classifier** $W_2$ ($h\times 10$) gives the 10
        scores, and softmax the probabilities:
        $$ h = xW_1,\quad s = \sigma(h),\quad p = sW_2,\quad \mathit{pre} = \mathrm{softmax}(p). $$
        With a batch of 3 images, $x$ is 3×784 and every later matrix has 3 rows: the batch size is a
        free, dynamic dimension. (The note's network has no biases; we keep it that way.)
    ''', zh=r'''
        ## 网络及其形状

        $x$ 是输入，$W_1$ 是一个**提取特征**的线性层：它把 784 个像素映射为 $h$ 个隐藏特征（$h$ 可以自己选：128、256、1024……；不能是 1，太少了；特征越多可能越好，但参数也越多）。之后是一个 sigmoid，然后**分类器** $W_2$（$h\times 10$）给出 10 个得分，再由 softmax 给出概率：
        $$ h = xW_1,\quad s = \sigma(h),\quad p = sW_2,\quad \mathit{pre} = \mathrm{softmax}(p). $$
        一批 3 张图像时，$x$ 是 3×784，之后的每个矩阵都有 3 行：批大小是一个可以自由、动态变化的维度。（笔记中的网络没有偏置，这里也保持不变。）
    ''')
    nb.code('''
        int hidden = 256;
        var rng = new Rng(0);
        var w1 = Init.xavier(784, hidden, rng);     // «sigmoid hidden layer: Xavier init, std 1/sqrt(784)|sigmoid 隐藏层：Xavier初始值，标准差 1/sqrt(784)»
        var w2 = Init.xavier(hidden, 10, rng);
        var x3 = trainX.slice(0, 3);
        var h3 = x3.dot(w1);
        var s3 = Activations.sigmoid(h3);
        var p3 = s3.dot(w2);
        var pre3 = Activations.softmax(p3);
        System.out.println("x    " + x3.shapeString() + "   @ w1 " + w1.shapeString());
        System.out.println("h    " + h3.shapeString() + " -> sigmoid -> " + s3.shapeString() + " @ w2 " + w2.shapeString());
        System.out.println("p    " + p3.shapeString() + "  -> softmax -> pre " + pre3.shapeString());
        System.out.println("«row sums of pre: |pre 的行和：»" + pre3.sum(1));
    ''')

    nb.md(r'''
        ## The backward pass, by matrix calculus

        Backward starts at the end: first $W_2$, then $W_1$. With one-hot labels $y$:

        - $G_2 = \dfrac{\partial\,\mathrm{loss}}{\partial p} = \mathit{pre} - y$ (batch×10);
        - $\Delta W_2 = s^T G_2$ (256×10);
        - $\Delta s = G_2 W_2^T$ (batch×256), computed with $W_2$ *before* it is updated;
        - $\Delta h = \Delta s \odot s(1-s)$, since $\sigma' = \sigma(1-\sigma)$ (batch×256);
        - $\Delta W_1 = x^T\Delta h$ (784×256);
        - update $W_i \leftarrow W_i - \eta\,\Delta W_i$.

        **A correction to the note.** It writes the loss as
        $\mathit{label}\cdot\log(\mathit{pre}) + (1-\mathit{label})\log(1-\mathit{pre})$ (a binary
        cross-entropy, missing its minus sign) and then uses $G_2 = \mathit{pre} - \mathit{label}$. With a
        softmax output, $\mathit{pre} - y$ is the gradient of the **categorical** cross-entropy
        $-\sum_k y_k\log \mathit{pre}_k$; it is the binary cross-entropy's gradient only with a sigmoid
        output (the setup of notebook 06c). So the code below uses the categorical loss, which is what
        the note's gradient actually descends. The last line checks it numerically.

        `divideByBatch` is the note's fix: `G2 = G2 / batch_size` and `loss / batch_size`.
    ''', zh=r'''
        ## 用矩阵求导写出反向传播

        反向传播从后往前算：先算 $W_2$，再算 $W_1$。设 one-hot 标签为 $y$：

        - $G_2 = \dfrac{\partial\,\mathrm{loss}}{\partial p} = \mathit{pre} - y$（batch×10）；
        - $\Delta W_2 = s^T G_2$（256×10）；
        - $\Delta s = G_2 W_2^T$（batch×256），要用*更新之前*的 $W_2$ 来计算；
        - $\Delta h = \Delta s \odot s(1-s)$，因为 $\sigma' = \sigma(1-\sigma)$（batch×256）；
        - $\Delta W_1 = x^T\Delta h$（784×256）；
        - 更新 $W_i \leftarrow W_i - \eta\,\Delta W_i$。

        **对笔记的一处更正。** 笔记把损失写成 $\mathit{label}\cdot\log(\mathit{pre}) + (1-\mathit{label})\log(1-\mathit{pre})$（这是二元交叉熵，还漏了负号），随后却用了 $G_2 = \mathit{pre} - \mathit{label}$。在 softmax 输出下，$\mathit{pre} - y$ 是**多分类**交叉熵 $-\sum_k y_k\log \mathit{pre}_k$ 的梯度；只有在 sigmoid 输出下（笔记本 06c 的设置），它才是二元交叉熵的梯度。所以下面的代码使用多分类交叉熵——笔记中的梯度实际下降的正是这个损失。最后一行用数值微分检验这一点。

        `divideByBatch` 就是笔记中的修正方法：`G2 = G2 / batch_size` 以及 `loss / batch_size`。
    ''')
    nb.code('''
        /** The seed's network: h = x@w1, s = sigmoid(h), p = s@w2, pre = softmax(p); backward by hand. */
        class HandwrittenBP {
            final NDArray w1, w2;
            final boolean divideByBatch;
            NDArray x, s, pre;

            HandwrittenBP(int hidden, boolean divideByBatch, long seed) {
                var rng = new Rng(seed);
                w1 = Init.xavier(784, hidden, rng);
                w2 = Init.xavier(hidden, 10, rng);
                this.divideByBatch = divideByBatch;
            }

            NDArray scores(NDArray x) {
                return Activations.sigmoid(x.dot(w1)).dot(w2);
            }

            double forward(NDArray x, NDArray y) {
                this.x = x;
                s = Activations.sigmoid(x.dot(w1));
                pre = Activations.softmaxNaive(s.dot(w2));     // «the note's softmax: exp(p) / sum(exp(p)), no max subtracted|笔记中的 softmax：exp(p) / sum(exp(p))，没有减去最大值»
                double loss = -y.mul(pre.log()).sum();
                return divideByBatch ? loss / x.shape(0) : loss;
            }

            void backwardAndUpdate(NDArray y, double lr) {
                var G2 = pre.sub(y);                           // ∂loss/∂p = pre − label
                if (divideByBatch) G2.divi(x.shape(0));
                var dW2 = s.tdot(G2);                          // sᵀ @ G2
                var dS = G2.dott(w2);                          // G2 @ w2ᵀ
                var dH = dS.mul(s.mul(s.rsub(1.0)));           // ⊙ s(1 − s)
                var dW1 = x.tdot(dH);                          // xᵀ @ Δh
                w2.axpyi(-lr, dW2);
                w1.axpyi(-lr, dW1);
            }

            double accuracy(NDArray x, NDArray labels) {
                return scores(x).argmax(1).eq(labels).mean();
            }
        }

        // «numerical check of G2 = pre − y for the categorical loss (one sample, small random scores)|用数值微分检验多分类损失的 G2 = pre − y（一个样本，较小的随机得分）»
        var pTest = new Rng(3).randn(1, 10);
        var yTest = NDArray.eye(10).rows(new int[] {4});
        var numeric = dlfs.gradient.NumericalGradient.numericalGradient(
            (NDArray p) -> -yTest.mul(Activations.softmax(p).log()).sum(), pTest);
        System.out.println("max |numerical − (pre − y)| = " + numeric.sub(Activations.softmax(pTest).sub(yTest)).abs().max());
    ''')

    nb.md(r'''
        ## Training

        The note's steps: read the data and labels, one-hot encode, then for each epoch and batch:
        forward, backward, update; finally compute the precision (accuracy) on the test set. We shuffle
        the training set each epoch, use hidden 256, batch 100, learning rate 0.5 and the mean gradient
        (`divideByBatch = true`). The note gives no learning rate or epoch count; 10 epochs is our choice.
    ''', zh=r'''
        ## 训练

        笔记中的步骤：读取数据和标签，做 one-hot 编码，然后对每个 epoch 的每一批：正向传播（forward）、反向传播（backward）、更新（update）；最后在测试集上计算 precision（识别精度）。我们每个 epoch 都打乱训练集，使用隐藏层 256、批大小 100、学习率 0.5 和平均梯度（`divideByBatch = true`）。笔记中没有给出学习率和 epoch 数；10 个 epoch 是我们自己的选择。
    ''')
    nb.code('''
        NDArray oneHotOf(NDArray labels) {
            return NDArray.eye(10).rows(labels.toIntArray());
        }

        /** One run of `epochs` epochs, or at most maxIters batches: the loss of every batch; stops at the first NaN/infinite loss. */
        double[] train(HandwrittenBP net, int batchSize, double lr, int epochs, int maxIters, long seed) {
            var order = new Rng(seed);
            var losses = new ArrayList<Double>();
            int n = trainX.shape(0);
            for (int epoch = 0; epoch < epochs && losses.size() < maxIters; epoch++) {
                int[] perm = order.permutation(n);
                for (int start = 0; start < n && losses.size() < maxIters; start += batchSize) {
                    int[] idx = Arrays.copyOfRange(perm, start, Math.min(n, start + batchSize));
                    var xb = trainX.rows(idx);
                    var yb = oneHotOf(trainT.rows(idx));
                    double loss = net.forward(xb, yb);
                    losses.add(loss);
                    if (!Double.isFinite(loss)) return losses.stream().mapToDouble(Double::doubleValue).toArray();
                    net.backwardAndUpdate(yb, lr);
                }
            }
            return losses.stream().mapToDouble(Double::doubleValue).toArray();
        }

        int epochs = Course.pick(10, 2);
        double lr = 0.5;
        var bp = new HandwrittenBP(256, true, 0);
        var epochLoss = new ArrayList<Double>();
        var epochAcc = new ArrayList<Double>();
        var allLosses = new ArrayList<Double>();
        for (int e = 0; e < epochs; e++) {
            double[] l = train(bp, 100, lr, 1, Integer.MAX_VALUE, 100 + e);
            for (double v : l) allLosses.add(v);
            double acc = bp.accuracy(testX, testT);
            epochAcc.add(acc);
            System.out.println(String.format("«epoch %2d  last batch loss %.4f  test accuracy %.4f|epoch %2d  最后一批的损失 %.4f  测试精度 %.4f»", e + 1, l[l.length - 1], acc));
        }
    ''')
    nb.plot('''
        var lossChart = Plots.lossCurve(allLosses.stream().mapToDouble(Double::doubleValue).toArray(), 50);
        lossChart.setTitle("«hand-written BP: loss per batch (hidden 256, batch 100, lr 0.5)|手写 BP：每批的损失（隐藏层 256，批大小 100，学习率 0.5）»");
        var accChart = Plots.line(java.util.stream.IntStream.rangeClosed(1, epochs).asDoubleStream().toArray(),
            epochAcc.stream().mapToDouble(Double::doubleValue).toArray(), "«test accuracy per epoch|每个 epoch 的测试精度»");
        Charts.grid(List.of(lossChart, accChart), 2, 560, 380)
    ''')
    nb.plot('''
        var shown = testX.slice(0, 20);
        Images.digitGrid(shown, testT.slice(0, 20).toIntArray(), bp.scores(shown).argmax(1).toIntArray(), 10)
    ''')

    nb.md(r'''
        ## Experiment 1: a big batch without dividing by it gives NaN

        *"If the batch is too big, the data overflows (NaN): the initial gradient is large, everything after
        it becomes very large, and unless the learning rate is small enough it blows up. `G2 = G2 /
        batch_size`, `loss / batch_size` solves it (PyTorch computes it this way)."*

        Without the division, $\Delta W$ is a **sum** over the batch, so its size grows with the batch:
        the step is effectively $\eta\cdot\text{batch}$. Once the scores reach a few hundred, the note's
        softmax $e^{p}/\sum e^{p}$ computes $\infty/\infty$ = NaN (e^710 overflows a double). Below, the
        same network, learning rate 0.5 and data, at four batch sizes, with the summed and the mean
        gradient, for 30 updates each (or until the end of an epoch); each run is stopped at its first
        non-finite loss.
    ''', zh=r'''
        ## 实验 1：批很大又不除以批大小，就会得到 NaN

        *“batch 太大时数据会溢出（NaN）：初始梯度会变大，那么后面的数据都会变得非常大，如果学习率不够小就会炸了。`G2 = G2 / batch_size`、`loss / batch_size` 可以有效解决（PyTorch 就是这样计算的）。”*

        不除以批大小时，$\Delta W$ 是对整批的**求和**，所以它的大小随批增大：步长实际上变成了 $\eta\cdot\text{batch}$。一旦得分达到几百，笔记中的 softmax $e^{p}/\sum e^{p}$ 就会算出 $\infty/\infty$ = NaN（e^710 会让 double 溢出）。下面用同样的网络、学习率 0.5 和数据，在四种批大小下分别使用求和梯度和平均梯度，各运行 30 次更新（或直到一个 epoch 结束）；每次运行在第一次出现非有限的损失时停止。
    ''')
    nb.code('''
        import tech.tablesaw.api.*;

        int[] batchSizes = {16, 64, 256, 1024};
        int expEpochs = Course.pick(2, 1);
        int nanIters = 30;
        var bsCol = IntColumn.create("«batch size|批大小»");
        var gradCol = StringColumn.create("«gradient|梯度»");
        var itersCol = IntColumn.create("«iterations run|已运行的迭代次数»");
        var nanCol = StringColumn.create("«first non-finite loss at|第一次出现非有限损失»");
        var lossCol = DoubleColumn.create("«last finite loss / sample|最后一个有限的每样本损失»");
        var accCol = DoubleColumn.create("«test accuracy|测试精度»");
        var curves = new LinkedHashMap<String, double[]>();
        for (boolean mean : new boolean[] {false, true}) {
            for (int bs : batchSizes) {
                var net = new HandwrittenBP(256, mean, 0);
                double[] l = train(net, bs, lr, 100, nanIters, 1);
                int bad = -1;
                for (int i = 0; i < l.length; i++) if (!Double.isFinite(l[i])) { bad = i; break; }
                double lastFinite = Double.NaN;
                for (int i = (bad < 0 ? l.length : bad) - 1; i >= 0; i--) if (Double.isFinite(l[i])) { lastFinite = l[i]; break; }
                bsCol.append(bs);
                gradCol.append(mean ? "«mean (G2 / batch)|平均（G2 / batch）»" : "«sum (the bug)|求和（有问题的做法）»");
                itersCol.append(l.length);
                nanCol.append(bad < 0 ? "-" : "«iteration |第 »" + (bad + 1) + "« (loss | 次迭代（损失 »" + l[bad] + "«)|）»");
                lossCol.append(mean ? lastFinite : lastFinite / bs);
                accCol.append(bad < 0 ? net.accuracy(testX, testT) : Double.NaN);
                if (!mean) curves.put("«sum, batch |求和，批大小 »" + bs, Arrays.stream(l).map(v -> Double.isFinite(v) ? v / bs : Double.NaN).toArray());
            }
        }
        var nanTable = Table.create("«batch size vs NaN (lr |批大小与 NaN（学习率 »" + lr + "«, |，»" + nanIters + "« updates)| 次更新）»", bsCol, gradCol, itersCol, nanCol, lossCol, accCol);
        nanTable
    ''')
    nb.md(r'''
        With the summed gradient the effective step grows with the batch: small batches may survive, large
        ones diverge within a few iterations (the loss is `NaN` or `Infinity`); with the mean every batch
        size trains. Below: the per-sample loss of the summed runs until they broke (a curve simply ends
        where its loss stopped being finite; a run that broke at its second update is a single dot).
    ''', zh=r'''
        使用求和梯度时，实际步长随批增大：小批可能撑得住，大批则在几次迭代内就发散（损失变成 `NaN` 或 `Infinity`）；使用平均梯度时，每种批大小都能正常训练。下图：求和梯度的各次运行在崩溃之前的每样本损失（曲线在损失不再有限的地方终止；在第二次更新时就崩溃的运行只有一个点）。
    ''')
    nb.plot('''
        var firstIters = new LinkedHashMap<String, double[]>();
        for (var e : curves.entrySet()) {
            double[] c = e.getValue();
            int end = 0;
            while (end < c.length && !Double.isNaN(c[end])) end++;
            firstIters.put(e.getKey(), Arrays.copyOf(c, Math.max(1, Math.min(end, 60))));
        }
        var nanChart = Plots.compare(firstIters, "«iteration|迭代次数»", "«loss per sample|每样本损失»", "«summed gradient: loss until it stops being finite|求和梯度：损失变为非有限之前的曲线»");
        nanChart.getStyler().setYAxisLogarithmic(true);
        nanChart.getSeriesMap().values().forEach(sr -> sr.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE));
        nanChart
    ''')

    nb.md(r'''
        ## Experiment 2: same epochs, different batch sizes

        The note: *with the same number of epochs, a larger batch descends more slowly but runs faster;
        a smaller batch descends faster but runs more slowly.* An epoch is one pass over the data, so a
        batch of 1024 makes 1/64 as many updates as a batch of 16; each update is smoother (an average
        over more samples), but there are fewer of them. A batch also multiplies larger matrices at once,
        which uses the hardware better (here: the BLAS matrix product), so the epoch takes less time.
        We train each batch size for the same epochs (2; 1 in quick mode) with the mean gradient and the
        same learning rate:
    ''', zh=r'''
        ## 实验 2：同样的 epoch 数，不同的批大小

        笔记中说：*同一个 epoch 的情况下，batch 越大梯度下降越慢，运行速度越快；batch 越小梯度下降越快，运行速度越慢。* 一个 epoch 是把数据完整过一遍，所以批大小 1024 的更新次数只有批大小 16 的 1/64；每次更新更平滑（对更多样本取平均），但次数更少。一个批一次做更大的矩阵乘法，也能更好地利用硬件（这里是 BLAS 矩阵乘积），所以一个 epoch 花的时间更少。我们用平均梯度和相同的学习率，把每种批大小训练相同的 epoch 数（2 个；快速模式下 1 个）：
    ''')
    nb.code('''
        var bs2 = IntColumn.create("«batch size|批大小»");
        var upd = IntColumn.create("«updates|更新次数»");
        var secs = DoubleColumn.create("«seconds|秒»");
        var lossEnd = DoubleColumn.create("«mean loss, last 10% of batches|平均损失（最后 10% 的批）»");
        var acc2 = DoubleColumn.create("«test accuracy|测试精度»");
        var perEpochCurves = new LinkedHashMap<String, double[]>();
        for (int bs : batchSizes) {
            train(new HandwrittenBP(256, true, 9), bs, lr, 1, 5, 9);   // «warm-up (JIT), not timed|预热（JIT），不计时»
            var net = new HandwrittenBP(256, true, 0);
            long t0 = System.nanoTime();
            double[] l = train(net, bs, lr, expEpochs, Integer.MAX_VALUE, 1);
            double s = (System.nanoTime() - t0) / 1e9;
            int tail = Math.max(1, l.length / 10);
            bs2.append(bs);
            upd.append(l.length);
            secs.append(Math.round(s * 100) / 100.0);
            lossEnd.append(Arrays.stream(l, l.length - tail, l.length).average().orElse(Double.NaN));
            acc2.append(net.accuracy(testX, testT));
            perEpochCurves.put("«batch |批大小 »" + bs, l);
        }
        Table.create("«same epochs (|相同的 epoch 数（»" + expEpochs + "«), mean gradient, lr |），平均梯度，学习率 »" + lr, bs2, upd, secs, lossEnd, acc2)
    ''')
    nb.plot('''
        // «loss against the fraction of the run (epochs), so every batch size spans the same x range|以运行进度（epoch）为横轴画损失，这样每种批大小的 x 范围都相同»
        var byEpoch = Plots.xy("«loss against epochs (same data seen)|损失与 epoch（看过的数据量相同）»", "epoch", "«loss|损失»");
        for (var e : perEpochCurves.entrySet()) {
            double[] l = Plots.smooth(e.getValue(), Math.max(1, e.getValue().length / 20));
            double[] ep = new double[l.length];
            for (int i = 0; i < l.length; i++) ep[i] = (i + 1.0) / l.length * expEpochs;
            byEpoch.addSeries(e.getKey(), ep, l).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        byEpoch
    ''')

    nb.exercises("this build (seed 000)",
                 "`seeds.SigmoidHiddenBackprop` has you write this net's backward pass in the seed's names: "
                 "G2 = (pre − label)/batch, Δw2 = sig_hᵀG2, Δh = (G2 w2ᵀ)·sig_h·(1 − sig_h), Δw1 = xᵀΔh; the tests "
                 "compare it with `HandwrittenBpNet` and with numerical gradients, and check the division by the "
                 "batch. The chapter-5 exercises build the same steps as layers (Sigmoid, Affine, SoftmaxWithLoss).",
                 classes=("seeds.SigmoidHiddenBackprop",),
                 zh=("本实现（笔记 000）",
                     "`seeds.SigmoidHiddenBackprop` 让你用笔记中的变量名写出这个网络的反向传播："
                     "G2 = (pre − label)/batch、Δw2 = sig_hᵀG2、Δh = (G2 w2ᵀ)·sig_h·(1 − sig_h)、Δw1 = xᵀΔh；测试会把它与 "
                     "`HandwrittenBpNet` 以及数值梯度比较，并检查是否除以了批大小。第5章的练习把同样的步骤实现为层"
                     "（Sigmoid、Affine、SoftmaxWithLoss）。"))
    nb.md(r'''
        ## What you saw

        - An MNIST classifier needs 10 scores per image (784×10, not 784×1), one-hot labels and a softmax
          to turn scores into probabilities that a loss can compare with the label.
        - The hand-written backward pass is four matrix products: $G_2 = \mathit{pre}-y$,
          $\Delta W_2 = s^TG_2$, $\Delta h = G_2W_2^T\odot s(1-s)$, $\Delta W_1 = x^T\Delta h$.
          $\mathit{pre}-y$ is the gradient of the *categorical* cross-entropy (the note writes a binary one).
        - Without dividing $G_2$ by the batch size the step grows with the batch, and large batches blow
          up to NaN; the mean gradient fixes it for every batch size.
        - For the same epochs, larger batches take less time but make fewer updates, so their loss falls
          more slowly per epoch.
    ''', zh=r'''
        ## 小结

        - MNIST 分类器每张图像需要 10 个得分（784×10，而不是 784×1）、one-hot 标签，以及 softmax——它把得分转换为概率，损失函数才能拿它与标签比较。
        - 手写的反向传播就是四个矩阵乘积：$G_2 = \mathit{pre}-y$、$\Delta W_2 = s^TG_2$、$\Delta h = G_2W_2^T\odot s(1-s)$、$\Delta W_1 = x^T\Delta h$。$\mathit{pre}-y$ 是*多分类*交叉熵的梯度（笔记中写的是二元交叉熵）。
        - 不把 $G_2$ 除以批大小时，步长随批增大，大批会炸成 NaN；平均梯度对每种批大小都能解决这个问题。
        - 在同样的 epoch 数下，批越大用时越少，但更新次数也越少，所以按 epoch 计，损失下降得更慢。
    ''')
    return nb
