package dlfs.exercises.seeds;

/**
 * Exercise seed 004 — backpropagation on a computational graph ("计算图上的反向传播", cs231n lecture 4): every node
 * multiplies the upstream gradient by its local gradient.
 *
 * <p><b>The gates.</b> Each returns the gradients of its two inputs for the upstream gradient dout:
 * <pre>
 *   add gate  x + y:      {dout, dout}                     distributes
 *   mul gate  x · y:      {dout·y, dout·x}                 swaps the inputs
 *   max gate  max(x, y):  {dout, 0} if x ≥ y, else {0, dout}   routes to the larger input
 * </pre>
 * The lecture's (x + y)·z at x = −2, y = 5, z = −4 gives f = −12 and ∂f/∂x = ∂f/∂y = −4, ∂f/∂z = 3.
 *
 * <p><b>The sigmoid neuron.</b> For weights w (length n + 1, the last one the bias) and inputs x
 * (length n):
 * <pre>
 *   f(w, x) = 1 / (1 + exp(−(w0·x0 + … + w_{n−1}·x_{n−1} + w_n)))
 *   ∂f/∂s   = (1 − f)·f                     for s = the weighted sum (the sigmoid's local gradient)
 *   ∂f/∂w_i = x_i·∂f/∂s,  ∂f/∂w_n = ∂f/∂s,  ∂f/∂x_i = w_i·∂f/∂s   (add gates distribute, mul gates swap)
 * </pre>
 * The lecture's example, w = [2, −3, −3], x = [−1, −2]: f = 0.73, ∂f/∂w = [−0.20, −0.39, 0.20],
 * ∂f/∂x = [0.39, −0.59]. w of the wrong length (not x.length + 1) throws an
 * {@code IllegalArgumentException} naming both lengths.
 *
 * <p><b>中文：</b>练习 seed 004 —— 计算图上的反向传播（cs231n 第 4 讲）：
 * 每个节点把上游传来的梯度乘以自己的局部梯度（局部导数）。
 *
 * <p><b>门。</b>每个门对上游梯度 dout 返回两个输入的梯度（见上文）：
 * 加法门把梯度原样分给两个输入，乘法门交换两个输入，max 门把梯度交给较大的输入。
 * 讲义中的 (x + y)·z 在 x = −2、y = 5、z = −4 时 f = −12，∂f/∂x = ∂f/∂y = −4，∂f/∂z = 3。
 *
 * <p><b>sigmoid 神经元。</b>权重 w（长度 n + 1，最后一个是偏置）和输入 x（长度 n）
 * 的公式见上文（加法门分配梯度，乘法门交换输入）。讲义中的例子 w = [2, −3, −3]、
 * x = [−1, −2]：f = 0.73，∂f/∂w = [−0.20, −0.39, 0.20]，∂f/∂x = [0.39, −0.59]。
 * w 的长度不对（不是 x.length + 1）时，抛出 {@code IllegalArgumentException}，
 * 消息中写出两个长度。
 */
public final class ComputationalGraph {
    private ComputationalGraph() {
    }

    public static double[] addGate(double dout) {
        throw new UnsupportedOperationException("seed 004 ComputationalGraph.addGate: see this class's Javadoc and seed 004's notes (cs231n lecture 4, 计算图)"
                + "; %hint seeds.ComputationalGraph gives hints");
    }

    public static double[] mulGate(double x, double y, double dout) {
        throw new UnsupportedOperationException("seed 004 ComputationalGraph.mulGate: see this class's Javadoc and seed 004's notes (cs231n lecture 4, 计算图)"
                + "; %hint seeds.ComputationalGraph gives hints");
    }

    public static double[] maxGate(double x, double y, double dout) {
        throw new UnsupportedOperationException("seed 004 ComputationalGraph.maxGate: see this class's Javadoc and seed 004's notes (cs231n lecture 4, 计算图)"
                + "; %hint seeds.ComputationalGraph gives hints");
    }

    /** f(w, x), the neuron's output. */
    public static double neuron(double[] w, double[] x) {
        throw new UnsupportedOperationException("seed 004 ComputationalGraph.neuron: see this class's Javadoc and seed 004's notes (cs231n lecture 4, 计算图)"
                + "; %hint seeds.ComputationalGraph gives hints");
    }

    /** {∂f/∂w (length n + 1), ∂f/∂x (length n)}. */
    public static double[][] neuronBackward(double[] w, double[] x) {
        throw new UnsupportedOperationException("seed 004 ComputationalGraph.neuronBackward: see this class's Javadoc and seed 004's notes (cs231n lecture 4, 计算图)"
                + "; %hint seeds.ComputationalGraph gives hints");
    }
}
