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
    ''', zh=r'''
        # 6a. 手写 softmax回归：MNIST 分类

        在书中的层类之前（以及之外），学习笔记还用好几种方式搭建了 MNIST 分类器。本笔记本沿用关于**softmax回归**的学习笔记（`003_*`）：一个线性层 $z = Wx + b$、一个 softmax、交叉熵误差，再加上最朴素的梯度下降，写成几个函数，与笔记中的 numpy 代码一一对应：

        `get_data` → `forward_pass` → `compute_loss_and_gradients` → `update_parameters` → `train_model` → `test_model` → `visualize_predictions`。

        最后，我们把笔记中**两层** ReLU 网络的反向传播公式（$\delta^{(2)} = a^{(2)} - y$、$\delta^{(1)} = (W^{(2)})^T\delta^{(2)}\odot\mathrm{ReLU}'(z^{(1)})$）与库中的 `TwoLayerNet` 对照检验——后者用层计算同样的梯度。

        耗时较长的运行从 `Course.pick(full, quick)` 读取运行长度：默认保持笔记中的设置（10 个 epoch，批大小 100，学习率 0.05）；`DLFS_QUICK=1`（CI）会缩短它们。
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
    ''', zh=r'''
        ## 模型

        **正向传播。** 对于一张图像 $x$（784 个像素），10 个类别的得分为
        $$ z = Wx + b, \qquad W \in \mathbb{R}^{10\times 784},\ b \in \mathbb{R}^{10}. $$
        对于按行存放的一批数据，$X$ 的形状为 (N, 784)，同样的计算写作 $Z = XW^T + b^T$，形状为 (N, 10)。

        **激活函数。** softmax 把得分转换为概率：
        $$ \mathrm{softmax}(z_i) = \frac{e^{z_i}}{\sum_j e^{z_j}}. $$

        **损失函数。** one-hot 标签 $y$ 与概率 $p$ 之间的交叉熵误差：
        $$ \mathrm{loss} = -\sum_i y_i \log p_i , $$
        再对批取平均。

        **梯度下降**，学习率为 $\eta$：
        $$ W \leftarrow W - \eta\,\frac{\partial\,\mathrm{loss}}{\partial W}, \qquad
           b \leftarrow b - \eta\,\frac{\partial\,\mathrm{loss}}{\partial b}. $$

        **反向传播**经过 softmax + 交叉熵误差，得到那个著名的简单结果 $\partial\,\mathrm{loss}/\partial z = p - y$；于是对于 N 行的一批数据，
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
    ''', zh=r'''
        ## 读入数据

        笔记中的 `get_data` 读取 gzip 压缩的 IDX 文件，跳过 16 字节（图像）和 8 字节（标签）的文件头，变形为 (N, 784) 并除以 255。库中的 `dlfs.data` 做的是同样的事（还会检查文件头），而且无论笔记本在哪里运行，都能从项目根目录找到 `data/`。如果 `data/mnist/` 中没有完整的 MNIST 文件，它就使用本套件自带的 10,000 张手写数字（8,000 张训练 / 2,000 张测试，灰度像素），并给出说明。
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.nd.*;
        import dlfs.data.*;
        import dlfs.plot.*;

        var mnist = Datasets.mnist(LoadOptions.normalized());     // «normalize to [0, 1], flatten to 784, labels as class indices|归一化到 [0, 1]，展平为 784，标签为类别下标»
        if (Course.quick()) mnist = mnist.head(3000, 1000);  // «quick mode (CI): fewer samples|快速模式（CI）：样本更少»
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
    ''', zh=r'''
        ## 参数

        与笔记一样：形状为 (10, 784) 的 $W$ 从 $[0, 0.01)$ 中**均匀**抽取（`np.random.rand(...) * 0.01`），$b$ 是 (10, 1) 的零列向量，学习率 0.05。（均匀且全为正的初始值并不常见；对单个线性层来说这无关紧要，因为不存在需要打破的对称性：从一开始，每个类别对应的那一行得到的梯度就各不相同。）
    ''')
    nb.code('''
        int inputSize = 784;
        int numClasses = 10;
        double learningRate = 0.05;

        var rng = new Rng(0);                                  // «np.random, seeded so the run repeats|np.random，固定种子，使运行结果可重复»
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
    ''', zh=r'''
        ## 正向传播、损失和梯度

        `forward_pass` 就是 `inputs @ W.T + b.T`。`NDArray.dott(W)` 计算 $XW^T$，不必复制出转置矩阵；`b.T()` 的形状是 (1, 10)，会广播到 N 行上。

        `compute_loss_and_gradients` 逐行照搬笔记：one-hot 标签（`np.eye(10)[labels]` 对应 `NDArray.eye(10).rows(labels)`）、数值稳定的 softmax（`exp` 之前先减去每行的最大值）、把概率截断到 $[10^{-10}, 1]$ 使 $\log$ 永远不会遇到 0、取平均的损失，以及两个梯度。
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
            W.axpyi(-learningRate, gradW);                    // «W -= learning_rate * gradW (in place)|W -= learning_rate * gradW（原地更新）»
            b.axpyi(-learningRate, gradB);
        }

        // «one batch, to see the shapes|取一批数据，看看形状»
        var out0 = forwardPass(trainInputs.slice(0, 100), W, b);
        var g0 = computeLossAndGradients(trainInputs.slice(0, 100), out0, trainLabels.slice(0, 100), W, b);
        System.out.println("outputs " + out0.shapeString() + ", gradW " + g0.gradW().shapeString() + ", gradB " + g0.gradB().shapeString());
        System.out.println(String.format("«loss of the untrained model: %.4f (ln 10 = %.4f: about uniform guessing)|未训练模型的损失：%.4f（ln 10 = %.4f：大约相当于均匀乱猜）»", g0.loss(), Math.log(10)));
    ''')

    nb.md(r'''
        ## Training

        `train_model` walks through the training set **in order** in batches of 100 (the seed does not
        shuffle) and prints the last batch's loss after each epoch. We also keep every batch's loss
        for a plot.
    ''', zh=r'''
        ## 训练

        `train_model` 以 100 个为一批，**按顺序**遍历训练集（笔记中没有打乱顺序），每个 epoch 结束后打印最后一批的损失。我们还记录下每一批的损失，用来绘图。
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

        int numEpochs = Course.pick(10, 2);     // «the seed: 10 epochs|笔记中：10 个 epoch»
        int batchSize = 100;
        trainModel(trainInputs, trainLabels, W, b, learningRate, batchSize, numEpochs);
    ''')
    nb.plot('''
        double[] lossArray = batchLosses.stream().mapToDouble(Double::doubleValue).toArray();
        var lossChart = Plots.lossCurve(lossArray, 50);
        lossChart.setTitle("«softmax regression: loss per batch (batch 100, lr 0.05)|softmax回归：每批的损失（批大小 100，学习率 0.05）»");
        lossChart
    ''')

    nb.md(r'''
        ## Testing

        `test_model`: the predicted class is the index of the largest score (the softmax does not change
        which one is largest, so it is not needed here), and the accuracy is the fraction that match.
        A single linear layer reaches about 92% on full MNIST; on the shipped digits it gives about 90%
        (89.7% after the seed's 10 epochs, pinned by `AccuracyTest`).
    ''', zh=r'''
        ## 测试

        `test_model`：预测的类别是得分最大的那一项的下标（softmax 不会改变哪一项最大，所以这里不需要它），识别精度就是预测正确的比例。单个线性层在完整的 MNIST 上能达到约 92%；在自带的手写数字上约为 90%（按笔记训练 10 个 epoch 后为 89.7%，由 `AccuracyTest` 固定）。
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
    ''', zh=r'''
        ## 可视化预测结果

        `visualize_predictions` 随机（不放回地）抽取 10 张测试图像，每张都标出真实标签和预测结果（预测错误的用红色显示）。
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
    ''', zh=r'''
        $W$ 的每一行都是一个 784 像素的**模板**：类别 $k$ 的得分就是图像与第 $k$ 行的点积。把这些行画成 28×28 的图像（深色 = 权重大），它们看起来就像模糊的数字：模型为每个类别学到了一个原型，这也是单个线性层止步于 92% 左右的原因。
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
    ''', zh=r'''
        ## 检验笔记中的两层网络公式

        笔记中还写出了带一个 ReLU 隐藏层时的反向传播（列向量，单个样本）：
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
        库（与书中一样）把一批数据按**行**存放，权重的形状为 (in, out)，所以同样的公式写作 $\Delta^{(2)} = (A^{(2)} - Y)/N$、$\partial L/\partial W^{(2)} = (A^{(1)})^T\Delta^{(2)}$、$\Delta^{(1)} = \Delta^{(2)}(W^{(2)})^T\odot[Z^{(1)}>0]$、$\partial L/\partial W^{(1)} = X^T\Delta^{(1)}$，偏置的梯度则是列和。我们手工计算这些梯度，并与 `TwoLayerNet.gradient` 比较——它把 `Affine`、`Relu` 和 `SoftmaxWithLoss` 层串联起来：
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

        var delta2 = a2.sub(Y).divi(N);                          // «δ(2) = a(2) − y, averaged over the batch|δ(2) = a(2) − y，对批取平均»
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
                 classes=("seeds.SoftmaxRegressionStep",),
                 zh=("softmax回归这一实现（笔记 003）",
                     "`seeds.SoftmaxRegressionStep` 让你按笔记中的布局（W 的形状是 (类别数, 输入数)，b 是列向量）手写本笔记本中的"
                     "一个 mini-batch 步骤：z = xWᵀ + bᵀ、截断后的 softmax、平均交叉熵误差、dW = (P − Y)ᵀx/N、db，以及原地更新；"
                     "测试会把每一步的损失和更新后的 W、b 与 `SoftmaxRegression` 比较，并检查错误的标签和形状会被拒绝。"
                     "第3章和第5章的练习以函数和层的形式实现了同样的内容。"))
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
    ''', zh=r'''
        ## 小结

        - softmax回归就是一个线性层 $z = Wx + b$，后接 softmax 和交叉熵误差；一批数据按行存放时，正向传播是 `inputs.dott(W).add(b.T())`。
        - 它的梯度是 $\partial L/\partial z = p - y$，所以 $\partial L/\partial W = (P-Y)^TX/N$，$\partial L/\partial b$ 是 $P - Y$ 的列和除以 $N$。
        - 按笔记训练 10 个 epoch（批大小 100，学习率 0.05，不打乱顺序），测试精度约为 92%；$W$ 的各行是模糊的数字模板。
        - 笔记中的两层网络公式（$\delta^{(2)} = a^{(2)}-y$、$\delta^{(1)} = W^{(2)T}\delta^{(2)}\odot\mathrm{ReLU}'$）与库中逐层进行的反向传播一致，差别只在舍入误差级别。
    ''')
    return nb
