"""02-perceptron: perceptrons, logic gates, why XOR needs two layers (seed 001, chapter 2)."""

from nbgen import Notebook


def build():
    nb = Notebook("02-perceptron")
    nb.md(r'''
        # 2. Perceptrons

        *A perceptron takes several input signals and outputs one signal.* It is the ancestor of the
        neural network: with the right **weights** it computes AND, NAND and OR, and — stacked in two
        layers — XOR, which no single perceptron can. In this notebook:

        1. the perceptron's formula, with a threshold $\theta$ and then with a bias $b$;
        2. the AND, NAND and OR gates with the seed's parameters, and their truth tables;
        3. each gate's **decision boundary**: the straight line a perceptron draws;
        4. why XOR is not linearly separable, and the two-layer perceptron that computes it.

        Who does what in machine learning (the seed's first question): the *machine* finds suitable
        parameter values; the *human* designs the model (here, the perceptron's structure) and gives it
        the training data. In this chapter we still pick the weights by hand; from chapter 4 on, the
        machine learns them.
    ''', zh=r'''
        # 2. 感知机

        *感知机接收多个输入信号，输出一个信号。* 它是神经网络的起源：只要设定合适的**权重**，它就能实现与门、与非门和或门；而叠加成两层之后，还能实现单个感知机无法实现的异或门。本笔记本的内容：

        1. 感知机的公式，先用阈值 $\theta$ 表示，再用偏置 $b$ 表示；
        2. 用种子笔记中的参数实现与门、与非门和或门，以及它们的真值表；
        3. 每个门的**决策边界**：感知机画出的那条直线；
        4. 为什么异或门不是线性可分的，以及实现它的两层感知机。

        机器学习中人和机器各自的任务（种子笔记的第一个问题）：*机器*的任务是决定合适的参数值；*人*的任务是思考模型（这里是感知机的构造），并把训练数据交给计算机。本章我们仍然手动选择权重；从第 4 章开始，由机器来学习权重。
    ''')

    nb.md(r'''
        ## 2.1 The formula

        Inputs $x_1, x_2$ are multiplied by weights $w_1, w_2$; the neuron **fires** (outputs 1) when
        the weighted sum exceeds a threshold $\theta$:

        $$
        y=\begin{cases}0 & (w_1x_1+w_2x_2\le\theta)\\ 1 & (w_1x_1+w_2x_2>\theta)\end{cases}
        $$

        A larger weight makes its signal matter more. Moving $\theta$ to the left side as a **bias**
        $b=-\theta$ gives the form the rest of the book uses:

        $$
        y=\begin{cases}0 & (b+w_1x_1+w_2x_2\le 0)\\ 1 & (b+w_1x_1+w_2x_2>0)\end{cases}
        $$

        The weights control how important each input is; the bias controls how easily the neuron
        fires. The seed's first AND gate is written with a threshold, $(w_1, w_2, \theta) = (0.5, 0.5, 0.7)$:
    ''', zh=r'''
        ## 2.1 感知机的公式

        输入 $x_1, x_2$ 被分别乘以权重 $w_1, w_2$；当加权和超过阈值 $\theta$ 时，神经元被**激活**（输出 1）：

        $$
        y=\begin{cases}0 & (w_1x_1+w_2x_2\le\theta)\\ 1 & (w_1x_1+w_2x_2>\theta)\end{cases}
        $$

        权重越大，对应信号的重要性就越高。把 $\theta$ 移到左边，写成**偏置** $b=-\theta$，就得到本书后面一直使用的形式：

        $$
        y=\begin{cases}0 & (b+w_1x_1+w_2x_2\le 0)\\ 1 & (b+w_1x_1+w_2x_2>0)\end{cases}
        $$

        权重控制各个输入信号的重要性；偏置调整神经元被激活的容易程度。种子笔记中的第一个与门用阈值表示，$(w_1, w_2, \theta) = (0.5, 0.5, 0.7)$：
    ''')
    nb.code('''
        // «The seed's "simple implementation": a threshold, no arrays|种子笔记中的“简易实现”：用阈值，不用数组»
        int AND(int x1, int x2) {
            double w1 = 0.5, w2 = 0.5, theta = 0.7;
            double tmp = x1 * w1 + x2 * w2;
            return tmp <= theta ? 0 : 1;
        }
        System.out.println("AND(0, 0) = " + AND(0, 0));
        System.out.println("AND(1, 0) = " + AND(1, 0));
        System.out.println("AND(0, 1) = " + AND(0, 1));
        System.out.println("AND(1, 1) = " + AND(1, 1));
    ''')
    nb.md(r'''
        With arrays and a bias (the seed's "numpy implementation"): $w = (0.5, 0.5)$, $b = -0.7$,
        and the sum $\sum_i w_i x_i + b$ is `w.mul(x).sum() + b`:
    ''', zh=r'''
        使用数组和偏置的实现（种子笔记中的“numpy实现”）：$w = (0.5, 0.5)$，$b = -0.7$，加权和 $\sum_i w_i x_i + b$ 就是 `w.mul(x).sum() + b`：
    ''')
    nb.code('''
        import dlfs.nd.*;

        int ANDb(int x1, int x2) {
            var x = NDArray.of(x1, x2);
            var w = NDArray.of(0.5, 0.5);   // «weights|权重»
            double b = -0.7;                // «bias|偏置»
            double tmp = w.mul(x).sum() + b;
            return tmp <= 0 ? 0 : 1;
        }
        for (int[] in : new int[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}})
            System.out.println(in[0] + " " + in[1] + " -> " + ANDb(in[0], in[1]));
    ''')

    nb.md(r'''
        ## 2.2 AND, NAND and OR: same perceptron, different parameters

        The library's `dlfs.perceptron.Perceptron` is the record $(w_1, w_2, b)$ with `fire(x1, x2)`;
        `LogicGates` holds the seed's three gates. **Only the weights and the bias differ:**

        | gate | $w_1$ | $w_2$ | $b$ | fires when |
        |---|---|---|---|---|
        | AND  | 0.5  | 0.5  | −0.7 | both inputs are 1 |
        | NAND | −0.5 | −0.5 | 0.7  | not both inputs are 1 |
        | OR   | 0.5  | 0.5  | −0.2 | at least one input is 1 |

        (The seed's text gives AND as $(0.5, 0.5, \theta = 0.8)$ and its code $\theta = 0.7$: both are
        right. Any $\theta$ with $0.5 \le \theta < 1$ separates $(1,1)$, whose sum is 1, from the
        rest, whose sums are at most 0.5. The same freedom holds for every gate: infinitely many
        parameter choices give the same truth table.)
    ''', zh=r'''
        ## 2.2 与门、与非门和或门：同一个感知机，不同的参数

        库中的 `dlfs.perceptron.Perceptron` 是一个记录 $(w_1, w_2, b)$，带有方法 `fire(x1, x2)`；`LogicGates` 中是种子笔记里的三个门。**只有权重和偏置不同：**

        | 门 | $w_1$ | $w_2$ | $b$ | 何时输出 1 |
        |---|---|---|---|---|
        | 与门（AND）  | 0.5  | 0.5  | −0.7 | 两个输入都为 1 |
        | 与非门（NAND） | −0.5 | −0.5 | 0.7  | 两个输入不同时为 1 |
        | 或门（OR）   | 0.5  | 0.5  | −0.2 | 至少一个输入为 1 |

        （种子笔记的正文给出的与门参数是 $(0.5, 0.5, \theta = 0.8)$，代码里却是 $\theta = 0.7$：两者都对。任何满足 $0.5 \le \theta < 1$ 的 $\theta$ 都能把和为 1 的 $(1,1)$ 与其余三个点（和至多为 0.5）分开。每个门都有同样的自由度：有无数组参数能给出同一张真值表。）
    ''')
    nb.code('''
        import dlfs.perceptron.*;
        import dlfs.plot.*;

        System.out.println("AND  = " + LogicGates.AND);
        System.out.println("NAND = " + LogicGates.NAND);
        System.out.println("OR   = " + LogicGates.OR);
        display(Tables.truthTable("AND", LogicGates.AND.truthTable()));
        display(Tables.truthTable("NAND", LogicGates.NAND.truthTable()));
        Tables.truthTable("OR", LogicGates.OR.truthTable())
    ''')

    nb.md(r'''
        ## 2.3 What a perceptron draws: a straight line

        The perceptron outputs 1 on one side of the line $b + w_1x_1 + w_2x_2 = 0$ and 0 on the other.
        For OR, $-0.2 + 0.5x_1 + 0.5x_2 = 0$, i.e. $x_2 = 0.4 - x_1$: the point $(0, 0)$ lies below it
        (output 0), the other three above (output 1). Below, the shaded regions are the perceptron's
        output over the whole plane, the dark line is its boundary, and the four inputs are marked
        ● (output 1) and ▲ (output 0).
    ''', zh=r'''
        ## 2.3 感知机画出的是一条直线

        感知机在直线 $b + w_1x_1 + w_2x_2 = 0$ 的一侧输出 1，另一侧输出 0。对于或门，$-0.2 + 0.5x_1 + 0.5x_2 = 0$，即 $x_2 = 0.4 - x_1$：点 $(0, 0)$ 在直线下方（输出 0），其余三个点在上方（输出 1）。下图中，着色区域是感知机在整个平面上的输出，深色线是它的边界，四个输入点用 ●（输出 1）和 ▲（输出 0）标出。
    ''')
    nb.plot('''
        var panels = List.of(
            Plots.decisionBoundary(LogicGates.AND::fire, "«AND|与门»: -0.7 + 0.5 x1 + 0.5 x2 > 0"),
            Plots.decisionBoundary(LogicGates.NAND::fire, "«NAND|与非门»: 0.7 - 0.5 x1 - 0.5 x2 > 0"),
            Plots.decisionBoundary(LogicGates.OR::fire, "«OR|或门»: -0.2 + 0.5 x1 + 0.5 x2 > 0"));
        Charts.grid(panels, 3, 400, 400)
    ''')

    nb.md(r'''
        ## 2.4 XOR: one line is not enough

        XOR (exclusive or) outputs 1 when exactly one input is 1:

        | $x_1$ | $x_2$ | $y$ |
        |---|---|---|
        | 0 | 0 | 0 |
        | 1 | 0 | 1 |
        | 0 | 1 | 1 |
        | 1 | 1 | 0 |

        The points $(1,0)$ and $(0,1)$ must be on one side of the line, $(0,0)$ and $(1,1)$ on the
        other: no straight line does that. XOR is **not linearly separable**, so no choice of
        $(w_1, w_2, b)$ makes a single perceptron compute it. We can check this by brute force: try
        every $(w_1, w_2, b)$ on a grid from −1 to 1 in steps of 0.05 (68,921 perceptrons) and count
        how many compute each gate.
    ''', zh=r'''
        ## 2.4 异或门：一条直线不够

        异或门（exclusive or）仅当两个输入中恰好有一个为 1 时才输出 1：

        | $x_1$ | $x_2$ | $y$ |
        |---|---|---|
        | 0 | 0 | 0 |
        | 1 | 0 | 1 |
        | 0 | 1 | 1 |
        | 1 | 1 | 0 |

        点 $(1,0)$ 和 $(0,1)$ 必须在直线的一侧，$(0,0)$ 和 $(1,1)$ 在另一侧：没有哪条直线能做到。异或门**不是线性可分的**，所以无论怎样选择 $(w_1, w_2, b)$，单个感知机都无法实现它。我们可以用穷举来验证：在从 −1 到 1、步长 0.05 的网格上尝试所有 $(w_1, w_2, b)$（共 68,921 个感知机），数一数有多少个能实现各个门。
    ''')
    nb.code('''
        var targets = new LinkedHashMap<String, int[]>();
        targets.put("AND",  new int[] {0, 0, 0, 1});    // «outputs for (0,0), (1,0), (0,1), (1,1)|(0,0)、(1,0)、(0,1)、(1,1) 时的输出»
        targets.put("NAND", new int[] {1, 1, 1, 0});
        targets.put("OR",   new int[] {0, 1, 1, 1});
        targets.put("XOR",  new int[] {0, 1, 1, 0});
        int[][] inputs = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        var found = new LinkedHashMap<String, Integer>();
        targets.keySet().forEach(k -> found.put(k, 0));
        int tried = 0;
        for (int i = -20; i <= 20; i++)
            for (int j = -20; j <= 20; j++)
                for (int k = -20; k <= 20; k++) {
                    var p = new Perceptron(i * 0.05, j * 0.05, k * 0.05);
                    tried++;
                    for (var e : targets.entrySet()) {
                        boolean all = true;
                        for (int n = 0; n < 4; n++)
                            all &= p.fire(inputs[n][0], inputs[n][1]) == e.getValue()[n];
                        if (all) found.merge(e.getKey(), 1, Integer::sum);
                    }
                }
        System.out.println(tried + " «single perceptrons tried; how many compute each gate:|个单层感知机已尝试；能实现各个门的个数：»");
        found
    ''')

    nb.md(r'''
        ## 2.5 XOR as a two-layer perceptron

        A curve could separate XOR's points, and **stacking perceptrons** gives one. Combine the gates
        we have: $s_1 = \mathrm{NAND}(x_1, x_2)$, $s_2 = \mathrm{OR}(x_1, x_2)$, then
        $y = \mathrm{AND}(s_1, s_2)$:

        ```
        x1 ──┬──► NAND ──► s1 ──┐
             │                  ├──► AND ──► y
        x2 ──┴──► OR   ──► s2 ──┘
        ```

        This is a **multi-layer perceptron** (layer 0: the inputs, layer 1: $s_1, s_2$, layer 2: $y$),
        the first step towards a neural network.
    ''', zh=r'''
        ## 2.5 用两层感知机实现异或门

        曲线可以把异或门的点分开，而**叠加感知机**就能得到这样的曲线。组合已有的门：$s_1 = \mathrm{NAND}(x_1, x_2)$，$s_2 = \mathrm{OR}(x_1, x_2)$，然后 $y = \mathrm{AND}(s_1, s_2)$：

        ```
        x1 ──┬──► NAND ──► s1 ──┐
             │                  ├──► AND ──► y
        x2 ──┴──► OR   ──► s2 ──┘
        ```

        这就是**多层感知机**（第 0 层：输入，第 1 层：$s_1, s_2$，第 2 层：$y$），是走向神经网络的第一步。
    ''')
    nb.code('''
        int XOR(int x1, int x2) {
            int s1 = LogicGates.nand(x1, x2);
            int s2 = LogicGates.or(x1, x2);
            return LogicGates.and(s1, s2);
        }
        System.out.println("XOR(1, 0) = " + XOR(1, 0) + ", XOR(1, 1) = " + XOR(1, 1));
        // «the seed's table, with the hidden layer's outputs s1 and s2 (LogicGates.xorTable())|种子笔记中的真值表，含隐藏层的输出 s1 和 s2（LogicGates.xorTable()）»
        Tables.ofRows(new String[] {"x1", "x2", "s1", "s2", "y"}, LogicGates.xorTable())
    ''')
    nb.md(r'''
        Each layer-1 perceptron still draws a straight line, but the AND of their two half-planes is a
        **band** between two parallel lines: exactly the region where XOR is 1. The boundary of the
        two-layer perceptron is no longer one straight line:
    ''', zh=r'''
        第 1 层的每个感知机画出的仍然是一条直线，但它们两个半平面的“与”是两条平行线之间的一条**带状区域**：正好是异或门输出 1 的区域。两层感知机的边界不再是一条直线：
    ''')
    nb.plot('''
        var xorBoundary = Plots.decisionBoundary(
            (x1, x2) -> LogicGates.AND.fire(LogicGates.NAND.fire(x1, x2), LogicGates.OR.fire(x1, x2)),
            "«XOR|异或门» = AND(NAND(x1, x2), OR(x1, x2))");
        var onlyNand = Plots.decisionBoundary(LogicGates.NAND::fire, "«layer 1|第 1 层»: s1 = NAND");
        var onlyOr = Plots.decisionBoundary(LogicGates.OR::fire, "«layer 1|第 1 层»: s2 = OR");
        Charts.grid(List.of(onlyNand, onlyOr, xorBoundary), 3, 400, 400)
    ''')

    nb.md(r'''
        ## 2.6 How far stacking goes

        NAND alone is enough to build any logic circuit, so perceptrons can in principle build a
        computer: first AND and OR gates, then half and full adders, an arithmetic logic unit (ALU),
        and finally a CPU. A two-layer perceptron can already represent any function in theory (with
        sigmoid activations, as chapter 3 introduces); in practice deep stacks of simple layers are
        how networks learn complicated functions. What we still lack is a way to **find the weights
        automatically**: chapters 3–5.
    ''', zh=r'''
        ## 2.6 叠加能走多远：从与非门到计算机

        仅用与非门就可以搭建任何逻辑电路，所以理论上用感知机可以制作计算机：先实现与门和或门，然后实现半加器和全加器，接着实现算数逻辑单元（ALU），最后实现 CPU。理论上，两层感知机已经可以表示任意函数（激活函数用 sigmoid 函数，第 3 章会介绍）；实践中，神经网络正是通过深层叠加简单的层来学习复杂函数的。我们还缺少的，是**自动找出权重**的方法：这是第 3～5 章的内容。
    ''')
    nb.exercises("chapter 2", "implement the AND, NAND and OR perceptrons and XOR as their two-layer "
                 "composition; the tests check every row of each truth table.",
                 ("ch2.Gates",),
                 zh=("第2章", "实现与门、与非门和或门的感知机，以及由它们组合而成的两层异或门；测试会检查每张真值表的每一行。"))
    nb.md(r'''
        ## What you saw

        - A perceptron fires when $b + w_1x_1 + w_2x_2 > 0$; weights weigh inputs, the bias sets how
          easily it fires ($b = -\theta$).
        - AND, NAND and OR are the same perceptron with different $(w_1, w_2, b)$: (0.5, 0.5, −0.7),
          (−0.5, −0.5, 0.7), (0.5, 0.5, −0.2).
        - A single perceptron's decision boundary is a straight line; a brute-force search finds
          thousands of AND, NAND and OR perceptrons and **no** XOR.
        - Two layers, $y = \mathrm{AND}(\mathrm{NAND}(x_1, x_2), \mathrm{OR}(x_1, x_2))$, compute XOR:
          their region is a band, not a half-plane.
    ''', zh=r'''
        ## 本章小结

        - 当 $b + w_1x_1 + w_2x_2 > 0$ 时感知机被激活；权重衡量各输入的重要性，偏置决定神经元被激活的容易程度（$b = -\theta$）。
        - 与门、与非门和或门是同一个感知机，只是 $(w_1, w_2, b)$ 不同：(0.5, 0.5, −0.7)、(−0.5, −0.5, 0.7)、(0.5, 0.5, −0.2)。
        - 单个感知机的决策边界是一条直线；穷举搜索找到了成千上万个与门、与非门和或门感知机，却**没有**一个异或门。
        - 两层感知机 $y = \mathrm{AND}(\mathrm{NAND}(x_1, x_2), \mathrm{OR}(x_1, x_2))$ 能实现异或门：它的区域是一条带，而不是一个半平面。
    ''')
    return nb
