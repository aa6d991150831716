package dlfs.exercises.seeds;

/** Solution of exercise seed 004 — the gates and the sigmoid neuron, backward as upstream × local. */
public final class ComputationalGraph {
    private ComputationalGraph() {
    }

    public static double[] addGate(double dout) {
        return new double[]{dout, dout};
    }

    public static double[] mulGate(double x, double y, double dout) {
        return new double[]{dout * y, dout * x};
    }

    public static double[] maxGate(double x, double y, double dout) {
        return x >= y ? new double[]{dout, 0} : new double[]{0, dout};
    }

    public static double neuron(double[] w, double[] x) {
        if (w.length != x.length + 1)
            throw new IllegalArgumentException("ComputationalGraph.neuron: w has " + w.length + " weights but x has "
                    + x.length + " inputs; w needs x.length + 1 = " + (x.length + 1) + " (the last is the bias)");
        double s = w[x.length];
        for (int i = 0; i < x.length; i++) s += w[i] * x[i];
        return 1 / (1 + Math.exp(-s));
    }

    public static double[][] neuronBackward(double[] w, double[] x) {
        double f = neuron(w, x);
        double ds = (1 - f) * f;                       // the sigmoid node: upstream 1 × local (1 − f) f
        double[] dw = new double[w.length], dx = new double[x.length];
        dw[x.length] = ds;                             // the add gates distribute ds to the bias ...
        for (int i = 0; i < x.length; i++) {           // ... and to every product, where the mul gate swaps
            double[] d = mulGate(w[i], x[i], ds);
            dw[i] = d[0];
            dx[i] = d[1];
        }
        return new double[][]{dw, dx};
    }
}
