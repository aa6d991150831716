package dlfs.nd;

/** numpy-style text for {@link NDArray#toString()}: nested brackets, aligned columns, {@code ...} for big arrays. */
final class Printer {
    private static final int THRESHOLD = 1000, EDGE = 3;

    private Printer() {
    }

    static String format(NDArray a) {
        int[] s = a.shape();
        double[] d = a.isFloat32() ? a.toArray() : a.data();
        if (s.length == 0) return "array(" + num(d[0]) + ")";
        boolean summarise = d.length > THRESHOLD;
        boolean allInt = true;
        for (double v : d) if (v != Math.rint(v) || Math.abs(v) > 1e15) { allInt = false; break; }
        int intW = 1, fracW = 0;
        for (double v : d) {
            String c = cell(v, allInt);
            int dot = c.indexOf('.');
            if (dot < 0 || c.contains("e") || c.contains("n")) { intW = Math.max(intW, c.length()); continue; }
            intW = Math.max(intW, dot);
            fracW = Math.max(fracW, c.length() - dot - 1);
        }
        int width = intW * 1000 + fracW;
        StringBuilder sb = new StringBuilder("array(");
        rec(sb, d, s, 0, 0, summarise, allInt, width, "      ");
        return sb.append(")").toString();
    }

    private static void rec(StringBuilder sb, double[] d, int[] s, int dim, int off, boolean summ, boolean allInt, int w, String indent) {
        int n = s[dim];
        int stride = 1;
        for (int i = dim + 1; i < s.length; i++) stride *= s[i];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summ && n > 2 * EDGE && i == EDGE) {
                sb.append(dim == s.length - 1 ? "..., " : "...,\n" + indent + " ".repeat(dim + 1));
                i = n - EDGE - 1;
                continue;
            }
            if (dim == s.length - 1) {
                sb.append(align(cell(d[off + i], allInt), w / 1000, w % 1000));
                if (i < n - 1) sb.append(", ");
            } else {
                rec(sb, d, s, dim + 1, off + i * stride, summ, allInt, w, indent);
                if (i < n - 1) sb.append(",").append("\n".repeat(s.length - dim - 1)).append(indent).append(" ".repeat(dim + 1));
            }
        }
        sb.append(']');
    }

    /** numpy aligns the decimal points of a column: {@code [0.5 , 0.25]}. */
    private static String align(String c, int intW, int fracW) {
        int dot = c.indexOf('.');
        if (dot < 0 || c.contains("e") || c.contains("n")) return " ".repeat(Math.max(0, intW + 1 + fracW - c.length())) + c;
        return " ".repeat(Math.max(0, intW - dot)) + c + " ".repeat(Math.max(0, fracW - (c.length() - dot - 1)));
    }

    private static String cell(double v, boolean allInt) {
        if (allInt) return ((long) v) + ".";
        return num(v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return ((long) v) + ".";
        double av = Math.abs(v);
        if (av >= 1e-4 && av < 1e8) {
            String t = String.format(java.util.Locale.ROOT, "%.8f", v);
            return t.replaceAll("0+$", "");
        }
        return String.format(java.util.Locale.ROOT, "%.8e", v).replaceAll("0+e", "e");
    }
}
