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
    ''')

    nb.md(r'''
        ## Recap: two losses

        For scores $s = f(x_i; W)$ of one example with true class $y_i$:
        $$ L_i = -\log\frac{e^{s_{y_i}}}{\sum_j e^{s_j}} \quad\text{(softmax)}, \qquad
           L_i = \sum_{j\ne y_i}\max(0,\ s_j - s_{y_i} + 1) \quad\text{(SVM hinge)}, $$
        $$ L = \frac1N\sum_{i=1}^N L_i + R(W). $$
        Softmax, strictly, exponentiates the scores and takes each one's share of the total. cs231n's own
        example: an image of a cat with scores cat 3.2, car 5.1, frog −1.7.
    ''')
    nb.code('''
        import dlfs.nd.*;
        import dlfs.functions.*;

        var s = NDArray.of(3.2, 5.1, -1.7);    // cat, car, frog; the true class is cat (0)
        int y = 0;
        double softmaxLoss = -Math.log(Activations.softmax(s).get(y));
        double svmLoss = 0;
        for (int j = 0; j < 3; j++) if (j != y) svmLoss += Math.max(0, s.get(j) - s.get(y) + 1);
        System.out.println("softmax probabilities: " + Activations.softmax(s));
        System.out.println(String.format("softmax loss L = %.4f, SVM loss L = %.1f", softmaxLoss, svmLoss));
    ''')
    nb.md(r'''
        **Computing gradients.** Numerically: slow, approximate, easy to write. Analytically (calculus): fast,
        exact, error-prone. In practice: derive the analytic gradient and **check it with the numerical one**
        (a gradient check, as every backward pass in this kit is tested). **Gradient descent** on the full
        data set is expensive, so we use **mini-batches** of 32/64/128 (stochastic gradient descent), and the
        learning rate is often decayed during training (step decay, cosine decay).
    ''')

    nb.md(r'''
        ## From linear to neural

        Before: $f = Wx$. Now: $f = W_2\max(0, W_1x)$ with $x\in\mathbb{R}^D$, $W_1\in\mathbb{R}^{H\times D}$,
        $W_2\in\mathbb{R}^{C\times H}$: a 2-layer **fully-connected network** or **multi-layer perceptron**.
        A 3-layer net is $f = W_3\max(0, W_2\max(0, W_1x))$.

        The $\max(0, z)$ is the **activation function**, and it is essential: without it,
        $W_3W_2W_1 = W_4 \in \mathbb{R}^{C\times D}$ and the "deep" network is again one linear classifier.
        Checked below with random matrices ($D = 6$, $H_1 = 5$, $H_2 = 4$, $C = 3$):
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
        System.out.println("W4 = W3 W2 W1 has shape " + W4.shapeString());
        System.out.println("without activation, W3(W2(W1 x)) == W4 x: " + linear3.allclose(W4.dot(x)));
        System.out.println("with ReLU,          W3 max(0, W2 max(0, W1 x)) == W4 x: " + relu3.allclose(W4.dot(x)));
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
        lossChart.setTitle("cs231n 2-layer net on random data (sigmoid, squared error, lr 1e-4)");
        lossChart.getStyler().setYAxisLogarithmic(true);
        lossChart
    ''')
    nb.md(r'''
        With 64 random targets and 100 hidden units the net can memorise the data, so the loss keeps falling.
        To do this for any architecture we need $\partial L/\partial W_1$ and $\partial L/\partial W_2$
        without working them out on paper every time: **computational graphs and backpropagation**.
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
    ''')
    nb.code('''
        import dlfs.layers.*;
        import tech.tablesaw.api.*;

        double w0 = 2, w1s = -3, w2s = -3, x0 = -1, x1 = -2;
        var mul0 = new MulLayer();
        var mul1 = new MulLayer();
        var add0 = new AddLayer();
        var add1 = new AddLayer();
        // forward
        double a = mul0.forward(w0, x0);          // w0 x0 = -2
        double b = mul1.forward(w1s, x1);         // w1 x1 = 6
        double c = add0.forward(a, b);            // 4
        double d = add1.forward(c, w2s);          // 1
        double e = -d;                            // -1
        double f1 = Math.exp(e);                  // 0.37
        double g = f1 + 1;                        // 1.37
        double out = 1 / g;                       // 0.73
        // backward: upstream x local
        double dg = 1.0 * (-1 / (g * g));         // 1/x   -> -0.53
        double df1 = dg * 1;                      // +1    -> -0.53
        double de = df1 * Math.exp(e);            // exp   -> -0.20
        double dd = de * -1;                      // *-1   ->  0.20
        double[] dcw2 = add1.backward(dd);        // add: 0.20, 0.20
        double[] dab = add0.backward(dcw2[0]);    // add: 0.20, 0.20
        double[] dw0x0 = mul0.backward(dab[0]);   // mul: dw0 = x0 * 0.20, dx0 = w0 * 0.20
        double[] dw1x1 = mul1.backward(dab[1]);
        var node = StringColumn.create("node", "w0*x0", "w1*x1", "+", "+ w2", "*(-1)", "exp", "+1", "1/x");
        var value = DoubleColumn.create("forward value", a, b, c, d, e, f1, g, out);
        var grad = DoubleColumn.create("gradient of f w.r.t. it", dab[0], dab[1], dcw2[0], dd, de, df1, dg, 1.0);
        display(Table.create("the sigmoid neuron as a graph", node, value, grad));
        System.out.println(String.format("f = %.2f;  dw = [%.2f, %.2f, %.2f],  dx = [%.2f, %.2f]",
            out, dw0x0[0], dw1x1[0], dcw2[1], dw0x0[1], dw1x1[1]));
    ''')
    nb.md(r'''
        The lecture's numbers: $f = 0.73$, $\partial f/\partial w = (-0.20, -0.39, 0.20)$,
        $\partial f/\partial x = (0.39, -0.59)$. The four nodes after the sum form the **sigmoid**, whose local
        gradient has a closed form:
        $$ \frac{d\sigma(x)}{dx} = \frac{e^{-x}}{(1+e^{-x})^2} = (1-\sigma(x))\,\sigma(x), $$
        so one sigmoid node gives the same gradient in one step: $(1 - 0.73)\cdot 0.73 = 0.20$. That is the
        library's `Sigmoid` layer: its forward keeps $y = \sigma(x)$, its backward returns `dout * y * (1 - y)`.
    ''')
    nb.code('''
        var sig = new Sigmoid();
        var yOut = sig.forward(NDArray.of(d));
        var dIn = sig.backward(NDArray.of(1.0));
        System.out.println(String.format("Sigmoid layer: forward %.4f, backward %.4f (the four nodes gave %.4f)", yOut.item(), dIn.item(), dd));
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
    ''')
    nb.code('''
        import dlfs.gradient.NumericalGradient;

        var rr = new Rng(4);
        var X = rr.randn(2, 3);
        var Wm = rr.randn(3, 4);
        var G = rr.randn(2, 4);                                   // upstream gradient dL/dy
        var affine = new Affine(Wm, NDArray.zeros(4));
        affine.forward(X);
        var dX = affine.backward(G);
        var numX = NumericalGradient.numericalGradient((NDArray m) -> m.dot(Wm).mul(G).sum(), X);
        var numW = NumericalGradient.numericalGradient((NDArray m) -> X.dot(m).mul(G).sum(), Wm.copy());
        System.out.println("dL/dx = G Wᵀ   " + dX.shapeString() + ", max error vs numerical " + dX.sub(numX).abs().max());
        System.out.println("dL/dW = xᵀ G   " + affine.dW().shapeString() + ", max error vs numerical " + affine.dW().sub(numW).abs().max());
        System.out.println("element x[0][1] affects only row 0 of y: " + G.row(0).dot(Wm.row(1)).item() + " == " + dX.get(0, 1));
    ''')

    nb.exercises("this lecture (seed 004)",
                 "`seeds.ComputationalGraph` has you write the lecture's gate patterns (the add gate distributes, "
                 "the mul gate swaps, the max gate routes) and the sigmoid neuron above, forward and backward; the "
                 "tests pin f = 0.73, dw = [−0.20, −0.39, 0.20], dx = [0.39, −0.59], the (x + y)·z example and a "
                 "numerical gradient check. The chapter-5 exercises build the same nodes as layers (MulLayer, "
                 "AddLayer, Relu, Sigmoid, Affine).",
                 classes=("seeds.ComputationalGraph",))
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
    ''')
    return nb
