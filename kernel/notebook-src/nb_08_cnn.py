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
    ''', zh=r'''
        # 8. 卷积神经网络

        CNN 被用于图像识别、语音识别等场合，尤其是图像识别。全连接层把图像转化为一维数据：它**没有保留图像的空间结构**，而且需要**巨大数量的参数**。CNN 保持数据的形状 (C, H, W)，使用**局部连接**（每个输出只看一小块区域）和**权重共享**（每一块都与同一个滤波器做乘积累加）。它的劣势：只考虑图上就近的特征（不如 transformer 有全局观）。训练长度由 `Course.pick(full, quick)` 决定（`DLFS_QUICK=1` 会缩短它们）。
    ''')

    nb.md(r'''
        ## 8.1 A convolution by hand

        Multiply the filter with each same-sized window of the input element by element and **sum** (a
        multiply-accumulate), sliding the window; then add the **bias** to every output. The book's example: a 4×4
        input and a 3×3 filter give a 2×2 output; the bias 3 is added to each element.
    ''', zh=r'''
        ## 8.1 手算一次卷积

        让滤波器在输入数据上滑动，在每个位置把滤波器的元素与输入中同样大小窗口的对应元素相乘，再**求和**（乘积累加运算）；最后把**偏置**加到输出的每个元素上。书中的例子：4×4 的输入和 3×3 的滤波器得到 2×2 的输出；偏置 3 加到每个元素上。
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
        System.out.println("«by hand:|手算：»\\n" + byHand);
        System.out.println("«plus bias 3:|加上偏置 3：»\\n" + byHand.add(3));
        // «the same with the library's Convolution layer, data as (N, C, H, W) = (1, 1, 4, 4)|用库的 Convolution 层做同样的计算，数据的形状为 (N, C, H, W) = (1, 1, 4, 4)»
        var conv = new Convolution(filter.reshape(1, 1, 3, 3), NDArray.of(3.0), 1, 0);
        System.out.println("«Convolution layer:|Convolution 层：»\\n" + conv.forward(input.reshape(1, 1, 4, 4)));
    ''')

    nb.md(r'''
        ### Padding, stride and the output size

        **Padding** fills a border of fixed values (e.g. 0) around the input: more padding, larger output; it can keep
        the spatial size unchanged for the next layer. **Stride** is the step between window positions: larger stride,
        smaller output. For input (H, W), filter (FH, FW), padding P and stride S:
        $$ OH = \frac{H + 2P - FH}{S} + 1, \qquad OW = \frac{W + 2P - FW}{S} + 1. $$
        **These must divide exactly.** Some frameworks silently round; the library refuses with an error:
    ''', zh=r'''
        ### 填充、步幅与输出大小

        **填充**（padding）在输入数据周围填入固定的数据（比如 0）：填充越多，输出越大；使用填充可以在保持空间大小不变的情况下把数据传给下一层。**步幅**（stride）是应用滤波器的位置间隔：步幅越大，输出越小。设输入大小为 (H, W)，滤波器大小为 (FH, FW)，填充为 P，步幅为 S：
        $$ OH = \frac{H + 2P - FH}{S} + 1, \qquad OW = \frac{W + 2P - FW}{S} + 1. $$
        **所设定的值必须使这两个式子可以除尽**。有的框架在无法除尽时会悄悄取整；这个库会报错拒绝：
    ''')
    nb.code('''
        var hCol = StringColumn.create("«input|输入»");
        var fCol = StringColumn.create("«filter|滤波器»");
        var pCol = IntColumn.create("«pad|填充»");
        var sCol = IntColumn.create("«stride|步幅»");
        var oCol = StringColumn.create("«output|输出»");
        int[][] cases = {{4, 4, 3, 3, 1, 1}, {7, 7, 3, 3, 0, 2}, {28, 31, 5, 5, 2, 3}, {4, 4, 3, 3, 0, 1}};
        for (int[] c : cases) {
            hCol.append("(" + c[0] + ", " + c[1] + ")");
            fCol.append("(" + c[2] + ", " + c[3] + ")");
            pCol.append(c[4]);
            sCol.append(c[5]);
            oCol.append("(" + Im2Col.outSize("height", c[0], c[2], c[5], c[4]) + ", " + Im2Col.outSize("width", c[1], c[3], c[5], c[4]) + ")");
        }
        System.out.println("«padding 1 keeps the 4x4 size:|填充 1 保持 4x4 的大小：»\\n" + new Convolution(filter.reshape(1, 1, 3, 3), NDArray.of(0.0), 1, 1).forward(input.reshape(1, 1, 4, 4)));
        Table.create("OH = (H + 2P - FH) / S + 1", hCol, fCol, pCol, sCol, oCol)
    ''')
    nb.fails('''
        Im2Col.outSize("Convolution height", 28, 5, 2, 0)     // «(28 - 5) / 2 is not whole: an error, not a rounded size|(28 - 5) / 2 不是整数：报错，而不是取整后的大小»
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
    ''', zh=r'''
        ### 通道与批处理

        输入有 C 个通道时，滤波器也有 C 个通道，形状为 (C, FH, FW)：按通道对输入数据和滤波器的对应切片进行卷积运算，再把结果**相加**得到一张输出特征图。FN 个滤波器给出 FN 个输出通道，所以权重的形状是 (FN, C, FH, FW)，偏置是 (FN)。各层间传递的数据是 4 维的：(batch_num, channel, height, width)。滤波器的参数个数与图像大小无关。

        **小滤波器**。一般用 3×3（有时用 5×5；很少比 3×3 更小）。堆叠小滤波器胜过使用一个大滤波器：三个 3×3 的层能看到 7×7 的感受野（输出特征图上某个元素受输入图像影响的区域），参数更少，而且有三个 ReLU 而不是一个。输入和输出都是 C 个通道时：一个 7×7 的层需要 $C\times(7\times7\times C) = 49C^2$ 个参数，三个 3×3 的层需要 $3\times C\times(3\times3\times C) = 27C^2$ 个（笔记在第二个式子里写成了“三个7*7”：那是“三个 3×3”的笔误）。这就是 VGG 的出发点。
    ''')
    nb.code('''
        var cCol = IntColumn.create("«channels C|通道数 C»");
        var one7 = IntColumn.create("«one 7x7: 49 C^2|一个 7x7：49 C^2»");
        var three3 = IntColumn.create("«three 3x3: 27 C^2|三个 3x3：27 C^2»");
        for (int c : new int[] {3, 16, 64, 256}) { cCol.append(c); one7.append(49 * c * c); three3.append(27 * c * c); }
        // «the same count from real layers: Convolution weights (FN, C, FH, FW)|用真实的层来数一数：Convolution 的权重 (FN, C, FH, FW)»
        var big = new Convolution(NDArray.zeros(64, 64, 7, 7), NDArray.zeros(64), 1, 3);
        var small3 = new Convolution(NDArray.zeros(64, 64, 3, 3), NDArray.zeros(64), 1, 1);
        System.out.println("«C = 64: one 7x7 layer |C = 64 时的权重个数：一个 7x7 的层 »" + big.filters().size() + "« weights, three 3x3 layers |，三个 3x3 的层 »" + 3 * small3.filters().size());
        Table.create("«parameters for the same 7x7 receptive field|相同 7x7 感受野所需的参数»", cCol, one7, three3)
    ''')

    nb.md(r'''
        ## 8.2 Pooling

        Pooling shrinks the data (less computation, some protection against overfitting): **max pooling** takes the
        largest value of each window (average pooling, the mean, is less common); window size and stride are usually
        equal. It has **no parameters**, keeps the **number of channels**, and is **robust to small shifts** of the input.
    ''', zh=r'''
        ## 8.2 池化层

        池化压缩数据（在减小计算量的同时防止过拟合）：**Max池化**取每个目标区域的最大值（Average池化取平均值，不常用）；一般来讲，池化的窗口大小和步幅设定为相同的值。池化层**没有要学习的参数**，**通道数不发生变化**，并且**对微小的位置变化具有健壮性**。
    ''')
    nb.code('''
        var pin = NDArray.of(new double[][] {{1, 2, 1, 0}, {0, 1, 2, 3}, {3, 0, 1, 2}, {2, 4, 0, 1}}).reshape(1, 1, 4, 4);
        var pool = new Pooling(2, 2, 2);
        System.out.println("«max pooling 2x2, stride 2:|Max池化 2x2，步幅 2：»\\n" + pool.forward(pin).reshape(2, 2));
        var shifted = NDArray.of(new double[][] {{2, 1, 0, 0}, {1, 2, 3, 0}, {0, 1, 2, 0}, {4, 0, 1, 0}}).reshape(1, 1, 4, 4);
        System.out.println("«input shifted one column left -> pooled:|输入向左平移一列 -> 池化结果：»\\n" + pool.forward(shifted).reshape(2, 2));
    ''')

    nb.md(r'''
        ## 8.3 im2col, pictured

        Loops over windows are slow; **im2col** ("image to columns") copies every window the filter visits into one
        **row** of a matrix, so the whole convolution becomes one matrix product: `col @ W.reshape(FN, -1).T`. For a
        (N, C, H, W) input the matrix is (N·OH·OW, C·FH·FW). Our 4×4 example with a 3×3 filter has 4 windows, each
        9 values:
    ''', zh=r'''
        ## 8.3 im2col 图解

        用循环遍历窗口很慢；**im2col**（“image to columns”，图像 → 矩阵）把滤波器经过的每个窗口复制到矩阵的一**行**中，于是整个卷积运算变成一次矩阵乘积：`col @ W.reshape(FN, -1).T`。对于 (N, C, H, W) 的输入，这个矩阵是 (N·OH·OW, C·FH·FW)。我们的 4×4 输入和 3×3 滤波器的例子有 4 个窗口，每个窗口 9 个值：
    ''')
    nb.plot('''
        var x4 = input.reshape(1, 1, 4, 4);
        var col = Im2Col.im2col(x4, 3, 3, 1, 0);
        System.out.println("col " + col.shapeString() + ":\\n" + col);
        System.out.println("«col @ filter as a column = |col @ 滤波器（排成一列）= »" + col.dot(filter.reshape(9, 1)).reshape(2, 2) + "«  (the 2x2 output again)|  （又得到 2x2 的输出）»");
        // «pictured: each window of the input (left) becomes one row of col (right)|图示：输入（左）的每个窗口变成 col（右）的一行»
        var tiles = NDArray.zeros(5, 1, 4, 4);
        tiles.setRows(0, x4);
        for (int w = 0; w < 4; w++) {                      // «window w highlighted: its 9 pixels kept, the rest 0|突出显示窗口 w：保留它的 9 个像素，其余为 0»
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
    ''', zh=r'''
        上图：输入及其四个 3×3 窗口（亮色部分），然后是 4×9 的 `col` 矩阵，每个窗口一行。

        **col2im** 反过来，用于反向传播：每一行的梯度加到它的窗口覆盖的像素上。窗口之间**相互重叠**，所以一个像素会从包含它的每个窗口得到一份贡献，这就是书中的 `col2im` 用 `+=` 而不是 `=` 的原因。给它一个全为 1 的 `col`，就能看出每个像素被多少个窗口覆盖：
    ''')
    nb.plot('''
        var counts = Im2Col.col2im(NDArray.ones(4, 9), new int[] {1, 1, 4, 4}, 3, 3, 1, 0);
        System.out.println("«windows covering each pixel (col2im of ones):|覆盖每个像素的窗口数（对全 1 做 col2im）：»\\n" + counts.reshape(4, 4));
        Images.image(counts.reshape(4, 4), 40, 0, 4)                   // «gray scale 0..4 windows: no pixel is covered 0 times|灰度 0..4 个窗口：没有哪个像素被覆盖 0 次»
    ''')

    nb.md(r'''
        ## 8.4 SimpleConvNet

        The book's first CNN: Conv (30 filters 5×5, stride 1, pad 0) → ReLU → max Pool 2×2 → Affine (100) → ReLU →
        Affine (10) → Softmax, weights N(0, 0.01²). Sizes: (28 − 5)/1 + 1 = 24, pooled 12, so the first affine layer
        takes 30·12·12 = 4320 values. The book trains 20 epochs with Adam (lr 0.001), batch 100 on MNIST and reaches
        about 99% test accuracy; quick mode trains a few dozen iterations on a small subset.
    ''', zh=r'''
        ## 8.4 SimpleConvNet

        书中的第一个 CNN：Conv（30 个 5×5 的滤波器，步幅 1，填充 0）→ ReLU → Max池化 2×2 → Affine（100）→ ReLU → Affine（10）→ Softmax，权重服从 N(0, 0.01²)。大小：(28 − 5)/1 + 1 = 24，池化后为 12，所以第一个 Affine 层接收 30·12·12 = 4320 个值。书中用 Adam（学习率 0.001）、批大小 100 在 MNIST 上训练 20 个 epoch，测试精度约为 99%；快速模式只在一个小子集上训练几十次迭代。
    ''')
    nb.code('''
        import dlfs.nets.*;
        import dlfs.optim.*;
        import dlfs.train.*;
        import dlfs.data.*;

        var mnist = Datasets.mnist(LoadOptions.normalized().images());            // «images as (N, 1, 28, 28)|图像的形状为 (N, 1, 28, 28)»
        if (Course.quick()) mnist = mnist.head(600, 200);
        System.out.println("«train |训练 »" + mnist.xTrain().shapeString() + "«, test |，测试 »" + mnist.xTest().shapeString());
        var cnn = new SimpleConvNet(new Rng(0));
        var filtersBefore = cnn.filters().copy();
        var trainer = new Trainer(cnn, new Adam(0.001)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
            .batchSize(100).seed(1).evalSample(Course.pick(1000, 200));
        var history = Course.quick() ? trainer.iterations(25).train() : trainer.epochs(20).train();
        System.out.println(String.format("«test accuracy %.4f after %d iterations|测试精度 %.4f（%d 次迭代后）»", history.finalTestAcc(), history.iterations()));
    ''')
    nb.plot('''
        Charts.grid(List.of(Plots.lossCurve(history.loss(), 20), Plots.accuracyCurves(history.trainAcc(), history.testAcc())), 2, 560, 380)
    ''')

    nb.md(r'''
        ### Filters before and after training

        What do the filters do? Before training they are random noise; after training they respond to **edges**
        (boundaries where the colour changes) and **blobs** (local patches). Deeper layers extract more abstract
        information, from simple shapes towards "higher-level" features.
    ''', zh=r'''
        ### 学习前和学习后的滤波器

        滤波器在做什么？学习前它们是随机的噪声；学习后它们对**边缘**（颜色变化的分界线）和**斑块**（局部的块状区域）有响应。随着层次加深，提取的信息越来越抽象，从简单的形状向“高级”信息变化。
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
    ''', zh=r'''
        短时间的训练几乎不会让滤波器离开它们的随机初始状态。书中的 `visualize_filter.py` 显示的是一个训练完成的 SimpleConvNet 的滤波器，即它的 `params.pkl`（本套件附带了转换后的书中训练好的权重，在 `data/models/book/` 中）：先是一个新网络的随机滤波器，然后是 `network.load_params("params.pkl")` 之后的滤波器，按书中 `filter_show` 的方式绘制（gray_r，每行 8 个）。许多训练后的滤波器是边缘检测器（暗与亮相邻）或斑块。
    ''')
    nb.plot('''
        import dlfs.book.*;
        import dlfs.experiments.ch7.*;
        import dlfs.experiments.ch8.*;

        display(VisualizeFilter.filterShow(VisualizeFilter.initialFilters(0)));   // network = SimpleConvNet()
        VisualizeFilter.filterShow(VisualizeFilter.trainedFilters())               // «after load_params("params.pkl")|load_params("params.pkl") 之后»
    ''')
    nb.plot('''
        var acts = cnn.activations(mnist.xTest().slice(0, 1));
        System.out.println("«layers|层»: " + acts.keySet());
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
    ''', zh=r'''
        ## 8.5 具有代表性的CNN

        为什么要卷积几次才池化一次？需要先累积特征。经典的设计：
        - **LeNet**（1998）：激活函数是 sigmoid，使用子采样（subsampling）；现在的 CNN 使用 ReLU 和 Max池化。
        - **AlexNet**（2012）：ReLU、Max池化、局部正规化层 LRN（Local Response Normalization）、Dropout。
        - **VGG**（2014）：堆叠 3×3 的卷积；每次池化之后（特征变少），通道数加倍来补充特征。
        - **ResNet**（2015）：更深的普通网络反而有*更大*的误差，连在训练数据上也是如此。残差块加上一条快捷路径，$y = F(x) + x$：如果多出来的层学到 $F = 0$，这个块就是恒等映射，所以加深网络至少不会让模型变差，而且快捷路径把梯度原样传回去（$\partial y/\partial x = F'(x) + 1$）。

        库用同样的层构建 LeNet-5 和书中类似 VGG 的 DeepConvNet；它们的参数个数和一次相同预算的短时间训练，与公开发表的数据并列在下面：
    ''')
    nb.code('''
        long countParams(Net net) { return net.params().values().stream().mapToLong(NDArray::size).sum(); }
        int budget = Course.pick(100, 3);
        var kit = new LinkedHashMap<String, Net>();
        kit.put("«LeNet-5 (ReLU, max pool)|LeNet-5（ReLU，Max池化）»", new LeNet5("relu", new Rng(0)));
        kit.put("SimpleConvNet", new SimpleConvNet(new Rng(0)));
        kit.put("«DeepConvNet (VGG-like)|DeepConvNet（类似 VGG）»", new DeepConvNet(new Rng(0)));
        var kitName = StringColumn.create("«net in the kit|本套件中的网络»");
        var kitParams = LongColumn.create("«parameters|参数个数»");
        var kitAcc = DoubleColumn.create("«test acc after |测试精度（Adam 更新 »" + budget + "« Adam steps| 步后）»");
        var kitSec = DoubleColumn.create("«seconds|秒»");
        for (var e : kit.entrySet()) {
            var h = new Trainer(e.getValue(), new Adam(0.001)).data(mnist.xTrain(), mnist.tTrain(), mnist.xTest(), mnist.tTest())
                .iterations(budget).batchSize(100).seed(1).evalSample(200).verbose(false).train();
            kitName.append(e.getKey());
            kitParams.append(countParams(e.getValue()));
            kitAcc.append(h.finalTestAcc());
            kitSec.append(Math.round(h.seconds() * 10) / 10.0);
        }
        display(Table.create("«the kit's CNNs (same data, same budget)|本套件的 CNN（相同的数据，相同的预算）»", kitName, kitParams, kitAcc, kitSec));

        Table.create("«published architectures|公开发表的网络结构»",
            StringColumn.create("«net|网络»", "LeNet-5", "AlexNet", "VGG-16", "ResNet-50"),
            IntColumn.create("«year|年份»", 1998, 2012, 2014, 2015),
            IntColumn.create("«weight layers|带权重的层数»", 5, 8, 16, 50),
            StringColumn.create("«activation|激活函数»", "sigmoid/tanh", "ReLU", "ReLU", "ReLU"),
            StringColumn.create("«pooling|池化»", "«subsampling (average)|子采样（平均）»", "max", "max", "«max (+ global average)|max（+ 全局平均）»"),
            StringColumn.create("«what is new|新在哪里»", "«conv + subsampling, trained by backprop|卷积 + 子采样，用误差反向传播法训练»", "«ReLU, LRN, Dropout, GPUs|ReLU、LRN、Dropout、GPU»",
                "«only 3x3 convs, channels double after each pool|只用 3x3 卷积，每次池化后通道数加倍»", "«residual shortcuts y = F(x) + x, batch norm|残差快捷路径 y = F(x) + x，Batch Normalization»"),
            StringColumn.create("«parameters (approx.)|参数个数（约）»", "«60 thousand|6 万»", "«61 million|6100 万»", "«138 million|1.38 亿»", "«25.6 million|2560 万»"))
    ''')

    nb.md(r'''
        ## 8.6 More accuracy from the same data: augmentation

        The kit ships 8,000 training digits, not MNIST's 60,000, and on them SimpleConvNet levels off near 97.5%.
        The book's chapter 8 gives the remedy that needs no new data: **data augmentation**. Every mini-batch is
        moved by a small random warp (shift up to ±2 pixels, rotation up to ±10°, scale ±10%) before the net sees
        it. The label stays right, but no two epochs show the net the same pixels. `Augment.affine` builds the
        transform; here are eight draws of one test digit:
    ''', zh=r'''
        ## 8.6 同样的数据，更高的精度：数据扩充

        本套件附带 8,000 个训练用数字，而不是 MNIST 的 60,000 个，SimpleConvNet 在它们上面的精度停在 97.5% 附近。书中第8章给出了不需要新数据的办法：**数据扩充**（Data Augmentation）。每个 mini-batch 在送进网络之前都经过一次小的随机变形（平移最多 ±2 像素，旋转最多 ±10°，缩放 ±10%）。标签依然正确，但网络在任意两个 epoch 里看到的像素都不相同。`Augment.affine` 构建这个变换；下面是对同一个测试数字的八次抽样：
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
        cores; measured with `java -cp ... dlfs.experiments.ch8.ConvNetRun --augment digits 30`, and pinned by
        `SimpleConvNetTrainingTest`). Without augmentation the same run stops at 97.55%.

        The kit ships that trained net (`data/models/simple-convnet-digits.dlfs`, saved with `net.save(path)`;
        the book pickles its parameters the same way with `save_params`). Loading it takes a moment, not a
        training run:
    ''', zh=r'''
        用变形后的批次训练（`new Trainer(net, adam).data(x, t).augment(warp)...train()`），SimpleConvNet 在 30 个 epoch（每个 epoch 80 次迭代）之后，在附带的 2,000 个测试数字上达到 **98.55%**（在两个核上约 70 秒；用 `java -cp ... dlfs.experiments.ch8.ConvNetRun --augment digits 30` 测得，并由 `SimpleConvNetTrainingTest` 固定）。不使用数据扩充时，同样的运行停在 97.55%。

        本套件附带这个训练好的网络（`data/models/simple-convnet-digits.dlfs`，用 `net.save(path)` 保存；书中用 `save_params` 以同样的方式用 pickle 保存参数）。加载它只需片刻，不需要再训练一次：
    ''')
    nb.code('''
        var digits = Datasets.digits(LoadOptions.normalized().images());
        var trained = new SimpleConvNet(new Rng(0));
        trained.load(Course.dataDir().resolve("models/simple-convnet-digits.dlfs"));
        System.out.println(String.format("«shipped net: test accuracy %.4f on %d digits|附带的网络：测试精度 %.4f（%d 个数字）»", trained.accuracy(digits.xTest(), digits.tTest()),
            digits.testSize()));
    ''')
    nb.md(r'''
        Its first-layer filters after all that training: many are the oriented edge detectors (dark next to bright)
        that section 8.4 describes.
    ''', zh=r'''
        经过这么多训练之后它的第一层滤波器：许多是 8.4 节描述的有方向的边缘检测器（暗与亮相邻）。
    ''')
    nb.plot('''
        Images.filterGrid(trained.filters(), 10)
    ''')
    nb.md(r'''
        And the digits it still gets wrong (true label above, prediction below); several are hard for people too:
    ''', zh=r'''
        还有它仍然识别错的数字（上方是正确标签，下方是预测）；其中有几个连人也很难认：
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
    ''', zh=r'''
        ## 8.7 书中训练好的 DeepConvNet

        第8章加深后的网络（`deep_convnet.py`，本套件中的 `DeepConvNet`）：三个块，每块是两个带 ReLU 的 3×3 卷积加一个 Max池化（16、16、32、32、64、64 个滤波器），然后是 Affine 50 → ReLU → Dropout → Affine 10 → Dropout。书中附带了训练好的参数 `deep_convnet_params.pkl`；本套件把转换后的文件加载到自己的 `DeepConvNet` 中，它的层、参数名和形状都与书中相同。`misclassified_mnist.py` 每次对 100 张测试图像进行分类，并显示识别错的图像。

        在手头有真实的 MNIST 测试集时，使用的是它，否则使用本套件附带的测试数字（第一行会说明是哪一种）；快速模式只取前 500 张。在 MNIST 全部 10,000 张测试图像上，书中的 numpy 代码和本套件都数出 **9,797** 张正确（0.9797，识别错的是同样的 203 张；`DeepConvNetMnistTest` 逐张图像检查）。
    ''')
    nb.code('''
        var bookSet = TestSet.load(false).head(Course.pick(10_000, 500));
        System.out.println("«images|图像»: " + bookSet.description());
        var deep = BookWeights.deepConvNet();                                  // network.load_params("deep_convnet_params.pkl")
        int[] classified = MisclassifiedMnist.classify(deep, bookSet.x());     // «100 at a time, train_flg=False|每次 100 张，train_flg=False»
        int correct64 = MisclassifiedMnist.correct(classified, bookSet.t());
        System.out.println("test accuracy:" + (double) correct64 / bookSet.size() + "  (" + correct64 + "« of | / »" + bookSet.size() + ")");
        System.out.println("{view index: (label, inference), ...}");
        System.out.println(MisclassifiedMnist.misPairs(classified, bookSet.t(), MisclassifiedMnist.MAX_VIEW));
    ''')
    nb.md(r'''
        The first 20 it gets wrong (at most), drawn like the book's figure (gray_r: dark ink on white), the
        true label above and the net's answer in red. Many are ambiguous even for people.
    ''', zh=r'''
        它识别错的前 20 张（最多），按书中的图的方式绘制（gray_r：白底黑字），上方是正确标签，红色的是网络的回答。其中许多连人也难以判断。
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
        the accuracy does not suffer. The middle row computes in float32 (PyTorch's default dtype): the
        images become float32 arrays (`astype(Dtype.FLOAT32)`), and every layer then multiplies and adds in
        float32, with float32 copies of the weights.
    ''', zh=r'''
        ### 半精度就足够了

        `half_float_network.py` 把每个权重和每个输入都舍入为 16 位浮点数（`astype(np.float16)`：10 位尾数，约 3 位十进制有效数字），然后再次测量。`HalfFloatNetwork.toFloat16` 用本套件自己的 IEEE binary16 舍入（舍入到最近，平局时取偶数）做同样的事；和书中一样，只有数值被舍入，运算仍然使用 float64。在 MNIST 的 10,000 张测试图像上，numpy 参考实现和本套件在半精度浮点数（float16）下都数出 **9,798** 张正确，而 float64 下是 9,797 张：多对了一张，识别精度并没有下降。中间一行用 float32（PyTorch 的默认 dtype）计算：图像变成 float32 数组（`astype(Dtype.FLOAT32)`），之后每一层都用 float32（以及权重的 float32 副本）做乘法和加法。
    ''')
    nb.code('''
        var deep16 = HalfFloatNetwork.toFloat16(BookWeights.deepConvNet());    // param[...] = param.astype(np.float16)
        var x16 = HalfFloatNetwork.toFloat16(bookSet.x());                     // x_test.astype(np.float16)
        int correct16 = MisclassifiedMnist.correct(MisclassifiedMnist.classify(deep16, x16), bookSet.t());
        // «float32 (PyTorch's default): float32 images, and every layer computes in float32|float32（PyTorch 的默认 dtype）：float32 图像，每一层都用 float32 计算»
        int correct32 = MisclassifiedMnist.correct(MisclassifiedMnist.classify(deep, bookSet.x().astype(Dtype.FLOAT32)), bookSet.t());
        Table.create("«DeepConvNet on |DeepConvNet 在 »" + bookSet.size() + "« images (| 张图像上（»" + (bookSet.realMnist() ? "«MNIST test set|MNIST 测试集»" : "«shipped digits, not MNIST's test set|附带的数字，不是 MNIST 的测试集»") + "«)|）»",
            StringColumn.create("«weights and images|权重和图像»", "«as trained|训练得到的原样»", "«computed in float32|用 float32 计算»",
                "«rounded to half precision|舍入为半精度»"),
            StringColumn.create("«arithmetic|运算»", "float64", "float32", "float64"),
            StringColumn.create("«dtype of the weights|权重的 dtype»", BookWeights.dtype(deep).toString(), "float32",
                BookWeights.dtype(deep16).toString()),
            IntColumn.create("«correct|正确数»", correct64, correct32, correct16),
            DoubleColumn.create("«accuracy|识别精度»", (double) correct64 / bookSet.size(), (double) correct32 / bookSet.size(),
                (double) correct16 / bookSet.size()))
    ''')

    nb.exercises("chapters 7 and 8 (CNNs, and augmentation)",
                 "im2col and col2im, the convolution's forward pass by im2col and one matrix product and its "
                 "backward pass (dW, db, and dx through col2im), max pooling forward and backward, and section "
                 "8.6's augmentation (flips, shifts and random crops through the given Rng); the tests check the "
                 "book's output sizes (with padding and stride), compare with the library on seeded inputs and "
                 "with numerical gradients, and test the random augmentations by their properties.",
                 ("ch7.ImageToColumns", "ch7.ColumnsToImage", "ch7.ConvolutionForward", "ch7.ConvolutionBackward",
                  "ch7.MaxPoolingForward", "ch7.MaxPoolingBackward", "ch8.DataAugmentation"),
                 zh=("第7章和第8章（卷积神经网络与数据扩充）",
                     "im2col 和 col2im，用 im2col 和一次矩阵乘积实现的卷积层正向传播及其反向传播（dW、db，以及经过 "
                     "col2im 的 dx），Max池化的正向传播和反向传播，以及 8.6 节的数据扩充（通过给定的 Rng 进行翻转、平移和"
                     "随机裁剪）；测试检查书中的输出大小（含填充和步幅），在固定随机种子的输入上与库进行比较、与数值微分"
                     "进行比较，并通过随机数据扩充应有的性质来测试它们。"))
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
    ''', zh=r'''
        ## 小结

        - 卷积运算把每个窗口与滤波器相乘再求和，然后加上偏置；各通道的结果相加；$OH = (H + 2P - FH)/S + 1$ 必须是整数。
        - 三个 3×3 的层以 27C² 而不是 49C² 个权重覆盖 7×7 的感受野；Max池化没有参数，并保持通道数不变。
        - im2col 把卷积运算变成一次矩阵乘积；col2im 把重叠的窗口加（`+=`）回去。
        - SimpleConvNet 学到边缘和斑块的滤波器；LeNet、AlexNet、VGG 和 ResNet 的区别在于激活函数、池化、深度，以及 ResNet 的快捷路径。
        - 对训练批次做随机变形（数据扩充），使网络在本套件的 8,000 个数字上超过 98%。
        - 书中自己训练好的网络可以加载到本套件的网络中：SimpleConvNet 学到的滤波器（`params.pkl`），以及 DeepConvNet 识别错的图像（`deep_convnet_params.pkl`）；把每个权重舍入为半精度后，识别精度不变。
    ''')
    return nb
