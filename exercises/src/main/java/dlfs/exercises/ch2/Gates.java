package dlfs.exercises.ch2;

/**
 * Exercise ch2 — logic gates built from perceptrons ("感知机").
 *
 * <p>A perceptron with two inputs fires when the weighted sum passes the threshold, written with a
 * bias b = −θ:
 * <pre>
 *   y = 1  if  b + w1·x1 + w2·x2 &gt; 0
 *   y = 0  otherwise
 * </pre>
 * AND, NAND and OR are the same perceptron with different (w1, w2, b); choose them yourself (many
 * choices work: the truth table below is all that counts). XOR cannot be drawn with one straight line, so build it as the
 * two-layer perceptron of the book: {@code s1 = NAND(x1, x2)}, {@code s2 = OR(x1, x2)},
 * {@code y = AND(s1, s2)}, calling your own gates.
 *
 * <p>Inputs and outputs are 0 or 1. Truth tables over (x1, x2) = (0,0), (1,0), (0,1), (1,1):
 * AND 0 0 0 1, NAND 1 1 1 0, OR 0 1 1 1, XOR 0 1 1 0.
 *
 * <p><b>中文：</b>练习 ch2 —— 用感知机实现逻辑电路（与门、与非门、
 * 或门和异或门）。有两个输入的感知机在加权和超过阈值 θ 时输出 1，这里把阈值写成偏置 b = −θ，
 * 公式见上文。与门（AND）、与非门（NAND）和或门（OR）是同一个感知机，
 * 只是 (w1, w2, b) 不同；参数由你自己来选（可行的选择有很多，只有下面的真值表算数）。
 * 异或门（XOR）无法用一条直线分开，所以要像书中那样实现为两层感知机：
 * {@code s1 = NAND(x1, x2)}，{@code s2 = OR(x1, x2)}，{@code y = AND(s1, s2)}，
 * 调用的是你自己写的门。
 *
 * <p>输入和输出都是 0 或 1。(x1, x2) = (0,0)、(1,0)、(0,1)、(1,1) 时的真值表：
 * AND 0 0 0 1，NAND 1 1 1 0，OR 0 1 1 1，XOR 0 1 1 0。
 */
public final class Gates {
    private Gates() {
    }

    /** AND(x1, x2): 1 only when both inputs are 1. */
    public static int and(int x1, int x2) {
        throw new UnsupportedOperationException("ch2 Gates.and: see this class's Javadoc and the book's sections 2.3 (感知机的实现) and 2.5 (多层感知机)"
                + "; %hint ch2.Gates gives hints");
    }

    /** NAND(x1, x2): NOT AND; only the weights and bias differ from AND. */
    public static int nand(int x1, int x2) {
        throw new UnsupportedOperationException("ch2 Gates.nand: see this class's Javadoc and the book's sections 2.3 (感知机的实现) and 2.5 (多层感知机)"
                + "; %hint ch2.Gates gives hints");
    }

    /** OR(x1, x2): 1 when at least one input is 1. */
    public static int or(int x1, int x2) {
        throw new UnsupportedOperationException("ch2 Gates.or: see this class's Javadoc and the book's sections 2.3 (感知机的实现) and 2.5 (多层感知机)"
                + "; %hint ch2.Gates gives hints");
    }

    /** XOR(x1, x2) as the two-layer perceptron AND(NAND(x1, x2), OR(x1, x2)). */
    public static int xor(int x1, int x2) {
        throw new UnsupportedOperationException("ch2 Gates.xor: see this class's Javadoc and the book's sections 2.3 (感知机的实现) and 2.5 (多层感知机)"
                + "; %hint ch2.Gates gives hints");
    }
}
