"""06d-cs231n-graphs: cs231n lecture 4, computational graphs and backprop (seed 004)."""

from nbgen import Notebook


def build():
    nb = Notebook("06d-cs231n-graphs")
    nb.md(r'''
        # 6d. cs231n lecture 4: neural networks and backpropagation

        The seed `004_*` are notes on Stanford cs231n's lecture 4. They recap what we have (data $(x, y)$,
        a score function, a loss), define a neural network as linear maps with non-linearities between them,
        train a 2-layer numpy net on random data, and explain backpropagation on **computational graphs**:
        every node multiplies the **upstream gradient** by its **local gradient**.
    ''', zh=r'''
        # 6d. cs231n 第 4 讲：神经网络和反向传播

        笔记 `004_*` 是斯坦福 cs231n 第 4 讲的学习笔记。它先回顾已有的东西（数据 $(x, y)$、分数函数、损失函数），然后把神经网络定义为中间夹着非线性函数的线性映射，在随机数据上训练一个两层的 numpy 网络，并在**计算图**上讲解反向传播：每个节点都把**上游梯度**乘以它的**局部梯度**。
    ''')

    nb.md(r'''
        ## Recap: two losses

        For scores $s = f(x_i; W)$ of one example with true class $y_i$:
        $$ L_i = -\log\frac{e^{s_{y_i}}}{\sum_j e^{s_j}} \quad\text{(softmax)}, \qquad
           L_i = \sum_{j\ne y_i}\max(0,\ s_j - s_{y_i} + 1) \quad\text{(SVM hinge)}, $$
        $$ L = \frac1N\sum_{i=1}^N L_i + R(W). $$
        Softmax, strictly, exponentiates the scores and takes each one's share of the total. cs231n's own
        example: an image of a cat with scores cat 3.2, car 5.1, frog −1.7.
    ''', zh=r'''
        ## 回顾：两种损失函数

        对于一个样本的得分 $s = f(x_i; W)$，其真实类别为 $y_i$：
        $$ L_i = -\log\frac{e^{s_{y_i}}}{\sum_j e^{s_j}} \quad\text{(softmax)}, \qquad
           L_i = \sum_{j\ne y_i}\max(0,\ s_j - s_{y_i} + 1) \quad\text{(SVM hinge)}, $$
        $$ L = \frac1N\sum_{i=1}^N L_i + R(W). $$
        严格来说，softmax 是先对得分取 e 的指数，再看每一项在总体中所占的比例。cs231n 自己的例子：一张猫的图像，得分为 cat 3.2、car 5.1、frog −1.7。
    ''')
    nb.code('''
        import dlfs.nd.*;
        import dlfs.functions.*;

        var s = NDArray.of(3.2, 5.1, -1.7);    // «cat, car, frog; the true class is cat (0)|cat、car、frog；真实类别是 cat (0)»
        int y = 0;
        double softmaxLoss = -Math.log(Activations.softmax(s).get(y));
        double svmLoss = 0;
        for (int j = 0; j < 3; j++) if (j != y) svmLoss += Math.max(0, s.get(j) - s.get(y) + 1);
        System.out.println("«softmax probabilities: |softmax 概率：»" + Activations.softmax(s));
        System.out.println(String.format("«softmax loss L = %.4f, SVM loss L = %.1f|softmax 损失 L = %.4f，SVM 损失 L = %.1f»", softmaxLoss, svmLoss));
    ''')
    nb.md(r'''
        **Computing gradients.** Numerically: slow, approximate, easy to write. Analytically (calculus): fast,
        exact, error-prone. In practice: derive the analytic gradient and **check it with the numerical one**
        (a gradient check, as every backward pass in this kit is tested). **Gradient descent** on the full
        data set is expensive, so we use **mini-batches** of 32/64/128 (stochastic gradient descent), and the
        learning rate is often decayed during training (step decay, cosine decay).
    ''', zh=r'''
        **计算梯度。** 数值解法：慢，近似，但是容易写。解析解法（微积分）：快，精确，但是容易出错。实践中：推导出解析梯度，再**用数值梯度检查**（即梯度确认，本套件中的每个反向传播都是这样测试的）。在整个数据集上做**梯度下降**代价很高，所以我们用 32/64/128 个样本的 **mini-batch**（随机梯度下降），而且学习率在训练过程中常常会衰减（步骤衰减 step decay、余弦衰减 cosine decay）。
    ''')

    nb.md(r'''
        ## From linear to neural

        Before: $f = Wx$. Now: $f = W_2\max(0, W_1x)$ with $x\in\mathbb{R}^D$, $W_1\in\mathbb{R}^{H\times D}$,
        $W_2\in\mathbb{R}^{C\times H}$: a 2-layer **fully-connected network** or **multi-layer perceptron**.
        A 3-layer net is $f = W_3\max(0, W_2\max(0, W_1x))$.

        The $\max(0, z)$ is the **activation function**, and it is essential: without it,
        $W_3W_2W_1 = W_4 \in \mathbb{R}^{C\times D}$ and the "deep" network is again one linear classifier.
        Checked below with random matrices ($D = 6$, $H_1 = 5$, $H_2 = 4$, $C = 3$):
    ''', zh=r'''
        ## 从线性分类器到神经网络

        以前：$f = Wx$。现在：$f = W_2\max(0, W_1x)$，其中 $x\in\mathbb{R}^D$，$W_1\in\mathbb{R}^{H\times D}$，$W_2\in\mathbb{R}^{C\times H}$：这是一个两层的**全连接网络**，也叫**多层感知机**。三层网络是 $f = W_3\max(0, W_2\max(0, W_1x))$。

        $\max(0, z)$ 就是**激活函数**，它必不可少：没有它，$W_3W_2W_1 = W_4 \in \mathbb{R}^{C\times D}$，“深层”网络又变回了一个线性分类器。下面用随机矩阵验证（$D = 6$，$H_1 = 5$，$H_2 = 4$，$C = 3$）：
    ''')
    nb.code('''
        var rng = new Rng(0);
        var W1 = rng.randn(5, 6);
        var W2 = rng.randn(4, 5);
        var W3 = rng.randn(3, 4);
        var x = rng.randn(6, 1);
        var W4 = W3.dot(W2).dot(W1);                                       // C x D
        var linear3 = W3.dot(W2.dot(W1.dot(x)));
        var relu3 = W3.dot(Activations.relu(W2.dot(Activations.relu(W1.dot(x)))));
        System.out.println("«W4 = W3 W2 W1 has shape |W4 = W3 W2 W1 的形状为 »" + W4.shapeString());
        System.out.println("«without activation, W3(W2(W1 x)) == W4 x: |没有激活函数，W3(W2(W1 x)) == W4 x：»" + linear3.allclose(W4.dot(x)));
        System.out.println("«with ReLU,          W3 max(0, W2 max(0, W1 x)) == W4 x: |使用 ReLU，   W3 max(0, W2 max(0, W1 x)) == W4 x：»" + relu3.allclose(W4.dot(x)));
    ''')

    nb.md(r'''
        ## The lecture's 2-layer net on random data

        cs231n's numpy example, $N, D_{in}, H, D_{out} = 64, 1000, 100, 10$, random $x$, $y$ and weights,
        a sigmoid hidden layer, squared-error loss, hand-written gradients, learning rate $10^{-4}$, 2000 steps:
        ```python
        h = 1/(1+np.exp(-x.dot(w_1)));  y_pred = h.dot(w_2);  loss = np.square(y_pred - y).sum()
        grad_y_pred = 2.0 * (y_pred - y);  grad_w2 = h.T.dot(grad_y_pred)
        grad_h = grad_y_pred.dot(w_2.T);   grad_w1 = x.T.dot(grad_h * h * (1 - h))
        ```
        In Java, line for line (`h.tdot(g)` is `h.T.dot(g)`, `g.dott(w2)` is `g.dot(w2.T)`):
    ''', zh=r'''
        ## 第 4 讲的两层网络：在随机数据上训练

        cs231n 的 numpy 例子：$N, D_{in}, H, D_{out} = 64, 1000, 100, 10$，随机的 $x$、$y$ 和权重，sigmoid 隐藏层，平方误差损失，手写的梯度，学习率 $10^{-4}$，2000 步：
        ```python
        h = 1/(1+np.exp(-x.dot(w_1)));  y_pred = h.dot(w_2);  loss = np.square(y_pred - y).sum()
        grad_y_pred = 2.0 * (y_pred - y);  grad_w2 = h.T.dot(grad_y_pred)
        grad_h = grad_y_pred.dot(w_2.T);   grad_w1 = x.T.dot(grad_h * h * (1 - h))
        ```
        用 Java 逐行对应（`h.tdot(g)` 就是 `h.T.dot(g)`，`g.dott(w2)` 就是 `g.dot(w2.T)`）：
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.plot.*;

        int N = 64, Din = 1000, H = 100, Dout = 10;
        var r = new Rng(0);
        var xs = r.randn(N, Din);
        var ys = r.randn(N, Dout);
        var w1 = r.randn(Din, H);
        var w2 = r.randn(H, Dout);
        int iterations = Course.pick(2000, 500);
        double[] losses = new double[iterations];
        for (int t = 0; t < iterations; t++) {
            var h = xs.dot(w1).neg().exp().add(1).rdiv(1);          // 1 / (1 + exp(-x w1))
            var yPred = h.dot(w2);
            double loss = yPred.sub(ys).square().sum();
            losses[t] = loss;
            if (t % (iterations / 5) == 0) System.out.println(t + " " + loss);

            var gradYPred = yPred.sub(ys).mul(2.0);
            var gradW2 = h.tdot(gradYPred);
            var gradH = gradYPred.dott(w2);
            var gradW1 = xs.tdot(gradH.mul(h).mul(h.rsub(1)));

            w1.axpyi(-1e-4, gradW1);
            w2.axpyi(-1e-4, gradW2);
        }
        System.out.println((iterations - 1) + " " + losses[iterations - 1]);
    ''')
    nb.plot('''
        var lossChart = Plots.lossCurve(losses);
        lossChart.setTitle("«cs231n 2-layer net on random data (sigmoid, squared error, lr 1e-4)|cs231n 两层网络，随机数据（sigmoid，平方误差，学习率 1e-4）»");
        lossChart.getStyler().setYAxisLogarithmic(true);
        lossChart
    ''')
    nb.md(r'''
        With 64 random targets and 100 hidden units the net can memorise the data, so the loss keeps falling.
        To do this for any architecture we need $\partial L/\partial W_1$ and $\partial L/\partial W_2$
        without working them out on paper every time: **computational graphs and backpropagation**.
    ''', zh=r'''
        64 个随机目标、100 个隐藏单元，网络可以把这些数据记住，所以损失会一直下降。要对任意结构都做到这一点，就需要求出 $\partial L/\partial W_1$ 和 $\partial L/\partial W_2$，而又不必每次都在纸上推导：这就是**计算图和反向传播**。
    ''')

    nb.md(r'''
        ## Backpropagation on a graph

        Each node's gradient is the **upstream gradient times the local gradient** (the chain rule).
        The lecture's example is a 2-input neuron with a sigmoid:
        $$ f(w, x) = \frac{1}{1 + e^{-(w_0x_0 + w_1x_1 + w_2)}}, \qquad w = (2, -3, -3),\ x = (-1, -2). $$
        Broken into nodes: two multiplies, two adds, ×(−1), exp, +1, 1/x. Forward computes each value;
        backward starts with $\partial f/\partial f = 1$ and multiplies by each node's local derivative:
        $(1/x)' = -1/x^2$, $(x+1)' = 1$, $(e^x)' = e^x$, $(-x)' = -1$; an add passes the gradient to both
        inputs, a multiply swaps its inputs. The library's `MulLayer` and `AddLayer` are such nodes:
    ''', zh=r'''
        ## 计算图上的反向传播

        每个节点的梯度都是**上游梯度乘以局部梯度**（链式法则）。第 4 讲的例子是一个带 sigmoid 的二输入神经元：
        $$ f(w, x) = \frac{1}{1 + e^{-(w_0x_0 + w_1x_1 + w_2)}}, \qquad w = (2, -3, -3),\ x = (-1, -2). $$
        拆成节点：两个乘法、两个加法、×(−1)、exp、+1、1/x。正向传播算出每个值；反向传播从 $\partial f/\partial f = 1$ 开始，乘以每个节点的局部导数：$(1/x)' = -1/x^2$，$(x+1)' = 1$，$(e^x)' = e^x$，$(-x)' = -1$；加法节点把梯度传给两个输入，乘法节点翻转输入。库中的 `MulLayer` 和 `AddLayer` 就是这样的节点：
    ''')
    nb.code('''
        import dlfs.layers.*;
        import tech.tablesaw.api.*;

        double w0 = 2, w1s = -3, w2s = -3, x0 = -1, x1 = -2;
        var mul0 = new MulLayer();
        var mul1 = new MulLayer();
        var add0 = new AddLayer();
        var add1 = new AddLayer();
        // «forward|正向传播»
        double a = mul0.forward(w0, x0);          // w0 x0 = -2
        double b = mul1.forward(w1s, x1);         // w1 x1 = 6
        double c = add0.forward(a, b);            // 4
        double d = add1.forward(c, w2s);          // 1
        double e = -d;                            // -1
        double f1 = Math.exp(e);                  // 0.37
        double g = f1 + 1;                        // 1.37
        double out = 1 / g;                       // 0.73
        // «backward: upstream x local|反向传播：上游 × 局部»
        double dg = 1.0 * (-1 / (g * g));         // 1/x   -> -0.53
        double df1 = dg * 1;                      // +1    -> -0.53
        double de = df1 * Math.exp(e);            // exp   -> -0.20
        double dd = de * -1;                      // *-1   ->  0.20
        var dcw2 = add1.backward(dd);             // add: 0.20, 0.20
        var dab = add0.backward(dcw2.dx());       // add: 0.20, 0.20
        var dw0x0 = mul0.backward(dab.dx());      // mul: dw0 = x0 * 0.20, dx0 = w0 * 0.20
        var dw1x1 = mul1.backward(dab.dy());
        var node = StringColumn.create("«node|节点»", "w0*x0", "w1*x1", "+", "+ w2", "*(-1)", "exp", "+1", "1/x");
        var value = DoubleColumn.create("«forward value|正向传播的值»", a, b, c, d, e, f1, g, out);
        var grad = DoubleColumn.create("«gradient of f w.r.t. it|f 对它的梯度»", dab.dx(), dab.dy(), dcw2.dx(), dd, de, df1, dg, 1.0);
        display(Table.create("«the sigmoid neuron as a graph|用计算图表示 sigmoid 神经元»", node, value, grad));
        System.out.println(String.format("f = %.2f;  dw = [%.2f, %.2f, %.2f],  dx = [%.2f, %.2f]",
            out, dw0x0.dx(), dw1x1.dx(), dcw2.dy(), dw0x0.dy(), dw1x1.dy()));
    ''')
    nb.md(r'''
        The lecture's numbers: $f = 0.73$, $\partial f/\partial w = (-0.20, -0.39, 0.20)$,
        $\partial f/\partial x = (0.39, -0.59)$. The four nodes after the sum form the **sigmoid**, whose local
        gradient has a closed form:
        $$ \frac{d\sigma(x)}{dx} = \frac{e^{-x}}{(1+e^{-x})^2} = (1-\sigma(x))\,\sigma(x), $$
        so one sigmoid node gives the same gradient in one step: $(1 - 0.73)\cdot 0.73 = 0.20$. That is the
        library's `Sigmoid` layer: its forward keeps $y = \sigma(x)$, its backward returns `dout * y * (1 - y)`.
    ''', zh=r'''
        第 4 讲给出的数值：$f = 0.73$，$\partial f/\partial w = (-0.20, -0.39, 0.20)$，$\partial f/\partial x = (0.39, -0.59)$。求和之后的四个节点构成了 **sigmoid**，它的局部梯度有闭式表达：
        $$ \frac{d\sigma(x)}{dx} = \frac{e^{-x}}{(1+e^{-x})^2} = (1-\sigma(x))\,\sigma(x), $$
        所以一个 sigmoid 节点一步就能给出同样的梯度：$(1 - 0.73)\cdot 0.73 = 0.20$。这就是库中的 `Sigmoid` 层：它的正向传播保存 $y = \sigma(x)$，反向传播返回 `dout * y * (1 - y)`。
    ''')
    nb.code('''
        var sig = new Sigmoid();
        var yOut = sig.forward(NDArray.of(d));
        var dIn = sig.backward(NDArray.of(1.0));
        System.out.println(String.format("«Sigmoid layer: forward %.4f, backward %.4f (the four nodes gave %.4f)|Sigmoid层：正向传播 %.4f，反向传播 %.4f（四个节点给出的是 %.4f）»", yOut.item(), dIn.item(), dd));
    ''')

    nb.md(r'''
        ## Vectors and matrices

        With $y = xW$ for $x$ of shape (N, D) and $W$ of shape (D, M): which parts of $y$ does one element
        $x_{n,d}$ affect? The whole **row** $y_n$, and $y_{n,m}$ by exactly $w_{d,m}$. Summing the upstream
        gradients of that row weighted by $w_{d,m}$ gives
        $$ \frac{\partial L}{\partial x} = \frac{\partial L}{\partial y}W^T, \qquad
           \frac{\partial L}{\partial W} = x^T\frac{\partial L}{\partial y}, $$
        the `Affine` layer's backward. Checked against numerical gradients for $L = \sum(y\odot G)$, whose
        upstream gradient is $G$:
    ''', zh=r'''
        ## 向量和矩阵

        对于 $y = xW$，$x$ 的形状为 (N, D)，$W$ 的形状为 (D, M)：一个元素 $x_{n,d}$ 会影响 $y$ 的哪些部分？会影响整个**行** $y_n$，而且对 $y_{n,m}$ 的影响恰好是 $w_{d,m}$。把这一行的上游梯度按 $w_{d,m}$ 加权求和，就得到
        $$ \frac{\partial L}{\partial x} = \frac{\partial L}{\partial y}W^T, \qquad
           \frac{\partial L}{\partial W} = x^T\frac{\partial L}{\partial y}, $$
        这就是 `Affine` 层的反向传播。取 $L = \sum(y\odot G)$（它的上游梯度就是 $G$），与数值梯度比较：
    ''')
    nb.code('''
        import dlfs.gradient.NumericalGradient;

        var rr = new Rng(4);
        var X = rr.randn(2, 3);
        var Wm = rr.randn(3, 4);
        var G = rr.randn(2, 4);                                   // «upstream gradient dL/dy|上游梯度 dL/dy»
        var affine = new Affine(Wm, NDArray.zeros(4));
        affine.forward(X);
        var dX = affine.backward(G);
        var numX = NumericalGradient.numericalGradient((NDArray m) -> m.dot(Wm).mul(G).sum(), X);
        var numW = NumericalGradient.numericalGradient((NDArray m) -> X.dot(m).mul(G).sum(), Wm.copy());
        System.out.println("dL/dx = G Wᵀ   " + dX.shapeString() + "«, max error vs numerical |，与数值梯度的最大误差 »" + dX.sub(numX).abs().max());
        System.out.println("dL/dW = xᵀ G   " + affine.dW().shapeString() + "«, max error vs numerical |，与数值梯度的最大误差 »" + affine.dW().sub(numW).abs().max());
        System.out.println("«element x[0][1] affects only row 0 of y: |元素 x[0][1] 只影响 y 的第 0 行：»" + G.row(0).dot(Wm.row(1)).item() + " == " + dX.get(0, 1));
    ''')

    nb.exercises("this lecture (seed 004)",
                 "`seeds.ComputationalGraph` has you write the lecture's gate patterns (the add gate distributes, "
                 "the mul gate swaps, the max gate routes) and the sigmoid neuron above, forward and backward; the "
                 "tests pin f = 0.73, dw = [−0.20, −0.39, 0.20], dx = [0.39, −0.59], the (x + y)·z example and a "
                 "numerical gradient check. The chapter-5 exercises build the same nodes as layers (MulLayer, "
                 "AddLayer, Relu, Sigmoid, Affine).",
                 classes=("seeds.ComputationalGraph",),
                 zh=("本讲（笔记 004）",
                     "`seeds.ComputationalGraph` 让你写出第 4 讲中的门模式（加法门分配梯度，乘法门交换输入，max 门为梯度选路）"
                     "以及上面的 sigmoid 神经元，包括正向传播和反向传播；测试会核对 f = 0.73、dw = [−0.20, −0.39, 0.20]、"
                     "dx = [0.39, −0.59]、(x + y)·z 的例子，并做数值梯度确认。第5章的练习把同样的节点实现为层"
                     "（MulLayer、AddLayer、Relu、Sigmoid、Affine）。"))
    nb.md(r'''
        ## What you saw (the lecture's summary)

        - (Fully-connected) neural networks are stacks of linear functions and non-linear activations; they
          are more expressive than linear classifiers (without the activation, $W_3W_2W_1$ collapses to one
          matrix).
        - Backpropagation = recursively applying the chain rule along a computational graph to get the gradient
          of every input, parameter and intermediate value: upstream gradient × local gradient.
        - Implementations keep a graph whose nodes implement a `forward()` / `backward()` API: **forward**
          computes the result and saves what the gradient needs; **backward** applies the chain rule to give the
          loss's gradient with respect to the node's inputs. The library's layers are exactly that.
    ''', zh=r'''
        ## 小结（第 4 讲的总结）

        - （全连接的）神经网络是由线性函数和非线性激活函数堆叠而成的；它们比线性分类器具有更强的表示能力（没有激活函数，$W_3W_2W_1$ 就会合并成一个矩阵）。
        - 反向传播 = 沿计算图递归应用链式法则，计算所有输入、参数和中间变量的梯度：上游梯度 × 局部梯度。
        - 实现时维护一个图结构，其中节点实现了 `forward()` / `backward()` API：**forward** 计算操作结果，并保存梯度计算所需的中间变量；**backward** 应用链式法则，计算损失函数相对于节点输入的梯度。库中的层正是如此。
    ''')
    return nb
