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
    ''', zh=r'''
        # 3. 神经网络：前向传播

        感知机的权重需要人工设定；**神经网络**则可以从数据中自动学习权重（第 4～5 章）。这个笔记本实现神经网络的*推理*（前向传播）过程：

        1. 从感知机到神经元：加权和 $a$ 与**激活函数** $h(a)$；
        2. 各种激活函数——阶跃函数、sigmoid 函数、tanh、ReLU 函数、恒等函数——的图形，以及激活函数为什么必须是非线性的；
        3. 用三次矩阵乘积实现 3 层神经网络，并写出每个数组的形状；
        4. 输出层：回归问题用恒等函数，分类问题用 **softmax 函数**，以及 softmax 函数的溢出问题；
        5. 在 MNIST 上进行手写数字识别：预处理、批处理推理、识别精度，以及一张附有网络判断结果的数字图像网格。
    ''')

    nb.md(r'''
        ## 3.1 From perceptron to neuron

        Split the perceptron into two steps: the weighted sum (with the bias as the weight of a
        constant input 1), then a function of it:

        $$ a = b + w_1x_1 + w_2x_2, \qquad y = h(a) $$

        $h$ is the **activation function**. A single-layer ("naive") perceptron uses the step
        function; a neural network uses a smooth function such as the sigmoid.
    ''', zh=r'''
        ## 3.1 从感知机到神经元

        把感知机拆成两步：先计算加权和（把偏置看作一个恒为 1 的输入的权重），再对它应用一个函数：

        $$ a = b + w_1x_1 + w_2x_2, \qquad y = h(a) $$

        $h$ 就是**激活函数**。单层感知机（“朴素感知机”）使用阶跃函数作为激活函数；神经网络使用 sigmoid 函数这样的平滑函数。
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
    ''', zh=r'''
        ## 3.2 激活函数

        | 名称 | 公式 | |
        |---|---|---|
        | 阶跃函数 | 当 $x > 0$ 时 $h(x) = 1$，否则为 $0$ | 感知机使用的函数；$>$ 阈值 0 的元素变为 1 |
        | sigmoid 函数 | $h(x) = \dfrac{1}{1 + e^{-x}}$ | 平滑的 S 型曲线，关于 $(0, 0.5)$ 对称；把数值转化为概率 |
        | tanh | $h(x) = \dfrac{e^x - e^{-x}}{e^x + e^{-x}}$ | 关于原点对称的 S 型曲线，值域为 $(-1, 1)$ |
        | ReLU 函数 | 当 $x > 0$ 时 $h(x) = x$，否则为 $0$ | $\max(0, x)$ |
        | 恒等函数 | $h(x) = x$ | 回归网络的输出层 |

        `dlfs.functions.Activations` 提供了上面每个函数，既可以作用于一个数，也可以对 `NDArray` 逐元素计算：
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
        curves.put("«step function|阶跃函数»", Activations.step(xs));
        curves.put("sigmoid", Activations.sigmoid(xs));
        curves.put("tanh", Activations.tanh(xs));
        curves.put("ReLU", Activations.relu(xs));
        curves.put("«identity|恒等函数»", Activations.identity(xs));
        var panels = new ArrayList<Object>();
        for (var e : curves.entrySet())
            panels.add(Plots.lines(xs.toArray(), Map.of(e.getKey(), e.getValue().toArray()), e.getKey()));
        var both = new LinkedHashMap<String, double[]>();
        both.put("«step|阶跃函数»", curves.get("«step function|阶跃函数»").toArray());
        both.put("sigmoid", curves.get("sigmoid").toArray());
        panels.add(Plots.lines(xs.toArray(), both, "«step vs sigmoid|阶跃函数与 sigmoid 函数»"));
        Charts.grid(panels, 3, 380, 280)
    ''')

    nb.md(r'''
        Step and sigmoid agree in shape — small inputs give about 0, large inputs about 1, the output
        is bounded — but the sigmoid is **smooth**: its output changes continuously with the input,
        which is what makes learning by gradients possible (chapter 4).

        **Why non-linear?** With a linear $h(x) = cx$, a three-layer network computes
        $y = h(h(h(x))) = c^3x$: a single layer ($a = c^3$) does the same, so stacking layers would
        buy nothing. With $c = 2$:
    ''', zh=r'''
        阶跃函数和 sigmoid 函数的形状相似——输入小时输出接近 0，输入大时输出接近 1，输出都有界——但 sigmoid 函数是**平滑的**：它的输出随输入连续变化，正是这一点使得基于梯度的学习成为可能（第 4 章）。

        **为什么必须是非线性函数？** 如果使用线性函数 $h(x) = cx$，3 层神经网络计算的是 $y = h(h(h(x))) = c^3x$：只用一层（$a = c^3$）也能做到同样的事，叠加层就没有任何好处。取 $c = 2$：
    ''')
    nb.code('''
        DoubleUnaryOperator h = v -> 2 * v;                       // «a linear "activation"|线性的“激活函数”»
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
    ''', zh=r'''
        ## 3.3 3 层神经网络：用矩阵乘积实现

        书中的示例网络有 2 个输入，两个隐藏层分别有 3 个和 2 个神经元，输出有 2 个：

        ```
          第 0 层           第 1 层                第 2 层                第 3 层
          (输入层)          (隐藏层, sigmoid)      (隐藏层, sigmoid)      (输出层, 恒等函数)

           x1 ──┐           ┌─ a1 → z1 ──┐           ┌─ a1 → z1 ──┐           ┌─ y1
                ├── W(1) ───┼─ a2 → z2 ──┼── W(2) ───┤            ├── W(3) ───┤
           x2 ──┘   b(1)    └─ a3 → z3 ──┘   b(2)    └─ a2 → z2 ──┘   b(3)    └─ y2

          X (2,) · W(1) (2, 3) → (3,)   · W(2) (3, 2) → (2,)   · W(3) (2, 2) → Y (2,)
        ```

        用 $w^{(1)}_{12}$ 表示第 1 层中从前一层第 2 个神经元到本层第 1 个神经元的权重，第 1 层计算 $a^{(1)}_1 = w^{(1)}_{11}x_1 + w^{(1)}_{12}x_2 + b^{(1)}_1$，而整个第 1 层可以一次写成一个矩阵乘积：

        $$ A^{(1)} = XW^{(1)} + B^{(1)}, \quad Z^{(1)} = \mathrm{sigmoid}(A^{(1)}) $$

        偏置只有一个下标：因为前一层的偏置神经元（神经元“1”）只有一个。形状必须首尾相接：$X$ 是 `(2,)`，$W^{(1)}$ 是 `(2, 3)`，$W^{(2)}$ 是 `(3, 2)`，$W^{(3)}$ 是 `(2, 2)`。
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
        // «the library's ThreeLayerNet holds the same weights (ThreeLayerNet.bookExample()):|库中的 ThreeLayerNet 持有同样的权重（ThreeLayerNet.bookExample()）：»
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
    ''', zh=r'''
        ## 3.4 输出层：恒等函数还是 softmax 函数

        回归问题（预测一个数值）的输出层使用恒等函数；分类问题使用 **softmax 函数**，它把 $n$ 个得分 $a_k$ 转化为概率：

        $$ y_k = \frac{e^{a_k}}{\sum_{i=1}^{n} e^{a_i}} $$

        它的输出在 $(0, 1)$ 之间且**总和为 1**；又因为 $e^x$ 是单调递增函数，各元素之间的大小关系保持不变：得分最大的元素，概率也最大。（所以只做推理时可以省略 softmax 函数：对得分取 `argmax` 得到的类别相同。）
    ''')
    nb.plot('''
        var a = NDArray.of(0.3, 2.9, 4.0);
        var y = Activations.softmax(a);
        System.out.println("softmax(" + a + ") = " + y);      // [0.01821127, 0.24519181, 0.73659691]
        System.out.println("sum = " + y.sum() + ", argmax(a) = " + a.argmax() + ", argmax(y) = " + y.argmax());
        String[] names = new String[3];
        for (int k = 0; k < 3; k++) names[k] = String.format("a%d = %.1f -> y%d = %.3f", k + 1, a.get(k), k + 1, y.get(k));
        var bars = Plots.bar(names, y.toArray(), "«softmax([0.3, 2.9, 4.0]): probabilities summing to 1|softmax([0.3, 2.9, 4.0])：总和为 1 的概率»", "y");
        bars.getStyler().setLabelsVisible(false);
        bars
    ''')
    nb.md(r'''
        **Overflow.** $e^{1010}$ does not fit in a double (the largest is about $1.8\times10^{308}$,
        $e^{710}$ already overflows), so the textbook formula returns `NaN` for large scores:
    ''', zh=r'''
        **溢出。** $e^{1010}$ 超出了 double 的表示范围（最大约为 $1.8\times10^{308}$，$e^{710}$ 就已经溢出），所以按教科书公式直接计算时，得分很大就会返回 `NaN`：
    ''')
    nb.code('''
        var big = NDArray.of(1010, 1000, 990);
        System.out.println("exp(1010) = " + Math.exp(1010));
        System.out.println("«naive softmax|直接按公式计算的 softmax» = " + Activations.softmaxNaive(big));    // inf / inf = NaN
    ''')
    nb.md(r'''
        The fix: multiply numerator and denominator by the same constant $C$, which moves into the
        exponent as $C' = \log C$:

        $$ y_k=\frac{e^{a_k}}{\sum_{i} e^{a_i}} = \frac{C e^{a_k}}{C\sum_{i} e^{a_i}}
             = \frac{e^{a_k+\log C}}{\sum_{i} e^{a_i+\log C}} = \frac{e^{a_k+C'}}{\sum_{i} e^{a_i+C'}} $$

        Any $C'$ gives the same result; choosing $C' = -\max_i a_i$ makes the largest exponent
        $e^0 = 1$, so nothing overflows. `Activations.softmax` does this (per row for a batch):
    ''', zh=r'''
        解决办法：分子和分母都乘以同一个常数 $C$，它移到指数中成为 $C' = \log C$：

        $$ y_k=\frac{e^{a_k}}{\sum_{i} e^{a_i}} = \frac{C e^{a_k}}{C\sum_{i} e^{a_i}}
             = \frac{e^{a_k+\log C}}{\sum_{i} e^{a_i+\log C}} = \frac{e^{a_k+C'}}{\sum_{i} e^{a_i+C'}} $$

        任何 $C'$ 都给出相同的结果；取 $C' = -\max_i a_i$ 时最大的指数项为 $e^0 = 1$，就不会溢出了。`Activations.softmax` 就是这样做的（对批数据按行计算）：
    ''')
    nb.code('''
        var c = big.max();
        System.out.println("a - max(a) = " + big.sub(c));
        System.out.println("«safe softmax|防溢出的 softmax» = " + Activations.softmax(big));     // [9.99954600e-01, 4.53978686e-05, 2.06106005e-09]
    ''')
    nb.md(r'''
        Which output function and loss go with which problem (the seed's summary table):

        | problem | hidden layers | output layer | loss (chapter 4) |
        |---|---|---|---|
        | regression | sigmoid, ReLU, … | identity | mean squared error |
        | classification | sigmoid, ReLU, … | sigmoid (two classes) / softmax (several) | cross-entropy |
    ''', zh=r'''
        哪种问题配哪种输出函数和损失函数（种子笔记中的汇总表）：

        | 问题 | 隐藏层 | 输出层 | 损失函数（第 4 章） |
        |---|---|---|---|
        | 回归 | sigmoid、ReLU 等 | 恒等函数 | 均方误差 |
        | 分类 | sigmoid、ReLU 等 | sigmoid（二分类）/ softmax（多分类） | 交叉熵误差 |
    ''')

    nb.md(r'''
        ## 3.5 Handwritten digits: inference on MNIST

        MNIST: 28×28 grayscale images of the digits 0–9 with their labels. `Datasets.mnist()` loads the
        full set (60,000 training and 10,000 test images) when it is in `data/mnist/`, otherwise the
        10,000 real MNIST digits the kit ships (`data/README.md` says how to get the full set). The
        book's `load_mnist(normalize=True, flatten=True, one_hot_label=False)` becomes
        `Datasets.mnist(LoadOptions.normalized())`:

        - **normalize**: pixel values 0–255 divided by 255, into [0.0, 1.0] — a *preprocessing* step
          (others: centre the data on 0, scale it by its standard deviation, whiten it);
        - **flatten**: each image as a row of 784 numbers instead of a 28×28 array;
        - **one-hot**: labels as digits (`7`) here, not as vectors `[0,0,0,0,0,0,0,1,0,0]`.
    ''', zh=r'''
        ## 3.5 手写数字识别：在 MNIST 上推理

        MNIST：0～9 数字的 28×28 灰度图像及其标签。`data/mnist/` 中有完整数据集（60,000 张训练图像和 10,000 张测试图像）时，`Datasets.mnist()` 加载完整数据集，否则加载本课程自带的 10,000 张真实 MNIST 数字图像（`data/README.md` 说明了如何获取完整数据集）。书中的 `load_mnist(normalize=True, flatten=True, one_hot_label=False)` 对应 `Datasets.mnist(LoadOptions.normalized())`：

        - **normalize**（正规化）：把 0～255 的像素值除以 255，变为 [0.0, 1.0] 之间——这是一种*预处理*（其他预处理还有：使数据整体以 0 为中心分布、用标准差缩放、数据白化）；
        - **flatten**（展平）：每张图像是一行 784 个数，而不是 28×28 的数组；
        - **one-hot**：这里的标签是数字（`7`），而不是 one-hot 表示的向量 `[0,0,0,0,0,0,0,1,0,0]`。
    ''')
    nb.code('''
        import dlfs.data.*;
        import dlfs.nets.*;

        var mnist = Datasets.mnist(LoadOptions.normalized());
        var xTest = mnist.xTest();
        var tTest = mnist.tTest();
        System.out.println("x_train " + mnist.xTrain().shapeString() + ", t_train " + mnist.tTrain().shapeString());
        System.out.println("x_test  " + xTest.shapeString() + ", t_test  " + tTest.shapeString());
        System.out.printf("«pixel range|像素值范围» [%.1f, %.1f], «first labels|前几个标签» %s%n", xTest.min(), xTest.max(),
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
    ''', zh=r'''
        ### 书中已训练好的权重

        书中的网络结构是 784 → 50 → 100 → 10，隐藏层使用 sigmoid 函数，输出层使用 softmax 函数；它的 `init_network()` 读入已经训练好的权重 `sample_weight.pkl`（第 3 章的 `neuralnet_mnist.py`）。本课程自带了这些权重：从书中的 pickle 文件转换为课程自己的参数文件（`data/models/book/`，MIT 许可证，来自本书的代码仓库；其中的 README 说明了转换方法），所以 Java 无需 Python 就能读取它们：`BookWeights.sampleWeight()` 把它们加载进一个 `ThreeLayerNet`。NumPy 以 **float32** 存储这些权重；每个 float32 都能被 double 精确表示，所以没有任何舍入，网络也仍然会报告其权重原本的 dtype。

        `NeuralnetMnist.getData()` 就是书中的 `get_data()`，即 `load_mnist(normalize=True, flatten=True)` 返回的测试数据部分：手头有真实的 MNIST 测试集时（`data/mnist/`，运行 `Mnist.download()` 之后）使用它，否则使用本课程自带的 2,000 张测试数字图像。第一行输出会说明用的是哪一种：书中打印的结果 `Accuracy:0.9352` 是在 MNIST 的 10,000 张测试图像上得到的。各数组的形状与书中打印的一致：
    ''')
    nb.code('''
        import dlfs.book.*;
        import dlfs.experiments.ch3.*;   // «the book's ch03 scripts|书中 ch03 的脚本»

        var data = NeuralnetMnist.getData();              // x_test, t_test
        var network = NeuralnetMnist.initNetwork();       // the book's sample_weight.pkl
        System.out.println("«images|图像数据»: " + data.description());
        NeuralnetMnistBatch.shapes(data.x(), network).forEach(System.out::println);
        System.out.println("«weights|权重»: " + network.dtype() + ", " + network.architecture());
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
    ''', zh=r'''
        ### 前向传播：一次一张图像

        `ThreeLayerNet` 与书中的 `predict(network, x)` 完全一样：`a1 = x·W1 + b1`，`z1 = sigmoid(a1)`，`a2 = z1·W2 + b2`，`z2 = sigmoid(a2)`，`a3 = z2·W3 + b3`，`y = softmax(a3)`。书中的 `neuralnet_mnist.py` 逐张分类测试图像并统计答对的个数（`NeuralnetMnist.accuracyCnt` 是同样的循环）：
    ''')
    nb.code('''
        int n = xTest.shape(0);
        int accuracyCnt = 0;
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var yi = network.predict(xTest.row(i));         // x (784,) -> y (10,)
            int pi = yi.argmax();                            // «the most probable digit|概率最高的数字»
            if (pi == (int) tTest.get(i)) accuracyCnt++;
        }
        double oneByOne = (System.nanoTime() - t1) / 1e9;
        System.out.println(NeuralnetMnist.accuracyLine(accuracyCnt, n));       // the book's print
        System.out.println(String.format("«(%d of %d; one image at a time: %.3f s)|（%d / %d 张答对；逐张推理：%.3f 秒）»", accuracyCnt, n, oneByOne));
        System.out.println(data.realMnist()
            ? "«MNIST's test set: the book prints Accuracy:0.9352 for these 10,000 images|MNIST 的测试集：书中在这 10,000 张图像上打印的是 Accuracy:0.9352»"
            : "«an accuracy on |这是在 »" + n + "« MNIST digits from outside its test set, not the book's test accuracy (0.9352 on MNIST's 10,000 test images)| 张 MNIST 测试集以外的数字图像上的识别精度，不是书中的测试精度（在 MNIST 的 10,000 张测试图像上为 0.9352）»");
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
    ''', zh=r'''
        ### 批处理推理

        处理一张图像时的形状：`X (784,) · W1 (784, 50) · W2 (50, 100) · W3 (100, 10) → Y (10,)`。其中没有任何地方依赖 `X` 的行数：一次输入 100 张图像，每个数组只是多出一个大小为 100 的第一个轴，

        ```
        X (100, 784) · W1 (784, 50) → (100, 50) · W2 (50, 100) → (100, 100) · W3 (100, 10) → Y (100, 10)
        ```

        $Y$ 的第 $i$ 行就是第 $i$ 张图像的结果。这就是**批处理**。它给出相同的结果，但快得多：一次大的矩阵乘积比 100 次小的矩阵乘积更能充分利用 CPU（库中的 BLAS 正是为此而优化的），而且每次调用的开销只付出一次。
    ''')
    nb.code('''
        int batchSize = 100;
        var xBatch = xTest.slice(0, batchSize);
        var z1 = Activations.sigmoid(xBatch.dot(p.get("W1")).add(p.get("b1")));
        var z2 = Activations.sigmoid(z1.dot(p.get("W2")).add(p.get("b2")));
        var yBatch = Activations.softmax(z2.dot(p.get("W3")).add(p.get("b3")));
        System.out.println("x " + xBatch.shapeString() + " -> z1 " + z1.shapeString() + " -> z2 " + z2.shapeString()
                           + " -> y " + yBatch.shapeString());
        System.out.println("«same as network.predict|与 network.predict 的结果相同»: " + yBatch.allclose(network.predict(xBatch)));

        // neuralnet_mnist_batch.py's loop: for i in range(0, len(x), batch_size): ... np.argmax(y_batch, axis=1)
        network.countCorrect(xTest, tTest, batchSize);      // «once to warm up (Java compiles hot code on first use)|先运行一次预热（Java 在首次使用时编译热点代码）»
        long t2 = System.nanoTime();
        int correct = network.countCorrect(xTest, tTest, batchSize);
        double batched = (System.nanoTime() - t2) / 1e9;
        System.out.println(NeuralnetMnist.accuracyLine(correct, n) + String.format("«  (batches of %d: %.3f s; one at a time took %.1fx as long)|  （每批 %d 张：%.3f 秒；逐张推理用时是它的 %.1f 倍）»",
                          batchSize, batched, oneByOne / batched));
    ''')

    nb.md(r'''
        ### What the network sees

        The first test digits with the network's answer; a wrong answer is printed in red. The
        confusion matrix counts, for each true digit (row), what the network answered (column).
    ''', zh=r'''
        ### 网络看到了什么

        前面几张测试数字图像及网络给出的答案；答错的用红色显示。混淆矩阵统计每个真实数字（行）被网络判断成了哪个数字（列）。
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
                 ("ch3.ActivationFunctions", "ch3.SoftmaxFunction"),
                 zh=("第3章", "激活函数（阶跃函数、sigmoid 函数、ReLU 函数）和防溢出的 softmax 函数；测试会检查种子笔记中的数值，"
                     "包括 softmax([1010, 1000, 990])。"))
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
    ''', zh=r'''
        ## 本章小结

        - 神经元先计算 $a = b + \sum_i w_ix_i$，再计算 $y = h(a)$；用阶跃函数时它就是感知机，用平滑的 $h$（sigmoid、tanh、ReLU）时就是神经网络。
        - 激活函数必须是非线性的：线性的层会合并成一层（$h(h(h(x))) = c^3x$）。
        - 一层就是一次矩阵乘积加上广播的偏置：$A = XW + B$；形状首尾相接：`(2,) · (2, 3) · (3, 2) · (2, 2)`。
        - softmax 函数把得分转化为总和为 1 的概率；减去 $\max(a)$ 可以防止 $e^{1010}$ 溢出成 `NaN`。
        - MNIST 推理：正规化并展平，用 `argmax` 预测；100 张图像的批处理给出与 100 次单张推理相同的结果，速度却快很多倍。
        - 书中自己训练好的权重（`sample_weight.pkl`，float32）在本课程中原样运行，在 MNIST 的 10,000 张测试图像上得到书中的 `Accuracy:0.9352`。
    ''')
    return nb
