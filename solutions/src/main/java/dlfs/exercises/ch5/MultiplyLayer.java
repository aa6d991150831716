package dlfs.exercises.ch5;

/** Solution of exercise ch5 — multiplication node: out = x·y; dx = dout·y, dy = dout·x. */
public final class MultiplyLayer {
    private double x, y;

    public double forward(double x, double y) {
        this.x = x;
        this.y = y;
        return x * y;
    }

    public double[] backward(double dout) {
        return new double[]{dout * y, dout * x};
    }
}
