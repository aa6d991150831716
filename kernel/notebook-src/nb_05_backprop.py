"""05-backprop: computational graphs, layers with forward/backward, gradient check, TwoLayerNet by backprop (seed 001, chapter 5)."""

from nbgen import Notebook


def build():
    nb = Notebook("05-backprop")
    nb.md(r'''
        # 5. Backpropagation

        Numerical gradients are simple but far too slow (notebook 04: two loss evaluations per
        weight). **Backpropagation** (error back-propagation) computes the same gradients in the time of
        a few forward passes. This notebook follows the seed's chapter 5:

        1. **computational graphs** — the apple and orange shopping example — and backward passes on them;
        2. the **chain rule**, and why it makes the backward pass work;
        3. simple layers: `MulLayer` and `AddLayer`, giving the seed's `715` and `110 2.2 3.3 165 650`;
        4. activation layers: `Relu`, `Sigmoid`; then `Affine` and `SoftmaxWithLoss`;
        5. `TwoLayerNet` assembled from layers, its **gradient check** against numerical gradients,
           and its training on MNIST with loss and accuracy curves.
    ''', zh=r'''
        # 5. 误差反向传播法

        数值微分虽然简单，但实在太慢（笔记本 04：每个权重都要计算两次损失函数）。**误差反向传播法**（反向传播）只需几次正向传播的时间，就能算出同样的梯度。本笔记本沿着学习笔记的第5章展开：

        1. **计算图**——买苹果和橘子的例子——以及在计算图上的反向传播；
        2. **链式法则**，以及它为什么能让反向传播成立；
        3. 简单层：`MulLayer` 和 `AddLayer`，得到笔记中的 `715` 和 `110 2.2 3.3 165 650`；
        4. 激活函数层：`Relu`、`Sigmoid`；然后是 `Affine` 和 `SoftmaxWithLoss`；
        5. 用层组装的 `TwoLayerNet`，它与数值微分之间的**梯度确认**，以及它在 MNIST 上的训练，附损失曲线和精度曲线。
    ''')

    nb.md(r'''
        ## 5.1 Computational graphs

        A computational graph draws a calculation as nodes (operations) joined by edges (values).
        The seed's problem: *Taro buys 2 apples at 100 yen and 3 oranges at 150 yen; consumption tax
        is 10%. How much does he pay?* The **forward** pass runs left to right:

        ```
         apple       100 ─┐
                          (×)── 200 ──┐
         apple_num     2 ─┘           │
                                     (+)── 650 ──┐
         orange      150 ─┐           │          (×)── 715 ──► price
                          (×)── 450 ──┘          │
         orange_num    3 ─┘                      │
         tax         1.1 ────────────────────────┘
        ```

        Each node only does **local** work: it knows nothing of the rest of the graph. Intermediate
        results (200, 450, 650) are kept, so that many derivatives can be computed from them at once.
        The **backward** pass runs right to left and answers: *how much does the price change if one
        input changes a little?* — e.g. $\partial\,\text{price} / \partial\,\text{apple}$.
    ''', zh=r'''
        ## 5.1 计算图

        计算图把计算过程表示成由节点（运算）和边（数值）连成的图。笔记中的问题：*太郎在超市买了 2 个苹果、3 个橘子，苹果每个 100 日元，橘子每个 150 日元，消费税是 10%，请计算支付金额。* **正向传播**从左向右进行：

        ```
         apple       100 ─┐
                          (×)── 200 ──┐
         apple_num     2 ─┘           │
                                     (+)── 650 ──┐
         orange      150 ─┐           │          (×)── 715 ──► price
                          (×)── 450 ──┘          │
         orange_num    3 ─┘                      │
         tax         1.1 ────────────────────────┘
        ```

        每个节点只做**局部计算**：它对计算图的其余部分一无所知。中间结果（200、450、650）都被保存下来，这样就能据此一次求出多个导数。**反向传播**从右向左进行，它回答的问题是：*某个输入稍微变化一点，支付金额会变化多少？*——例如 $\partial\,\text{price} / \partial\,\text{apple}$。
    ''')

    nb.md(r'''
        ## 5.2 The chain rule

        Backward through a node means: take the signal from the right, multiply it by the node's
        **local derivative**, pass it on to the left. For the composite function

        $$ z = t^2,\qquad t = x + y $$

        the chain rule gives

        $$ \frac{\partial z}{\partial x}=\frac{\partial z}{\partial t}\frac{\partial t}{\partial x}=2t\cdot 1=2(x+y) $$

        and the graph computes exactly that: the `**2` node multiplies the incoming 1 by $2t$, the `+`
        node passes it on times 1. Check at $(x, y) = (1, 2)$ against a numerical derivative:
    ''', zh=r'''
        ## 5.2 链式法则

        在节点上做反向传播，就是把从右边传来的信号乘以该节点的**局部导数**，再传给左边。对于复合函数

        $$ z = t^2,\qquad t = x + y $$

        链式法则给出

        $$ \frac{\partial z}{\partial x}=\frac{\partial z}{\partial t}\frac{\partial t}{\partial x}=2t\cdot 1=2(x+y) $$

        计算图算的正是这个：`**2` 节点把传入的 1 乘以 $2t$，`+` 节点再乘以 1 继续往左传。在 $(x, y) = (1, 2)$ 处与数值微分对比一下：
    ''')
    nb.code('''
        import dlfs.nd.*;
        import dlfs.gradient.*;

        double x = 1, y = 2;
        double t = x + y;                       // «forward: t = x + y|正向传播：t = x + y»
        double z = t * t;                       //          z = t^2
        double dz = 1;                          // «backward starts with dz/dz = 1|反向传播从 dz/dz = 1 开始»
        double dt = dz * 2 * t;                 // «** node: local derivative 2t|** 节点：局部导数 2t»
        double dx = dt * 1, dy = dt * 1;        // «+ node: local derivative 1 for both inputs|+ 节点：两个输入的局部导数都是 1»
        System.out.println("z = " + z + ", dz/dx = " + dx + ", dz/dy = " + dy + "  (2(x + y) = " + 2 * (x + y) + ")");
        System.out.println("«numerical|数值微分» dz/dx = " + NumericalGradient.numericalDiff(v -> Math.pow(v + 2, 2), 1.0));
    ''')

    nb.md(r'''
        ## 5.3 Backward through add and multiply nodes

        - **Add** $z = x + y$: $\partial z/\partial x = \partial z/\partial y = 1$, so the node passes
          the upstream signal unchanged to both inputs. It needs nothing from the forward pass.
        - **Multiply** $z = xy$: $\partial z/\partial x = y$ and $\partial z/\partial y = x$, so the node
          passes the upstream signal times the **other** input ("swapped" inputs). It must keep $x$ and
          $y$ from the forward pass.

        ## 5.4 Simple layers: MulLayer and AddLayer

        `dlfs.layers.AddLayer` and `MulLayer` are these nodes, exactly the seed's classes:
        `forward` computes and remembers, `backward(dout)` returns both input gradients, read as
        `.dx()` and `.dy()` (the book's `dx, dy = layer.backward(dout)`). First the apple-only graph
        of the book (2 apples, tax 1.1):
    ''', zh=r'''
        ## 5.3 加法节点和乘法节点的反向传播

        - **加法** $z = x + y$：$\partial z/\partial x = \partial z/\partial y = 1$，所以加法节点把上游传来的信号原封不动地传给两个输入。它不需要正向传播的任何信息。
        - **乘法** $z = xy$：$\partial z/\partial x = y$，$\partial z/\partial y = x$，所以乘法节点把上游信号乘以**另一个**输入再往下传（“翻转”的输入）。它必须保存正向传播时的 $x$ 和 $y$。

        ## 5.4 简单层的实现：MulLayer 和 AddLayer

        `dlfs.layers.AddLayer` 和 `MulLayer` 就是这两种节点，与笔记中的类完全一样：`forward` 计算并记住输入，`backward(dout)` 返回两个输入的梯度，用 `.dx()` 和 `.dy()` 读取（即书中的 `dx, dy = layer.backward(dout)`）。先看书中只买苹果的计算图（2 个苹果，消费税 1.1）：
    ''')
    nb.code('''
        import dlfs.layers.*;

        double apple = 100, appleNum = 2, tax = 1.1;
        var mulAppleLayer = new MulLayer();
        var mulTaxLayer = new MulLayer();

        double applePrice = mulAppleLayer.forward(apple, appleNum);     // forward
        double price = mulTaxLayer.forward(applePrice, tax);

        double dprice = 1;                                              // backward
        var d1 = mulTaxLayer.backward(dprice);                          // dapple_price, dtax
        var d2 = mulAppleLayer.backward(d1.dx());                       // dapple, dapple_num
        System.out.println("price " + price);                          // 220 (220.00000000000003 in binary floating point)
        System.out.println("dapple " + d2.dx() + ", dapple_num " + d2.dy() + ", dtax " + d1.dy());   // 2.2, 110, 200
    ''')
    nb.md(r'''
        Read the gradients: one more yen per apple raises the price by 2.2 yen (2 apples × tax 1.1);
        one more apple raises it by 110 yen; one more unit of tax rate by 200. Now the full graph with
        oranges — four layers, forward in order (1)–(4), backward in reverse:
    ''', zh=r'''
        来解读这些梯度：苹果每个贵 1 日元，支付金额就增加 2.2 日元（2 个苹果 × 消费税 1.1）；多买 1 个苹果，增加 110 日元；税率每增加 1 个单位，增加 200 日元。下面是加上橘子的完整计算图——四个层，正向传播按 (1)–(4) 的顺序，反向传播按相反的顺序：
    ''')
    nb.code('''
        double orange = 150, orangeNum = 3;

        // layer
        var mulApple = new MulLayer();
        var mulOrange = new MulLayer();
        var addAppleOrange = new AddLayer();
        var mulTax = new MulLayer();

        // forward
        double applePrice2 = mulApple.forward(apple, appleNum);                  // (1)
        double orangePrice = mulOrange.forward(orange, orangeNum);               // (2)
        double allPrice = addAppleOrange.forward(applePrice2, orangePrice);      // (3)
        double price2 = mulTax.forward(allPrice, tax);                           // (4)

        // backward
        double dprice2 = 1;
        var dAllTax = mulTax.backward(dprice2);                           // (4) dall_price, dtax
        var dAppleOrange = addAppleOrange.backward(dAllTax.dx());         // (3) dapple_price, dorange_price
        var dOrange = mulOrange.backward(dAppleOrange.dy());              // (2) dorange, dorange_num
        var dApple = mulApple.backward(dAppleOrange.dx());                // (1) dapple, dapple_num

        System.out.println(price2);                                       // «the seed prints 715|笔记中打印 715»
        System.out.println(String.format("%.0f %.1f %.1f %.0f %.0f", dApple.dy(), dApple.dx(), dOrange.dx(), dOrange.dy(), dAllTax.dy()));   // 110 2.2 3.3 165 650
    ''')
    nb.md(r'''
        `715.0000000000001` is 715 in binary floating point (Python prints the same); the gradients,
        rounded as the seed prints them, are **110 2.2 3.3 165 650**. Every node and its two values
        — forward above the edge, backward below — as a table:
    ''', zh=r'''
        `715.0000000000001` 就是二进制浮点数里的 715（Python 打印的结果也一样）；按笔记的方式取整后，梯度是 **110 2.2 3.3 165 650**。把每个节点和它的两个值——边上方是正向传播的值，边下方是反向传播的值——列成一张表：
    ''')
    nb.code('''
        import tech.tablesaw.api.*;

        Table.create("«apple and orange: each value and d price / d value|苹果和橘子：每个变量的值与 d price / d 变量»",
            StringColumn.create("«value|变量»", "apple", "apple_num", "orange", "orange_num", "tax", "apple_price", "orange_price", "all_price"),
            DoubleColumn.create("«forward|正向传播»", apple, appleNum, orange, orangeNum, tax, applePrice2, orangePrice, allPrice),
            DoubleColumn.create("«d price / d value|d price / d 变量»", dApple.dx(), dApple.dy(), dOrange.dx(), dOrange.dy(), dAllTax.dy(),
                                dAppleOrange.dx(), dAppleOrange.dy(), dAllTax.dx()))
    ''')

    nb.md(r'''
        ## 5.5 Activation layers

        From here on a layer works on arrays, and implements the library's `Layer` interface:
        `forward(x)`, `backward(dout)`, `params()`, `grads()`.

        **ReLU** $y = \max(0, x)$ has derivative 1 where $x > 0$ and 0 where $x \le 0$: backward lets
        the signal through where the input was positive and **stops** it elsewhere. The layer keeps a
        `mask` of the non-positive inputs (the seed's `self.mask = (x <= 0)`).
    ''', zh=r'''
        ## 5.5 激活函数层的实现

        从这里开始，层处理的是数组，并实现库的 `Layer` 接口：`forward(x)`、`backward(dout)`、`params()`、`grads()`。

        **ReLU** $y = \max(0, x)$ 在 $x > 0$ 时导数为 1，在 $x \le 0$ 时导数为 0：反向传播时，在输入为正的地方信号原样通过，在其他地方信号被**阻断**。ReLU层保存非正输入的 `mask`（笔记中的 `self.mask = (x <= 0)`）。
    ''')
    nb.code('''
        var relu = new Relu();
        var xr = NDArray.of(new double[][] {{1.0, -0.5}, {-2.0, 3.0}});
        System.out.println("«forward  |正向传播 »" + relu.forward(xr));
        var doutR = NDArray.of(new double[][] {{10, 20}, {30, 40}});
        System.out.println("«backward |反向传播 »" + relu.backward(doutR));      // «the signal passes only where x > 0|信号只在 x > 0 处通过»
    ''')
    nb.md(r'''
        **Sigmoid** $y = \frac{1}{1 + e^{-x}}$. Its graph is four nodes (`×(−1)`, `exp`, `+1`, `/`);
        going backward through them, with the local derivatives $-1$, $e^{-x}$, $1$ and $-y^2$ (for
        $y = 1/u$):

        $$ \frac{\partial L}{\partial x}
           = \frac{\partial L}{\partial y}\,y^2 e^{-x}
           = \frac{\partial L}{\partial y}\,\frac{1}{1+e^{-x}}\cdot\frac{e^{-x}}{1+e^{-x}}
           = \frac{\partial L}{\partial y}\,y(1-y) $$

        So backward needs only the forward **output** $y$, which the layer keeps. Compared with the
        numerical derivative:
    ''', zh=r'''
        **Sigmoid** $y = \frac{1}{1 + e^{-x}}$。它的计算图由四个节点组成（`×(−1)`、`exp`、`+1`、`/`）；依次反向经过这些节点，局部导数分别为 $-1$、$e^{-x}$、$1$ 和 $-y^2$（对于 $y = 1/u$）：

        $$ \frac{\partial L}{\partial x}
           = \frac{\partial L}{\partial y}\,y^2 e^{-x}
           = \frac{\partial L}{\partial y}\,\frac{1}{1+e^{-x}}\cdot\frac{e^{-x}}{1+e^{-x}}
           = \frac{\partial L}{\partial y}\,y(1-y) $$

        所以反向传播只需要正向传播的**输出** $y$，Sigmoid层会把它保存下来。与数值微分对比：
    ''')
    nb.code('''
        var sig = new Sigmoid();
        var xs = NDArray.of(-2.0, 0.0, 1.0, 3.0);
        var ys = sig.forward(xs);
        var dxs = sig.backward(NDArray.ones(4));                       // «dL/dy = 1: dx is dy/dx itself|dL/dy = 1：dx 就是 dy/dx 本身»
        System.out.println("y          = " + ys);
        System.out.println("y(1 - y)   = " + dxs);
        System.out.println("«numerical  = |数值微分   = »" + NDArray.of(Arrays.stream(xs.toArray())
                .map(v -> NumericalGradient.numericalDiff(u -> 1 / (1 + Math.exp(-u)), v)).toArray()));
    ''')

    nb.md(r'''
        ## 5.6 The Affine layer

        A fully connected layer computes $Y = X\cdot W + B$ (an *affine* map: a linear map plus a
        shift). Its backward pass, for the matrix product node:

        $$ \frac{\partial L}{\partial X}=\frac{\partial L}{\partial Y}\cdot W^{\top},\qquad
           \frac{\partial L}{\partial W}=X^{\top}\cdot\frac{\partial L}{\partial Y} $$

        The shapes tell you which way round: $\partial L/\partial X$ has the shape of $X$, and
        $\partial L/\partial W$ the shape of $W$. For a **batch** of $N$ rows, $X$ is $(N, 2)$, $W$
        $(2, 3)$, $Y$ $(N, 3)$; the bias $B$ was **broadcast** to every row in the forward pass, so
        its gradient **sums** the rows' gradients: $\partial L/\partial B$ = `np.sum(dY, axis=0)`.
        (`Affine` computes $X^\top\cdot dY$ and $dY\cdot W^\top$ with `tdot`/`dott`, without copying
        a transpose.)
    ''', zh=r'''
        ## 5.6 Affine层

        全连接层计算 $Y = X\cdot W + B$（*仿射*变换：一次线性变换加一次平移）。矩阵乘积节点的反向传播为：

        $$ \frac{\partial L}{\partial X}=\frac{\partial L}{\partial Y}\cdot W^{\top},\qquad
           \frac{\partial L}{\partial W}=X^{\top}\cdot\frac{\partial L}{\partial Y} $$

        看形状就知道该怎么乘：$\partial L/\partial X$ 的形状与 $X$ 相同，$\partial L/\partial W$ 的形状与 $W$ 相同。对于 $N$ 行的**批**数据，$X$ 是 $(N, 2)$，$W$ 是 $(2, 3)$，$Y$ 是 $(N, 3)$；偏置 $B$ 在正向传播时被**广播**到每一行，所以它的梯度要把各行的梯度**加起来**：$\partial L/\partial B$ = `np.sum(dY, axis=0)`。（`Affine` 用 `tdot`/`dott` 计算 $X^\top\cdot dY$ 和 $dY\cdot W^\top$，不必复制出转置矩阵。）
    ''')
    nb.code('''
        var W = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        var b = NDArray.of(0.5, 0.5, 0.5);
        var affine = new Affine(W, b);
        var X = NDArray.of(new double[][] {{1, 0}, {0, 1}});                 // N = 2
        var Yaff = affine.forward(X);
        System.out.println("X " + X.shapeString() + " . W " + W.shapeString() + " + b " + b.shapeString() + " -> Y " + Yaff.shapeString());
        var dY = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        var dX = affine.backward(dY);
        System.out.println("dX = dY . W^T  " + dX.shapeString() + "\\n" + dX);
        System.out.println("dW = X^T . dY  " + affine.dW().shapeString() + "\\n" + affine.dW());
        System.out.println("db = sum(dY, axis=0) " + affine.db());           // [5, 7, 9]
    ''')

    nb.md(r'''
        ## 5.6.3 Softmax-with-Loss

        The output layer combines softmax and the cross-entropy loss. Its backward pass is remarkably
        simple — the difference between the prediction and the answer, averaged over the batch:

        $$ \frac{\partial L}{\partial a_k} = \frac{y_k - t_k}{N} $$

        (Dividing by the batch size $N$ makes the gradient that of the *average* loss: each sample's
        error, not the sum.) The error $y - t$ is large when the network is confidently wrong and
        small when it is nearly right, so learning corrects big mistakes most. Softmax is needed for
        *learning*; for *inference* the largest score already gives the answer.
    ''', zh=r'''
        ## 5.6.3 Softmax-with-Loss层

        输出层把 softmax 和交叉熵误差合在一起。它的反向传播简单得惊人——预测与正确解标签之差，再对批取平均：

        $$ \frac{\partial L}{\partial a_k} = \frac{y_k - t_k}{N} $$

        （除以批的大小 $N$，得到的是*平均*损失的梯度：传给前面的层的是单个数据的误差，而不是总和。）网络自信地答错时，误差 $y - t$ 很大；接近答对时，误差很小，所以学习会优先纠正大的错误。*学习*时需要 softmax；*推理*时只要取得分最大的一项就能得到答案。
    ''')
    nb.code('''
        var swl = new SoftmaxWithLoss();
        var tOne = NDArray.of(new double[][] {{0, 1, 0}});
        // «scores whose softmax is about (0.3, 0.2, 0.5): wrong, and far from the answer|softmax 约为 (0.3, 0.2, 0.5) 的得分：答错了，而且离正确答案很远»
        double lossBad = swl.forward(NDArray.of(new double[][] {{Math.log(0.3), Math.log(0.2), Math.log(0.5)}}), tOne);
        System.out.println("y = " + swl.output() + "«  loss |  损失 »" + lossBad + "  dx = y - t = " + swl.backward(1));
        // «scores whose softmax is about (0.01, 0.99, 0.00): right and confident|softmax 约为 (0.01, 0.99, 0.00) 的得分：答对了，而且很有把握»
        double lossGood = swl.forward(NDArray.of(new double[][] {{Math.log(0.01), Math.log(0.99), -20}}), tOne);
        System.out.println("y = " + swl.output() + "«  loss |  损失 »" + lossGood + "  dx = y - t = " + swl.backward(1));
    ''')

    nb.md(r'''
        ## 5.7 TwoLayerNet from layers

        The network is now a list of layers, in order — `Affine1 → Relu1 → Affine2`, then
        `SoftmaxWithLoss` (the seed keeps them in an `OrderedDict`). The forward pass calls each
        layer's `forward` in order; the gradient calls the loss layer's `backward(1)` and then every
        layer's `backward` in **reverse** order, and reads `dW`, `db` off the Affine layers:

        ```java
        // dlfs.nets.SequentialNet: TwoLayerNet is one, built as add("Affine1", …), add("Relu1", …), add("Affine2", …)
        public Map<String, NDArray> gradient(NDArray x, NDArray t) {
            loss(x, t);                                   // forward
            NDArray dout = lastLayer.backward(1.0);       // backward
            List<Layer> reversed = new ArrayList<>(layers.values());
            Collections.reverse(reversed);
            for (Layer layer : reversed) dout = layer.backward(dout);   // (the first layer skips its dx: backwardParams)
            // grads: each layer's grads() under the book's names, W1 = Affine1's dW, b1 = its db, W2, b2
        }
        ```

        Adding a layer means adding it to the list: that is the payoff of building networks from
        layers.
    ''', zh=r'''
        ## 5.7 用层组装 TwoLayerNet

        现在网络是按顺序排列的一组层——`Affine1 → Relu1 → Affine2`，最后是 `SoftmaxWithLoss`（笔记中把它们保存在 `OrderedDict` 里）。正向传播按顺序调用各层的 `forward`；求梯度时先调用损失层的 `backward(1)`，再按**相反**的顺序调用各层的 `backward`，然后从 Affine层读出 `dW`、`db`：

        ```java
        // dlfs.nets.SequentialNet: TwoLayerNet is one, built as add("Affine1", …), add("Relu1", …), add("Affine2", …)
        public Map<String, NDArray> gradient(NDArray x, NDArray t) {
            loss(x, t);                                   // forward
            NDArray dout = lastLayer.backward(1.0);       // backward
            List<Layer> reversed = new ArrayList<>(layers.values());
            Collections.reverse(reversed);
            for (Layer layer : reversed) dout = layer.backward(dout);   // (the first layer skips its dx: backwardParams)
            // grads: each layer's grads() under the book's names, W1 = Affine1's dW, b1 = its db, W2, b2
        }
        ```

        要添加一层，只需把它加进列表：这就是用层来构建网络的好处。
    ''')
    nb.code('''
        import dlfs.nets.*;
        import dlfs.data.*;
        import dlfs.plot.*;

        var mnist = Datasets.mnist(LoadOptions.normalized().oneHot());          // normalize, flatten, one_hot_label
        var network = new TwoLayerNet(784, 50, 10, new Rng(42));
        System.out.println(network);
        network.layers().forEach((name, layer) -> System.out.println("  " + name + ": " + layer.getClass().getSimpleName()));
        System.out.println("«  then |  然后是 »" + network.lastLayer().getClass().getSimpleName());
    ''')

    nb.md(r'''
        ### 5.7.3 Gradient check

        Backpropagation is fast but easy to get subtly wrong; numerical differentiation is slow but
        hard to get wrong. So compare them on a few samples (the seed uses the first 3 training
        images): the mean absolute difference per parameter should be tiny, around $10^{-10}$ to
        $10^{-7}$.
    ''', zh=r'''
        ### 5.7.3 梯度确认

        误差反向传播法速度快，但很容易出现细微的错误；数值微分速度慢，却不容易出错。所以要在少量样本上比较两者（笔记中用前 3 张训练图像）：每个参数的平均绝对误差应当非常小，大约在 $10^{-10}$ 到 $10^{-7}$ 之间。
    ''')
    nb.code('''
        import dlfs.train.*;

        var xBatch = mnist.xTrain().slice(0, 3);
        var tBatch = mnist.tTrain().slice(0, 3);
        var diffs = GradientCheck.compare(network, xBatch, tBatch);
        diffs.forEach((key, diff) -> System.out.println(key + ":" + diff));
        var check = GradientCheck.table(diffs);
        check.doubleColumn("mean_abs_diff").setPrintFormatter(new java.text.DecimalFormat("0.00E0"), "");   // scientific notation
        check
    ''')

    nb.md(r'''
        ### 5.7.4 Training on MNIST by backpropagation

        The seed's training: hidden layer 50, learning rate 0.1, mini-batches of 100, 10,000
        iterations, train and test accuracy recorded once per epoch. The library's `Trainer` runs
        exactly the seed's loop:

        ```java
        for (int i = 0; i < itersNum; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            var grad = network.gradient(xTrain.rows(batchMask), tTrain.rows(batchMask));   // backprop
            optimizer.update(network.params(), grad);          // SGD: params[key] -= lr * grad[key]
            trainLossList.add(network.loss(xBatch, tBatch));
            if (i % iterPerEpoch == 0) { /* record train and test accuracy */ }
        }
        ```

        Quick mode (`DLFS_QUICK=1`, used by CI) runs 600 iterations instead of 10,000. On full MNIST
        the book reaches about 0.97 test accuracy; offline, the kit's 10,000 shipped digits give a
        little less (fewer training images).
    ''', zh=r'''
        ### 5.7.4 用误差反向传播法在 MNIST 上训练

        笔记中的训练设置：隐藏层 50 个神经元，学习率 0.1，mini-batch 大小 100，迭代 10,000 次，每个 epoch 记录一次训练精度和测试精度。库中的 `Trainer` 运行的正是笔记中的循环：

        ```java
        for (int i = 0; i < itersNum; i++) {
            int[] batchMask = rng.choice(trainSize, batchSize);
            var grad = network.gradient(xTrain.rows(batchMask), tTrain.rows(batchMask));   // backprop
            optimizer.update(network.params(), grad);          // SGD: params[key] -= lr * grad[key]
            trainLossList.add(network.loss(xBatch, tBatch));
            if (i % iterPerEpoch == 0) { /* record train and test accuracy */ }
        }
        ```

        快速模式（`DLFS_QUICK=1`，CI 使用）只迭代 600 次，而不是 10,000 次。在完整的 MNIST 上，书中的测试精度约为 0.97；离线时使用本套件自带的 10,000 张手写数字，精度会略低一些（训练图像更少）。
    ''')
    nb.code('''
        import dlfs.Course;
        import dlfs.optim.SGD;

        int itersNum = Course.pick(10_000, 600);
        var history = new Trainer(network, new SGD(0.1))
                .data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
                .iterations(itersNum)
                .batchSize(100)
                .seed(7)
                .train();
        System.out.println(history);
    ''')
    nb.plot('''
        var lossChart = Plots.lossCurve(history.loss(), 50);
        lossChart.setTitle("«training loss (mini-batch, and its 50-iteration average)|训练损失（每个 mini-batch，及其 50 次迭代的平均）»");
        var accChart = Plots.accuracyCurves(history.trainAcc(), history.testAcc());
        Charts.grid(List.of(lossChart, accChart), 2, 520, 360)
    ''')
    nb.code('''
        history.toTable()
    ''')
    nb.md(r'''
        The loss falls quickly and then slowly, and train and test accuracy rise together: what the
        network learns on the training images carries over to images it never saw. On full MNIST
        (60,000 training images) the two curves stay close to the end, as in the book (about 0.97
        test accuracy). On the 8,000 digits the kit ships, a full 10,000-iteration run (125 epochs)
        ends near 1.00 on the training set but about 0.95 on the test set: with few images the
        network starts to **memorise** them — overfitting, one of chapter 6's subjects (notebook 07).
        The gap of this run:
    ''', zh=r'''
        损失先是快速下降，然后缓慢下降；训练精度和测试精度一起上升：网络在训练图像上学到的东西，也适用于它从未见过的图像。在完整的 MNIST 上（60,000 张训练图像），两条曲线直到最后都很接近，与书中一样（测试精度约 0.97）。在本套件自带的 8,000 张手写数字上，完整的 10,000 次迭代（125 个 epoch）结束时，训练集上的精度接近 1.00，测试集上却只有约 0.95：图像太少，网络开始**死记硬背**这些图像——这就是过拟合，第6章的主题之一（笔记本 07）。本次运行的差距：
    ''')
    nb.code('''
        System.out.println(String.format("«final train accuracy %.4f, test accuracy %.4f, gap %.4f|最终训练精度 %.4f，测试精度 %.4f，差距 %.4f»",
                history.finalTrainAcc(), history.finalTestAcc(), history.finalTrainAcc() - history.finalTestAcc()));
    ''')
    nb.md(r'''
        A few of the test digits with the trained network's answers (wrong answers in red):
    ''', zh=r'''
        几张测试图像，以及训练好的网络给出的答案（答错的显示为红色）：
    ''')
    nb.plot('''
        var shown = mnist.xTest().slice(0, 30);
        int[] predicted = network.predict(shown).argmax(1).toIntArray();
        int[] actual = mnist.tTest().slice(0, 30).argmax(1).toIntArray();
        Images.digitGrid(shown, actual, predicted, 10)
    ''')

    nb.exercises("chapter 5", "you write this notebook's layers yourself: the multiply and add nodes "
                 "(the apple and orange graph), ReLU, Sigmoid, Affine, Softmax-with-Loss, and the two-layer "
                 "net's gradient by backpropagation; the tests pin the seed's 220 and 715 (110 2.2 3.3 165 650) "
                 "and check each backward pass against numerical gradients.",
                 ("ch5.MultiplyLayer", "ch5.AdditionLayer", "ch5.ReluLayer", "ch5.SigmoidLayer",
                  "ch5.AffineLayer", "ch5.SoftmaxLossLayer", "ch5.TwoLayerNetBackprop"),
                 zh=("第5章", "由你亲手实现本笔记本中的层——乘法节点和加法节点（苹果和橘子的计算图）、ReLU层、Sigmoid层、"
                     "Affine层、Softmax-with-Loss层，以及用误差反向传播法求两层网络的梯度；测试会核对笔记中的 220 和 715"
                     "（110 2.2 3.3 165 650），并用数值微分检查每一个反向传播。"))
    nb.md(r'''
        ## What you saw

        - A computational graph splits a calculation into local steps; the backward pass multiplies the
          upstream derivative by each node's local derivative (the chain rule).
        - Add passes the gradient through; multiply swaps its inputs: the apple/orange graph gives
          715 and 110, 2.2, 3.3, 165, 650.
        - ReLU stops the gradient where $x \le 0$; sigmoid's is $y(1 - y)$; Affine's are
          $dY\cdot W^\top$, $X^\top\cdot dY$ and the column sums of $dY$; Softmax-with-Loss's is
          $(y - t)/N$.
        - Built from layers, `TwoLayerNet`'s backprop gradient matches the numerical one to about
          $10^{-10}$ and trains on MNIST in seconds instead of hours.
    ''', zh=r'''
        ## 小结

        - 计算图把计算分解为一个个局部计算；反向传播把上游传来的导数乘以每个节点的局部导数（链式法则）。
        - 加法节点把梯度原样往下传；乘法节点把输入翻转后相乘：苹果和橘子的计算图给出 715，以及 110、2.2、3.3、165、650。
        - ReLU 在 $x \le 0$ 处阻断梯度；sigmoid 的梯度是 $y(1 - y)$；Affine 的梯度是 $dY\cdot W^\top$、$X^\top\cdot dY$ 和 $dY$ 的列和；Softmax-with-Loss 的梯度是 $(y - t)/N$。
        - 用层组装的 `TwoLayerNet`，其误差反向传播法求出的梯度与数值梯度相差约 $10^{-10}$，在 MNIST 上训练只需几秒，而不是几小时。
    ''')
    return nb
