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
    ''')
    nb.code('''
        // The seed's "simple implementation": a threshold, no arrays
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
    ''')
    nb.code('''
        import dlfs.nd.*;

        int ANDb(int x1, int x2) {
            var x = NDArray.of(x1, x2);
            var w = NDArray.of(0.5, 0.5);   // weights
            double b = -0.7;                // bias
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
    ''')
    nb.plot('''
        var panels = List.of(
            Plots.decisionBoundary(LogicGates.AND::fire, "AND: -0.7 + 0.5 x1 + 0.5 x2 > 0"),
            Plots.decisionBoundary(LogicGates.NAND::fire, "NAND: 0.7 - 0.5 x1 - 0.5 x2 > 0"),
            Plots.decisionBoundary(LogicGates.OR::fire, "OR: -0.2 + 0.5 x1 + 0.5 x2 > 0"));
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
    ''')
    nb.code('''
        var targets = new LinkedHashMap<String, int[]>();
        targets.put("AND",  new int[] {0, 0, 0, 1});    // outputs for (0,0), (1,0), (0,1), (1,1)
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
        System.out.println(tried + " single perceptrons tried; how many compute each gate:");
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
    ''')
    nb.code('''
        int XOR(int x1, int x2) {
            int s1 = LogicGates.nand(x1, x2);
            int s2 = LogicGates.or(x1, x2);
            return LogicGates.and(s1, s2);
        }
        System.out.println("XOR(1, 0) = " + XOR(1, 0) + ", XOR(1, 1) = " + XOR(1, 1));
        // the seed's table, with the hidden layer's outputs s1 and s2 (LogicGates.xorTable())
        Tables.ofRows(new String[] {"x1", "x2", "s1", "s2", "y"}, LogicGates.xorTable())
    ''')
    nb.md(r'''
        Each layer-1 perceptron still draws a straight line, but the AND of their two half-planes is a
        **band** between two parallel lines: exactly the region where XOR is 1. The boundary of the
        two-layer perceptron is no longer one straight line:
    ''')
    nb.plot('''
        var xorBoundary = Plots.decisionBoundary(
            (x1, x2) -> LogicGates.AND.fire(LogicGates.NAND.fire(x1, x2), LogicGates.OR.fire(x1, x2)),
            "XOR = AND(NAND(x1, x2), OR(x1, x2))");
        var onlyNand = Plots.decisionBoundary(LogicGates.NAND::fire, "layer 1: s1 = NAND");
        var onlyOr = Plots.decisionBoundary(LogicGates.OR::fire, "layer 1: s2 = OR");
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
    ''')
    nb.exercises("chapter 2", "implement the AND, NAND and OR perceptrons and XOR as their two-layer "
                 "composition; the tests check every row of each truth table.",
                 ("ch2.Gates",))
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
    ''')
    return nb
