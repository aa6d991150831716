"""01-ndarray: Java and NDArray for numpy users (the book's chapter 1)."""

from nbgen import Notebook


def build():
    nb = Notebook("01-ndarray")
    nb.md(r'''
        # 1. Java and `NDArray` for numpy users

        *Deep Learning from Scratch* starts with a short tour of Python, numpy and matplotlib,
        because every later chapter is written with them. This kit is in Java, so this notebook is
        the same tour for **Java**, our numpy replacement **`dlfs.nd.NDArray`**, and **XChart**
        for plots.

        What you will use in every later notebook:

        - how a Java cell runs here (JShell: no `class`/`main` needed, the last expression is shown);
        - creating arrays, their shapes, elementwise arithmetic;
        - **broadcasting** (numpy's rule, pictured below) and the error you get when shapes do not fit;
        - indexing, masks, reductions with `axis`, `argmax`;
        - the matrix product `dot` and the shapes of a neural network layer;
        - seeded random numbers and mini-batch sampling;
        - a first plot, and an image.

        Every operation the seeds' Python code uses has a line in the table at the end.
    ''', zh=r'''
        # 1. 面向 NumPy 用户的 Java 与 `NDArray`

        《深度学习入门》开篇先简要介绍 Python、NumPy 和 Matplotlib，因为后面每一章的代码都用它们来写。本课程用 Java 实现，所以这个笔记本用同样的方式介绍 **Java**、代替 NumPy 的 **`dlfs.nd.NDArray`**，以及用于绘图的 **XChart**。

        后面每个笔记本都会用到的内容：

        - 这里的 Java 单元格如何运行（JShell：不需要 `class`/`main`，最后一个表达式的值会显示出来）；
        - 创建数组、数组的形状、对应元素的算术运算；
        - **广播**（NumPy 的规则，下面有图示），以及形状不匹配时得到的错误；
        - 索引、掩码、带 `axis` 的归约运算、`argmax`；
        - 矩阵乘积 `dot`，以及神经网络一层中各数组的形状；
        - 设定种子的随机数与 mini-batch 的抽取；
        - 第一张图，以及一张图像。

        种子代码中用到的每个 NumPy 操作，在文末的对照表里都有对应的一行。
    ''')

    nb.md(r'''
        ## 1.1 Java cells

        Each cell is Java, run by [JShell](https://docs.oracle.com/en/java/javase/17/jshell/):
        statements, declarations with `var`, methods and classes may stand on their own. The value of
        the cell's **last expression** is shown below it (a number, an array, a chart, an image or a
        table); `System.out.println` prints as usual. Declarations stay visible in later cells.
    ''', zh=r'''
        ## 1.1 Java 单元格

        每个单元格都是由 [JShell](https://docs.oracle.com/en/java/javase/17/jshell/) 运行的 Java 代码：语句、用 `var` 的声明、方法和类都可以直接写，不必放进类里。单元格**最后一个表达式**的值会显示在它下方（数字、数组、图表、图像或表格）；`System.out.println` 照常打印。声明在后面的单元格中仍然可见。
    ''')
    nb.code('''
        int apples = 2;
        double price = 100.0;
        var total = apples * price * 1.1;   // «10% tax, the book's chapter-5 shopping example|10% 的消费税：书中第 5 章买苹果的例子»
        System.out.println("total = " + total);   // «220.00000000000003: binary floating point, as in Python|220.00000000000003：二进制浮点数，与 Python 相同»
        total > 200
    ''')
    nb.md(r'''
        Java is typed: `apples` is an `int`, `total` a `double` (`var` lets the compiler infer it).
        Lists and maps replace Python's `list` and `dict`; a class replaces a Python class. The book's
        first class, `Man`, reads in Java:
    ''', zh=r'''
        Java 是有类型的：`apples` 是 `int`，`total` 是 `double`（`var` 让编译器推断类型）。List 和 Map 代替 Python 的 `list` 和 `dict`；Java 的类对应 Python 的类。书中的第一个类 `Man`，用 Java 写出来是这样：
    ''')
    nb.code('''
        var scores = new ArrayList<>(List.of(1, 2, 3, 4, 5));   // Python: a = [1, 2, 3, 4, 5]
        scores.add(99);
        var me = new HashMap<String, Integer>();                 // Python: me = {'height': 180}
        me.put("height", 180);

        class Man {
            final String name;
            Man(String name) { this.name = name; System.out.println("Initialized!"); }
            void hello() { System.out.println("Hello " + name + "!"); }
            void goodbye() { System.out.println("Good-bye " + name + "!"); }
        }
        var m = new Man("David");
        m.hello();
        m.goodbye();
        System.out.println(scores + " " + me);
    ''')

    nb.md(r'''
        ## 1.2 Creating arrays

        `NDArray` is a float64, row-major N-dimensional array: numpy's `ndarray` for this course.
        Java has no operator overloading, so `x + y` becomes `x.add(y)`; otherwise names follow numpy.
    ''', zh=r'''
        ## 1.2 生成数组

        `NDArray` 是 float64、行优先存储的 N 维数组：本课程中的 NumPy `ndarray`。Java 没有运算符重载，所以 `x + y` 要写成 `x.add(y)`；除此之外，方法名都与 NumPy 一致。
    ''')
    nb.code('''
        import dlfs.nd.*;

        var x = NDArray.of(1.0, 2.0, 3.0);          // np.array([1.0, 2.0, 3.0])
        System.out.println(x);
        System.out.println("shape " + x.shapeString() + ", ndim " + x.ndim() + ", size " + x.size());
        NDArray.of(new double[][] {{1, 2}, {3, 4}})  // np.array([[1, 2], [3, 4]])
    ''')
    nb.code('''
        System.out.println(NDArray.zeros(2, 3));             // np.zeros((2, 3))
        System.out.println(NDArray.ones(3));                 // np.ones(3)
        System.out.println(NDArray.arange(5));               // np.arange(5)
        System.out.println(NDArray.arange(0, 1, 0.25));      // np.arange(0, 1, 0.25)
        System.out.println(NDArray.linspace(-1, 1, 5));      // np.linspace(-1, 1, 5)
        NDArray.eye(3)                                       // np.eye(3)
    ''')

    nb.md(r'''
        ## 1.3 Elementwise arithmetic

        Arrays of the same shape combine element by element. An operation with a plain number
        applies it to every element (the simplest case of broadcasting).
    ''', zh=r'''
        ## 1.3 对应元素的算术运算

        形状相同的数组按对应元素进行运算。与一个普通数字（标量）运算时，该运算作用于每个元素（这是广播最简单的情形）。
    ''')
    nb.code('''
        var x = NDArray.of(1.0, 2.0, 3.0);
        var y = NDArray.of(2.0, 4.0, 6.0);
        System.out.println("x + y = " + x.add(y));
        System.out.println("x - y = " + x.sub(y));
        System.out.println("x * y = " + x.mul(y));     // «elementwise, not a matrix product|对应元素相乘，不是矩阵乘积»
        System.out.println("x / y = " + x.div(y));
        x.div(2.0)
    ''')
    nb.md(r'''
        Calls chain left to right, so a formula reads in order. The perceptron of chapter 2,
        $b + w_1x_1 + w_2x_2$, is numpy's `np.sum(w*x) + b`:
    ''', zh=r'''
        方法调用从左到右串联，所以公式可以按顺序读下来。第 2 章的感知机 $b + w_1x_1 + w_2x_2$，在 NumPy 中就是 `np.sum(w*x) + b`：
    ''')
    nb.code('''
        var xin = NDArray.of(0, 1);
        var w = NDArray.of(0.5, 0.5);
        double b = -0.7;
        w.mul(xin).sum() + b          // np.sum(w*x) + b  ->  «-0.2 (up to rounding): the AND gate outputs 0|-0.2（忽略舍入误差）：与门输出 0»
    ''')
    nb.code('''
        var a = NDArray.of(-1.0, 1.0, 2.0);
        System.out.println("exp     " + a.exp());            // np.exp(a)
        System.out.println("max(0,a) " + a.maximum(0));      // np.maximum(0, a): ReLU
        System.out.println("a > 0   " + a.gt(0));            // «a > 0 gives a 1/0 mask (numpy: True/False)|a > 0 得到 1/0 掩码（NumPy 中是 True/False）»
        System.out.println("1/(1+e^-a) " + a.neg().exp().add(1).rdiv(1));   // «sigmoid, read left to right|sigmoid 函数，从左往右读»
        a.map(v -> v * v)                                     // «any Java function, element by element|任意 Java 函数，逐个元素作用»
    ''')

    nb.md(r'''
        ## 1.4 N-dimensional arrays and broadcasting

        A matrix is a 2-D array; `shape()` gives its size per axis.
    ''', zh=r'''
        ## 1.4 N 维数组与广播

        矩阵是二维数组；`shape()` 给出每个轴的大小。
    ''')
    nb.code('''
        var A = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        var B = NDArray.of(new double[][] {{3, 0}, {0, 6}});
        System.out.println("A.shape = " + A.shapeString());
        System.out.println("A + B =\\n" + A.add(B));
        System.out.println("A * B =\\n" + A.mul(B));
        A.mul(10)
    ''')
    nb.md(r'''
        **Broadcasting.** When shapes differ, numpy (and `NDArray`) compare them from the last axis
        backwards; two sizes fit when they are equal or one of them is 1, and a size-1 (or missing)
        axis is *stretched* by repeating it. `A * b` with `A` of shape `(2, 2)` and `b = [10, 20]` of
        shape `(2,)`:

        ```
           A  (2, 2)           b  (2,) -> (1, 2) -> (2, 2)            A * b  (2, 2)
        ┌──────┬──────┐         ┌──────┬──────┐                   ┌──────┬──────┐
        │   1  │   2  │         │  10  │  20  │   the real row     │  10  │  40  │
        ├──────┼──────┤    *    ├╌╌╌╌╌╌┼╌╌╌╌╌╌┤                =  ├──────┼──────┤
        │   3  │   4  │         ┆  10  ┆  20  ┆   a repeated copy  │  30  │  80  │
        └──────┴──────┘         └╌╌╌╌╌╌┴╌╌╌╌╌╌┘   (never stored)   └──────┴──────┘
        ```

        The same rule stretches a column `(3, 1)` and a row `(1, 4)` into a `(3, 4)` table, and adds a
        bias `b` of shape `(50,)` to every row of a batch `x @ W` of shape `(100, 50)`: the line
        `np.dot(x, W1) + b1` in every network of the book.
    ''', zh=r'''
        **广播。** 形状不同时，NumPy（以及 `NDArray`）从最后一个轴开始向前逐个比较；两个大小相等或其中一个为 1 时就能匹配，大小为 1（或缺失）的轴会通过重复被*扩展*。`A` 的形状为 `(2, 2)`，`b = [10, 20]` 的形状为 `(2,)`，计算 `A * b`：

        ```
           A  (2, 2)           b  (2,) -> (1, 2) -> (2, 2)            A * b  (2, 2)
        ┌──────┬──────┐         ┌──────┬──────┐                   ┌──────┬──────┐
        │   1  │   2  │         │  10  │  20  │   真实的一行       │  10  │  40  │
        ├──────┼──────┤    *    ├╌╌╌╌╌╌┼╌╌╌╌╌╌┤                =  ├──────┼──────┤
        │   3  │   4  │         ┆  10  ┆  20  ┆   重复的副本       │  30  │  80  │
        └──────┴──────┘         └╌╌╌╌╌╌┴╌╌╌╌╌╌┘   （从不存储）     └──────┴──────┘
        ```

        同样的规则把一列 `(3, 1)` 和一行 `(1, 4)` 扩展成 `(3, 4)` 的表，也把形状为 `(50,)` 的偏置 `b` 加到形状为 `(100, 50)` 的批 `x @ W` 的每一行上：这正是书中每个神经网络里的那一行 `np.dot(x, W1) + b1`。
    ''')
    nb.code('''
        var b2 = NDArray.of(10, 20);
        System.out.println("A * b =\\n" + A.mul(b2));

        var col = NDArray.of(new double[] {0, 10, 20}, 3, 1);     // shape (3, 1)
        var row = NDArray.of(new double[] {1, 2, 3, 4}, 1, 4);    // shape (1, 4)
        var table = col.add(row);
        System.out.println("(3, 1) + (1, 4) -> " + table.shapeString());
        table
    ''')
    nb.md(r'''
        When the shapes do not fit, you get an error naming the operation and both shapes, never a
        silently wrong answer. This cell is *meant* to fail (`(2, 3)` and `(2,)`: the last axes are 3
        and 2):
    ''', zh=r'''
        形状不匹配时，会得到一个写明运算和两个形状的错误，而绝不会悄悄给出错误的结果。下面这个单元格*故意*会失败（`(2, 3)` 和 `(2,)`：最后一个轴分别是 3 和 2）：
    ''')
    nb.fails('''
        NDArray.ones(2, 3).add(NDArray.of(1, 2))
    ''')

    nb.md(r'''
        ## 1.5 Accessing elements

        `get(i, j)` reads one element, `row(i)` is numpy's `X[i]` (a copy), `rows(int[])` picks rows
        by index (numpy's `X[[0, 2]]`, the book's `x[batch_mask]`), `slice(from, to)` is `X[from:to]`,
        and `ravel()` flattens.
    ''', zh=r'''
        ## 1.5 访问元素

        `get(i, j)` 读取一个元素，`row(i)` 就是 NumPy 的 `X[i]`（一份副本），`rows(int[])` 按索引取出若干行（NumPy 的 `X[[0, 2]]`，书中的 `x[batch_mask]`），`slice(from, to)` 是 `X[from:to]`，`ravel()` 把数组展平。
    ''')
    nb.code('''
        var X = NDArray.of(new double[][] {{51, 55}, {14, 19}, {0, 4}});
        System.out.println("X[0]    = " + X.row(0));
        System.out.println("X[0][1] = " + X.get(0, 1));
        for (int i = 0; i < X.shape(0); i++) {
            System.out.println("row " + i + ": " + X.row(i));
        }
        var flat = X.ravel();                                    // X.flatten()
        System.out.println("flat = " + flat);
        System.out.println("flat[[0, 2, 4]] = " + flat.rows(new int[] {0, 2, 4}));
        var mask = X.gt(15);                                     // X > 15
        System.out.println("X > 15 =\\n" + mask);
        // numpy's X[X > 15]: the elements where the mask is 1, with a plain Java stream
        System.out.println("X[X > 15] = " + Arrays.toString(Arrays.stream(X.data()).filter(v -> v > 15).toArray()));
    ''')
    nb.md(r'''
        `putWhere(mask, v)` is numpy's `x[mask] = v`, **in place**. `maskedFill(mask, v)` is the
        book's `out = x.copy(); out[mask] = v` in one step (PyTorch's `masked_fill`): a new array,
        `x` unchanged; it is how the ReLU layer of chapter 5 zeroes its negative inputs:
    ''', zh=r'''
        `putWhere(mask, v)` 就是 NumPy 的 `x[mask] = v`，**就地**修改。`maskedFill(mask, v)` 一步完成书中的 `out = x.copy(); out[mask] = v`（即 PyTorch 的 `masked_fill`）：返回新数组，`x` 不变；第 5 章的 ReLU 层正是这样把负的输入置为 0 的：
    ''')
    nb.code('''
        var r = NDArray.of(1.0, -0.5, -2.0, 3.0);
        var out = r.maskedFill(r.le(0), 0.0);   // out = x.copy(); out[self.mask] = 0, mask = (x <= 0)
        System.out.println("maskedFill: " + out + "   r unchanged: " + r);
        r.putWhere(r.le(0), 0.0);               // in place: x[mask] = 0
        r
    ''')

    nb.md(r'''
        ## 1.6 Views, copies and in-place updates

        As in numpy, `reshape` shares its data with the original (a *view*), while arithmetic returns a
        new array. Methods ending in `i` (`addi`, `subi`, `muli`, `divi`, `axpyi`) update in place:
        that is how parameters are trained, the book's `params[key] -= lr * grad[key]`.
    ''', zh=r'''
        ## 1.6 视图、副本与就地更新

        和 NumPy 一样，`reshape` 与原数组共享数据（一个*视图*），而算术运算返回新数组。以 `i` 结尾的方法（`addi`、`subi`、`muli`、`divi`、`axpyi`）就地更新：参数就是这样训练的，即书中的 `params[key] -= lr * grad[key]`。
    ''')
    nb.code('''
        var v = NDArray.arange(6);
        var m23 = v.reshape(2, 3);          // «a view of the same six numbers|同样六个数的视图»
        m23.set(100, 0, 0);                 // «changes v too|v 也随之改变»
        System.out.println("v   = " + v);
        System.out.println("m23 =\\n" + m23);
        System.out.println("m23.T() =\\n" + m23.T());
        System.out.println("reshape(-1, 2) -> " + v.reshape(-1, 2).shapeString());

        var W = NDArray.ones(2, 2);
        var grad = NDArray.of(new double[][] {{1, 2}, {3, 4}});
        W.axpyi(-0.1, grad);                // «W -= 0.1 * grad, with no temporary array|W -= 0.1 * grad，不产生临时数组»
        W
    ''')

    nb.md(r'''
        ## 1.7 Reductions

        `sum()`, `mean()`, `max()`, `argmax()` reduce the whole array to a number; with an `axis`
        they reduce one axis (`axis 0`: down the columns, `axis 1`: along each row). Chapter 3's
        accuracy is `np.sum(np.argmax(y, axis=1) == t) / N`.
    ''', zh=r'''
        ## 1.7 归约运算

        `sum()`、`mean()`、`max()`、`argmax()` 把整个数组归约为一个数；指定 `axis` 时只归约一个轴（`axis 0`：沿列向下，`axis 1`：沿每一行）。第 3 章的识别精度就是 `np.sum(np.argmax(y, axis=1) == t) / N`。
    ''')
    nb.code('''
        var y = NDArray.of(new double[][] {
            {0.1, 0.8, 0.1},
            {0.3, 0.1, 0.6},
            {0.2, 0.5, 0.3},
            {0.8, 0.1, 0.1}});
        var t = NDArray.of(1, 2, 1, 0);
        System.out.println("sum over axis 0: " + y.sum(0));
        System.out.println("max over axis 1: " + y.max(1));
        var predicted = y.argmax(1);                 // np.argmax(y, axis=1)
        System.out.println("argmax(axis=1):  " + predicted);
        System.out.println("predicted == t:  " + predicted.eq(t));
        predicted.eq(t).sum() / t.size()              // «accuracy: 4 of 4 right|识别精度：4 个全对»
    ''')

    nb.md(r'''
        ## 1.8 The matrix product

        `dot` (alias `matmul`) is `np.dot`: for 2-D arrays the inner dimensions must agree,
        $(m, k) \cdot (k, n) \to (m, n)$. A 1-D array on the left acts as a row vector. This is the
        book's "matrix product of a neural network": inputs $x = (1, 2)$, weights of shape `(2, 3)`,
        three outputs $y = xW$.
    ''', zh=r'''
        ## 1.8 矩阵乘积

        `dot`（别名 `matmul`）就是 `np.dot`：对二维数组，相乘的两个内侧维数必须一致，$(m, k) \cdot (k, n) \to (m, n)$。左边是一维数组时，它被当作行向量。这就是书中的“神经网络的内积”：输入 $x = (1, 2)$，形状为 `(2, 3)` 的权重，三个输出 $y = xW$。
    ''')
    nb.code('''
        var A23 = NDArray.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        var B32 = NDArray.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        System.out.println("(2, 3) . (3, 2) =\\n" + A23.dot(B32));

        var xv = NDArray.of(1, 2);
        var Wn = NDArray.of(new double[][] {{1, 3, 5}, {2, 4, 6}});
        System.out.println("x " + xv.shapeString() + " . W " + Wn.shapeString() + " = y " + xv.dot(Wn).shapeString());
        xv.dot(Wn)                     // [5, 11, 17]
    ''')
    nb.md(r'''
        A product whose inner dimensions differ fails with both shapes named: the mistake you will
        make most often when wiring a network (this cell is meant to fail):
    ''', zh=r'''
        内侧维数不一致的乘积会失败，并给出两个形状：这是搭建网络时最常犯的错误（这个单元格故意会失败）：
    ''')
    nb.fails('''
        NDArray.zeros(100, 784).dot(NDArray.zeros(50, 10))
    ''')
    nb.md(r'''
        `tdot` and `dott` compute $A^\top B$ and $A B^\top$ without copying a transpose: chapter 5's
        Affine layer uses them for $\partial L/\partial W = x^\top \cdot \partial L/\partial y$ and
        $\partial L/\partial x = \partial L/\partial y \cdot W^\top$. Products run on the machine's
        BLAS when it has one, else on the kit's own multi-threaded Java kernel:
    ''', zh=r'''
        `tdot` 和 `dott` 计算 $A^\top B$ 和 $A B^\top$，而不复制出转置：第 5 章的 Affine 层用它们计算 $\partial L/\partial W = x^\top \cdot \partial L/\partial y$ 和 $\partial L/\partial x = \partial L/\partial y \cdot W^\top$。机器上有 BLAS 时，矩阵乘积在 BLAS 上运行，否则在本课程自带的多线程 Java 内核上运行：
    ''')
    nb.code('''
        var xb = NDArray.randn(100, 784);
        var W1 = NDArray.randn(784, 50);
        System.out.println("matmul backend: " + Gemm.backend());
        System.out.println("x.T @ x via tdot: " + xb.tdot(xb).shapeString() + ", same as x.T().dot(x): "
                + xb.tdot(xb).allclose(xb.T().dot(xb)));
        for (int i = 0; i < 50; i++) xb.dot(W1);            // «warm up (the JIT compiles hot code first)|预热（JIT 先编译热点代码）»
        long t0 = System.nanoTime();
        int calls = 200;
        for (int i = 0; i < calls; i++) xb.dot(W1);
        System.out.println(String.format("(100, 784) . (784, 50): %.1f µs per product", (System.nanoTime() - t0) / 1e3 / calls));
    ''')

    nb.md(r'''
        ## 1.9 Random numbers and mini-batches

        `Rng.seed(s)` is `np.random.seed(s)`: it makes `NDArray.randn`/`rand` (and everything in the
        library that draws from the global generator) repeatable. A `new Rng(seed)` is an independent
        generator. `choice(n, size)` is `np.random.choice(n, size)`, the book's mini-batch sampling:
    ''', zh=r'''
        ## 1.9 随机数与 mini-batch

        `Rng.seed(s)` 就是 `np.random.seed(s)`：它让 `NDArray.randn`/`rand`（以及库中所有从全局生成器取随机数的地方）可以重现。`new Rng(seed)` 是一个独立的生成器。`choice(n, size)` 就是 `np.random.choice(n, size)`，即书中抽取 mini-batch 的方法：
    ''')
    nb.code('''
        Rng.seed(42);
        System.out.println(NDArray.randn(2, 3));            // np.random.randn(2, 3)
        var rng = new Rng(0);
        int trainSize = 60000, batchSize = 10;
        int[] batchMask = rng.choice(trainSize, batchSize);    // np.random.choice(train_size, batch_size)
        System.out.println("batch_mask = " + Arrays.toString(batchMask));
        var xTrain = NDArray.arange(20).reshape(10, 2);        // «10 samples of 2 features|10 个样本，每个 2 个特征»
        xTrain.rows(new int[] {7, 0, 3})                       // x_train[batch_mask]
    ''')

    nb.md(r'''
        ## 1.10 A first plot

        The book draws $\sin$ and $\cos$ with matplotlib. Here a cell that ends with an
        [XChart](https://knowm.org/open-source/xchart/) chart shows it inline as a picture (it is
        painted off-screen; no window opens). Later notebooks use the kit's ready-made charts in
        `dlfs.plot`, which build on the same XChart calls.
    ''', zh=r'''
        ## 1.10 第一张图

        书中用 Matplotlib 画出 $\sin$ 和 $\cos$。这里，以一个 [XChart](https://knowm.org/open-source/xchart/) 图表结尾的单元格会把它作为图片直接显示在单元格下方（在后台绘制，不会打开窗口）。后面的笔记本使用本课程 `dlfs.plot` 中现成的图表，它们基于同样的 XChart 调用。
    ''')
    nb.plot('''
        import org.knowm.xchart.*;
        import org.knowm.xchart.style.lines.SeriesLines;
        import org.knowm.xchart.style.markers.SeriesMarkers;

        var xs = NDArray.arange(0, 6, 0.1);                 // x = np.arange(0, 6, 0.1)
        var chart = new XYChartBuilder().width(600).height(380)
                .title("sin & cos").xAxisTitle("x").yAxisTitle("y").build();
        var sin = chart.addSeries("sin", xs.toArray(), xs.map(Math::sin).toArray());
        var cos = chart.addSeries("cos", xs.toArray(), xs.map(Math::cos).toArray());
        sin.setMarker(SeriesMarkers.NONE);
        cos.setMarker(SeriesMarkers.NONE);
        cos.setLineStyle(SeriesLines.DASH_DASH);            // linestyle = "--"
        chart
    ''')

    nb.md(r'''
        ## 1.11 An image is an array

        The book shows a picture with `imshow`. A grayscale image is just a 2-D array of
        brightness values; here is the first training digit of MNIST, reshaped from its 784 pixels
        to `(28, 28)` and painted pixel by pixel into a Java `BufferedImage` (a cell ending in an image
        shows it, enlarged). The kit loads full MNIST when it is in `data/mnist/`, else the 10,000
        real MNIST digits it ships (see `data/README.md`).
    ''', zh=r'''
        ## 1.11 图像就是数组

        书中用 `imshow` 显示图像。灰度图像就是一个由亮度值组成的二维数组；这里是 MNIST 的第一张训练数字图像：把它的 784 个像素变形为 `(28, 28)`，再逐像素画进一个 Java `BufferedImage`（以图像结尾的单元格会把它放大显示）。`data/mnist/` 中有完整的 MNIST 时，课程会加载完整数据集，否则加载课程自带的 10,000 张真实 MNIST 数字图像（见 `data/README.md`）。
    ''')
    nb.plot('''
        import dlfs.data.*;
        import java.awt.image.BufferedImage;

        var mnist = Datasets.mnist();                     // «normalized to [0, 1], flattened to 784|正规化到 [0, 1]，展平为 784»
        var digit = mnist.xTrain().row(0).reshape(28, 28);
        System.out.println("«label|标签» " + (int) mnist.tTrain().get(0) + ", «image shape|图像形状» " + digit.shapeString());
        var img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 28; i++)
            for (int j = 0; j < 28; j++) {
                int g = (int) Math.round(255 * digit.get(i, j));
                img.setRGB(j, i, (g << 16) | (g << 8) | g);
            }
        img
    ''')

    nb.md(r'''
        ## 1.12 numpy → `NDArray`, as the seeds use it

        | numpy (seeds) | Java (`dlfs.nd`) |
        |---|---|
        | `np.array([1.0, 2.0])`, `np.array([[1, 2], [3, 4]])` | `NDArray.of(1.0, 2.0)`, `NDArray.of(new double[][] {{1, 2}, {3, 4}})` |
        | `np.zeros((2, 3))`, `np.zeros_like(x)`, `np.arange(-5, 5, 0.1)` | `NDArray.zeros(2, 3)`, `NDArray.zerosLike(x)`, `NDArray.arange(-5, 5, 0.1)` |
        | `x.shape`, `x.ndim`, `x.size`, `x.shape[0]` | `x.shape()` / `x.shapeString()`, `x.ndim()`, `x.size()`, `x.shape(0)` |
        | `x + y`, `x * 2`, `1 / x` | `x.add(y)`, `x.mul(2)`, `x.rdiv(1)` |
        | `np.sum(w*x) + b` | `w.mul(x).sum() + b` |
        | `np.exp(x)`, `np.log(y + 1e-7)`, `np.maximum(0, x)` | `x.exp()`, `y.add(1e-7).log()`, `x.maximum(0)` |
        | `(x > 0).astype(np.int)` | `x.gt(0)` (already 1/0) |
        | `np.max(a)`, `np.sum(y, axis=0)` | `a.max()`, `y.sum(0)` |
        | `np.argmax(y, axis=1)`, `np.sum(y == t)` | `y.argmax(1)`, `y.eq(t).sum()` |
        | `np.dot(x, W) + b` | `x.dot(W).add(b)` |
        | `x.T`, `np.dot(x.T, dout)`, `np.dot(dout, W.T)` | `x.T()`, `x.tdot(dout)`, `dout.dott(W)` |
        | `x.reshape(1, x.size)`, `x.flatten()` | `x.reshape(1, x.size())`, `x.ravel()` |
        | `x[mask] = 0` | `x.putWhere(mask, 0)` |
        | `out = x.copy(); out[mask] = 0` | `x.maskedFill(mask, 0)` |
        | `np.random.seed(0)`, `np.random.randn(2, 3)` | `Rng.seed(0)`, `NDArray.randn(2, 3)` |
        | `np.random.choice(n, k)`, `x[batch_mask]` | `rng.choice(n, k)` (an `int[]`), `x.rows(batchMask)` |
        | `x[i]`, `x[:3]`, `x[i, j]` | `x.row(i)`, `x.slice(0, 3)`, `x.get(i, j)` |
        | `params[key] -= lr * grad[key]` | `params.get(key).axpyi(-lr, grads.get(key))` |
        | `np.average(np.abs(a - b))` | `a.sub(b).abs().mean()` |

        The full list is in the Javadoc of `dlfs.nd.NDArray`.
    ''', zh=r'''
        ## 1.12 NumPy → `NDArray`：种子代码中的用法

        | numpy（种子代码） | Java（`dlfs.nd`） |
        |---|---|
        | `np.array([1.0, 2.0])`, `np.array([[1, 2], [3, 4]])` | `NDArray.of(1.0, 2.0)`, `NDArray.of(new double[][] {{1, 2}, {3, 4}})` |
        | `np.zeros((2, 3))`, `np.zeros_like(x)`, `np.arange(-5, 5, 0.1)` | `NDArray.zeros(2, 3)`, `NDArray.zerosLike(x)`, `NDArray.arange(-5, 5, 0.1)` |
        | `x.shape`, `x.ndim`, `x.size`, `x.shape[0]` | `x.shape()` / `x.shapeString()`, `x.ndim()`, `x.size()`, `x.shape(0)` |
        | `x + y`, `x * 2`, `1 / x` | `x.add(y)`, `x.mul(2)`, `x.rdiv(1)` |
        | `np.sum(w*x) + b` | `w.mul(x).sum() + b` |
        | `np.exp(x)`, `np.log(y + 1e-7)`, `np.maximum(0, x)` | `x.exp()`, `y.add(1e-7).log()`, `x.maximum(0)` |
        | `(x > 0).astype(np.int)` | `x.gt(0)`（已经是 1/0） |
        | `np.max(a)`, `np.sum(y, axis=0)` | `a.max()`, `y.sum(0)` |
        | `np.argmax(y, axis=1)`, `np.sum(y == t)` | `y.argmax(1)`, `y.eq(t).sum()` |
        | `np.dot(x, W) + b` | `x.dot(W).add(b)` |
        | `x.T`, `np.dot(x.T, dout)`, `np.dot(dout, W.T)` | `x.T()`, `x.tdot(dout)`, `dout.dott(W)` |
        | `x.reshape(1, x.size)`, `x.flatten()` | `x.reshape(1, x.size())`, `x.ravel()` |
        | `x[mask] = 0` | `x.putWhere(mask, 0)` |
        | `out = x.copy(); out[mask] = 0` | `x.maskedFill(mask, 0)` |
        | `np.random.seed(0)`, `np.random.randn(2, 3)` | `Rng.seed(0)`, `NDArray.randn(2, 3)` |
        | `np.random.choice(n, k)`, `x[batch_mask]` | `rng.choice(n, k)`（一个 `int[]`）, `x.rows(batchMask)` |
        | `x[i]`, `x[:3]`, `x[i, j]` | `x.row(i)`, `x.slice(0, 3)`, `x.get(i, j)` |
        | `params[key] -= lr * grad[key]` | `params.get(key).axpyi(-lr, grads.get(key))` |
        | `np.average(np.abs(a - b))` | `a.sub(b).abs().mean()` |

        完整的方法列表见 `dlfs.nd.NDArray` 的 Javadoc。
    ''')

    nb.exercises("chapter 1",
                 "numpy's broadcasting rule written by hand (the shape two arrays broadcast to, or an error naming "
                 "both, and an elementwise add that broadcasts) and the reductions along an axis (sum, mean, max, "
                 "argmax, with keepdims as numpy has it); the tests check the book's section 1.5.5 numbers and "
                 "compare with `NDArray` on seeded arrays of one to four dimensions.",
                 ("ch1.Broadcasting", "ch1.Reductions"),
                 zh=("第1章", "手写 NumPy 的广播规则（求两个数组广播后的形状，不匹配时给出写明两个形状的错误；以及带广播的"
                     "对应元素加法），以及沿某个轴的归约运算（sum、mean、max、argmax，keepdims 的行为与 NumPy 一致）；"
                     "测试会检查书中 1.5.5 节的数值，并在设定了种子的一到四维数组上与 `NDArray` 的结果比较。"))
    nb.md(r'''
        ## What you saw

        - A Java cell is JShell: `var`, statements and classes on their own; its last expression is shown.
        - `NDArray` is numpy's array: `of`, `zeros`, `arange`, `randn`; `shape()`; `add`/`mul`/... elementwise.
        - Broadcasting stretches size-1 axes; `(2, 3)` with `(2,)` fails with both shapes named.
        - `reshape` is a view, arithmetic makes new arrays, `...i` methods update in place.
        - `sum`/`max`/`argmax` with an axis; `dot` for $(m,k)\cdot(k,n)$, with `tdot`/`dott` for transposes.
        - `Rng.seed` and `choice` + `rows` give the book's random mini-batches.
        - A chart or an image as a cell's last expression is drawn inline.
    ''', zh=r'''
        ## 本章小结

        - Java 单元格就是 JShell：`var`、语句和类可以直接写；最后一个表达式的值会显示出来。
        - `NDArray` 就是 NumPy 的数组：`of`、`zeros`、`arange`、`randn`；`shape()`；`add`/`mul`/... 按对应元素运算。
        - 广播会扩展大小为 1 的轴；`(2, 3)` 与 `(2,)` 运算会失败，错误信息写明两个形状。
        - `reshape` 返回视图，算术运算生成新数组，`...i` 方法就地更新。
        - 带轴的 `sum`/`max`/`argmax`；`dot` 计算 $(m,k)\cdot(k,n)$，`tdot`/`dott` 用于带转置的乘积。
        - `Rng.seed` 以及 `choice` + `rows` 实现书中随机抽取的 mini-batch。
        - 图表或图像作为单元格的最后一个表达式时，会直接显示在单元格下方。
    ''')
    return nb
