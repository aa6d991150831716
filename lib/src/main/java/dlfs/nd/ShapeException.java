package dlfs.nd;

import java.util.Arrays;

/**
 * Thrown when arrays of incompatible shapes meet: the message names the operation and every
 * shape involved, in numpy's tuple notation, e.g.
 * {@code matmul: (100, 784) x (50, 10): inner dimensions 784 != 50}.
 */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }

    /** Formats a shape the way numpy prints it: {@code (100, 784)}, {@code (5,)}, {@code ()}. */
    public static String fmt(int... shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    static ShapeException of(String op, String detail, int[]... shapes) {
        StringBuilder sb = new StringBuilder(op).append(": ");
        for (int i = 0; i < shapes.length; i++) {
            if (i > 0) sb.append(shapes.length == 2 && op.equals("matmul") ? " x " : " ");
            sb.append(fmt(shapes[i]));
        }
        if (detail != null && !detail.isEmpty()) sb.append(": ").append(detail);
        return new ShapeException(sb.toString());
    }

    static int[] copy(int[] s) {
        return Arrays.copyOf(s, s.length);
    }
}
