package dlfs.nd;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An N-dimensional array of float64 (the default) or float32 values, row-major and contiguous:
 * the kit's numpy {@code ndarray}
 * (book ch1, "NumPy"). The book's numpy code maps onto it one call for one call:
 *
 * <pre>
 *   numpy                          NDArray
 *   np.dot(x, W) + b               x.dot(W).add(b)            (broadcasting, ch3)
 *   np.sum(y, axis=0)              y.sum(0)
 *   np.argmax(y, axis=1)           y.argmax(1)
 *   x[batch_mask]                  x.rows(batchMask)
 *   x.reshape(-1, 784)             x.reshape(-1, 784)
 *   x.transpose(0, 2, 3, 1)        x.transpose(0, 2, 3, 1)
 *   W -= lr * dW                   W.subi(dW.mul(lr))  or  W.axpyi(-lr, dW)
 *   dx[mask] = 0                   dx.putWhere(mask, 0)
 * </pre>
 *
 * Binary operations follow numpy's broadcasting rules: shapes are aligned from the right, and
 * each pair of dimensions must be equal or one of them 1. Operations return new arrays unless
 * their name ends in {@code i} (in place). Errors name the operation and the shapes involved,
 * e.g. {@code matmul: (100, 784) x (50, 10): inner dimensions 784 != 50}.
 *
 * <p><b>dtype.</b> Every array has a {@link #dtype()}: {@link Dtype#FLOAT64} ({@code double[]}
 * storage, what every factory makes and the teaching default) or {@link Dtype#FLOAT32}
 * ({@code float[]} storage, half the memory; {@link #astype} converts, {@link #floatData()} is its
 * live buffer). Promotion follows numpy: an operation on two float32 arrays gives float32; one with
 * a float64 operand gives float64 (the float32 one is widened, exactly); a Java {@code double}
 * scalar keeps the array's dtype (as a Python float does in numpy); in-place operations
 * ({@code addi}, {@code axpyi}, {@code assign}, ...) keep this array's dtype and round the other
 * operand into it. float32 element-wise results are computed in double and rounded once to float,
 * which for + − × ÷ and √ is exactly IEEE float32 arithmetic; matrix products run on
 * {@link Gemm#sgemm}. {@link #data()} is the float64 buffer only: on a float32 array it throws,
 * naming {@code floatData()} and {@code astype}.
 */
public final class NDArray {
    /** The float64 storage, or null for a float32 array. */
    private final double[] data;
    /** The float32 storage, or null for a float64 array. */
    private final float[] fdata;
    private final int[] shape;

    private NDArray(double[] data, int[] shape) {
        this.data = data;
        this.fdata = null;
        this.shape = shape;
    }

    private NDArray(float[] fdata, int[] shape) {
        this.data = null;
        this.fdata = fdata;
        this.shape = shape;
    }

    // ------------------------------------------------------------------ dtype

    /** {@link Dtype#FLOAT32} for {@code float[]} storage, else {@link Dtype#FLOAT64}. */
    public Dtype dtype() {
        return fdata != null ? Dtype.FLOAT32 : Dtype.FLOAT64;
    }

    /** True for float32 storage. */
    public boolean isFloat32() {
        return fdata != null;
    }

    /**
     * {@code x.astype(dtype)}: this array when it already has that dtype (no copy, unlike numpy's
     * default), else a converted copy. FLOAT32 rounds to nearest; FLOAT64 widens exactly; FLOAT16
     * gives a float64 array whose values are rounded to IEEE binary16 ({@link Float16#round}): the
     * kit has no 16-bit storage, only the values, as the book's {@code param[...] = param.astype(np.float16)}.
     */
    public NDArray astype(Dtype dtype) {
        switch (dtype) {
            case FLOAT32:
                if (fdata != null) return this;
                float[] f = new float[data.length];
                for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
                return new NDArray(f, shape.clone());
            case FLOAT64:
                if (fdata == null) return this;
                double[] d = new double[fdata.length];
                for (int i = 0; i < d.length; i++) d[i] = fdata[i];
                return new NDArray(d, shape.clone());
            default: {
                double[] h = new double[size()];
                for (int i = 0; i < h.length; i++) h[i] = Float16.round(fdata != null ? fdata[i] : data[i]);
                return new NDArray(h, shape.clone());
            }
        }
    }

    /** Wraps {@code data} (row-major, not copied) as a float32 array of the given shape. */
    public static NDArray of(float[] data, int... shape) {
        return new NDArray(data, viewShape(data.length, shape));
    }

    /** The checked shape for a view of {@code length} values (the two {@code of(array, shape)}). */
    private static int[] viewShape(int length, int[] shape) {
        int[] s = checkShape("of", shape);
        if (sizeOf(s) != length)
            throw new ShapeException("of: cannot view " + length + " values as shape " + ShapeException.fmt(s)
                    + " (" + sizeOf(s) + " values)");
        return s;
    }

    /** Zeros of the given dtype ({@code np.zeros(shape, dtype)}); FLOAT16 is float64 storage. */
    public static NDArray zeros(Dtype dtype, int... shape) {
        int[] s = checkShape("zeros", shape);
        return dtype == Dtype.FLOAT32 ? new NDArray(new float[sizeOf(s)], s) : new NDArray(new double[sizeOf(s)], s);
    }

    /** Zeros with the shape and dtype of {@code like}. */
    private static NDArray zerosAs(NDArray like, int[] shape) {
        return like.fdata != null ? new NDArray(new float[sizeOf(shape)], shape) : new NDArray(new double[sizeOf(shape)], shape);
    }

    /** The same storage (shared) in another shape. */
    private NDArray view(int[] s) {
        return fdata != null ? new NDArray(fdata, s) : new NDArray(data, s);
    }

    /** Element i (flat) as a double, whatever the dtype. */
    private double at(int i) {
        return fdata != null ? fdata[i] : data[i];
    }

    /** Writes element i (flat), rounded to float32 in a float32 array. */
    private void put(int i, double v) {
        if (fdata != null) fdata[i] = (float) v;
        else data[i] = v;
    }

    /** This array as float64 (itself when it is). */
    private NDArray wide() {
        return astype(Dtype.FLOAT64);
    }

    /** The result of an operation on float32 operands computed in float64: rounded back to float32. */
    private static NDArray narrowIf(boolean f32, NDArray r) {
        return f32 ? r.astype(Dtype.FLOAT32) : r;
    }

    /** Copies the values of {@code r} (same size) into this array's storage, rounding to its dtype. */
    private NDArray storeFrom(NDArray r) {
        if (fdata != null) {
            if (r.fdata != null) System.arraycopy(r.fdata, 0, fdata, 0, fdata.length);
            else for (int i = 0; i < fdata.length; i++) fdata[i] = (float) r.data[i];
        } else {
            if (r.fdata == null) System.arraycopy(r.data, 0, data, 0, data.length);
            else for (int i = 0; i < data.length; i++) data[i] = r.fdata[i];
        }
        return this;
    }

    // ------------------------------------------------------------------ creation

    /** Wraps {@code data} (row-major, not copied) as an array of the given shape. */
    public static NDArray of(double[] data, int... shape) {
        return new NDArray(data, viewShape(data.length, shape));
    }

    /** A 1-D array of the given values: {@code np.array([1.0, 2.0])}. */
    public static NDArray of(double... values) {
        return new NDArray(values.clone(), new int[]{values.length});
    }

    /** A 2-D array from rows of equal length: {@code np.array([[1, 2], [3, 4]])}. */
    public static NDArray of(double[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c)
                throw new ShapeException("of: row " + i + " has length " + rows[i].length + ", row 0 has " + c);
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new NDArray(d, new int[]{r, c});
    }

    /** A 0-D array holding one value. */
    public static NDArray scalar(double v) {
        return new NDArray(new double[]{v}, new int[0]);
    }

    public static NDArray zeros(int... shape) {
        int[] s = checkShape("zeros", shape);
        return new NDArray(new double[sizeOf(s)], s);
    }

    public static NDArray ones(int... shape) {
        return full(1.0, shape);
    }

    public static NDArray full(double value, int... shape) {
        NDArray a = zeros(shape);
        Arrays.fill(a.data, value);
        return a;
    }

    /** An array of zeros with the same shape as {@code like}: {@code np.zeros_like}. */
    public static NDArray zerosLike(NDArray like) {
        return zerosAs(like, like.shape.clone());
    }

    /** 0, 1, ..., n-1: {@code np.arange(n)}. */
    public static NDArray arange(int n) {
        return arange(0, n, 1);
    }

    /** start, start+step, ... below stop: {@code np.arange(start, stop, step)}. */
    public static NDArray arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return new NDArray(d, new int[]{n});
    }

    /** {@code num} evenly spaced values from start to stop inclusive: {@code np.linspace}. */
    public static NDArray linspace(double start, double stop, int num) {
        if (num < 0) throw new IllegalArgumentException("linspace: num must be >= 0, got " + num);
        double[] d = new double[num];
        for (int i = 0; i < num; i++) d[i] = num == 1 ? start : start + (stop - start) * i / (num - 1);
        return new NDArray(d, new int[]{num});
    }

    /** The n×n identity: {@code np.eye(n)}. */
    public static NDArray eye(int n) {
        NDArray a = zeros(n, n);
        for (int i = 0; i < n; i++) a.data[i * n + i] = 1;
        return a;
    }

    /** Standard normal samples from the shared generator: {@code np.random.randn(*shape)}. */
    public static NDArray randn(int... shape) {
        return Rng.global().randn(shape);
    }

    /** Uniform [0, 1) samples from the shared generator: {@code np.random.rand(*shape)}. */
    public static NDArray rand(int... shape) {
        return Rng.global().rand(shape);
    }

    /** Integer values 0..n-1 of the given indices, as a 1-D array (labels, index lists). */
    public static NDArray ofInts(int... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return new NDArray(d, new int[]{d.length});
    }

    public NDArray copy() {
        return fdata != null ? new NDArray(fdata.clone(), shape.clone()) : new NDArray(data.clone(), shape.clone());
    }

    // ------------------------------------------------------------------ shape and access

    public int[] shape() {
        return shape.clone();
    }

    /** Size of one axis; negative axes count from the end. */
    public int shape(int axis) {
        return shape[axis(axis, "shape")];
    }

    public int ndim() {
        return shape.length;
    }

    public int size() {
        return fdata != null ? fdata.length : data.length;
    }

    /**
     * The live row-major float64 backing array (no copy): writes show in this array. A float32
     * array has none: this throws, naming {@link #floatData()} and {@link #astype}.
     */
    public double[] data() {
        if (data == null)
            throw new IllegalStateException("data(): this " + shapeString() + " array is float32 (float[] storage); use "
                    + "floatData() for its live values, or astype(Dtype.FLOAT64).data() for a float64 copy");
        return data;
    }

    /** The live row-major float32 backing array of a float32 array (no copy); a float64 array throws. */
    public float[] floatData() {
        if (fdata == null)
            throw new IllegalStateException("floatData(): this " + shapeString() + " array is float64; use data(), "
                    + "or astype(Dtype.FLOAT32).floatData() for a float32 copy");
        return fdata;
    }

    /** The storage, {@code double[]} or {@code float[]}, for {@link Gemm}. */
    Object storage() {
        return fdata != null ? fdata : data;
    }

    /** numpy's printed shape, e.g. {@code (100, 784)}. */
    public String shapeString() {
        return ShapeException.fmt(shape);
    }

    public double get(int... idx) {
        return at(flatIndex(idx));
    }

    public void set(double v, int... idx) {
        put(flatIndex(idx), v);
    }

    /** The value of a one-element array: {@code a.item()}. */
    public double item() {
        if (size() != 1) throw new ShapeException("item: only a one-element array has an item, shape is " + shapeString());
        return at(0);
    }

    /** Values as a plain Java array (a copy; float32 values widened). */
    public double[] toArray() {
        return fdata != null ? wide().data : data.clone();
    }

    /** A 2-D array as rows (a copy). */
    public double[][] toArray2D() {
        if (shape.length != 2) throw new ShapeException("toArray2D: needs a 2-D array, shape is " + shapeString());
        double[][] out = new double[shape[0]][];
        double[] d = fdata != null ? wide().data : data;
        for (int i = 0; i < shape[0]; i++) out[i] = Arrays.copyOfRange(d, i * shape[1], (i + 1) * shape[1]);
        return out;
    }

    /** Values rounded to int (labels, indices). */
    public int[] toIntArray() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) out[i] = (int) Math.round(at(i));
        return out;
    }

    private int flatIndex(int[] idx) {
        if (idx.length != shape.length)
            throw new IndexOutOfBoundsException("index " + Arrays.toString(idx) + " has " + idx.length
                    + " coordinates, array of shape " + shapeString() + " needs " + shape.length);
        int f = 0;
        for (int i = 0; i < idx.length; i++) {
            int v = idx[i] < 0 ? idx[i] + shape[i] : idx[i];
            if (v < 0 || v >= shape[i])
                throw new IndexOutOfBoundsException("index " + idx[i] + " is out of bounds for axis " + i
                        + " with size " + shape[i] + " (shape " + shapeString() + ")");
            f = f * shape[i] + v;
        }
        return f;
    }

    // ------------------------------------------------------------------ reshaping

    /** The same values in a new shape; one dimension may be -1 and is inferred. Shares data. */
    public NDArray reshape(int... newShape) {
        int size = size();
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new ShapeException("reshape: can only specify one unknown dimension, got " + Arrays.toString(newShape));
                infer = i;
            } else if (s[i] < 0) {
                throw new ShapeException("reshape: negative dimension " + s[i] + " in " + Arrays.toString(newShape));
            } else known *= s[i];
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0)
                throw new ShapeException("reshape: cannot reshape array of size " + size + " (shape "
                        + shapeString() + ") into shape " + fmtRequest(newShape));
            s[infer] = (int) (size / known);
        }
        if (sizeOf(s) != size)
            throw new ShapeException("reshape: cannot reshape array of size " + size + " (shape "
                    + shapeString() + ") into shape " + fmtRequest(newShape));
        return view(s);
    }

    private static String fmtRequest(int[] s) {
        return ShapeException.fmt(s);
    }

    /** A flat 1-D copy: {@code x.ravel()} / {@code x.flatten()}. */
    public NDArray ravel() {
        return copy().view(new int[]{size()});
    }

    /** Reverses the axes: {@code x.T}. */
    public NDArray T() {
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) axes[i] = shape.length - 1 - i;
        return transpose(axes);
    }

    /** Permutes the axes: {@code x.transpose(0, 3, 1, 2)}; with no arguments reverses them. */
    public NDArray transpose(int... axes) {
        if (axes.length == 0) return T();
        if (axes.length != shape.length)
            throw new ShapeException("transpose: axes " + Arrays.toString(axes) + " don't match array of shape " + shapeString());
        boolean[] seen = new boolean[axes.length];
        int[] ax = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            ax[i] = axis(axes[i], "transpose");
            if (seen[ax[i]]) throw new ShapeException("transpose: repeated axis in " + Arrays.toString(axes));
            seen[ax[i]] = true;
        }
        int n = shape.length;
        int[] outShape = new int[n];
        int[] srcStrides = strides(shape);
        int[] st = new int[n];
        for (int i = 0; i < n; i++) {
            outShape[i] = shape[ax[i]];
            st[i] = srcStrides[ax[i]];
        }
        if (n == 2 && ax[0] == 1) {
            return fdata != null ? new NDArray(Gemm.transpose(fdata, shape[0], shape[1]), outShape)
                    : new NDArray(Gemm.transpose(data, shape[0], shape[1]), outShape);
        }
        if (fdata != null) return wide().transpose(axes).astype(Dtype.FLOAT32); // exact: a permutation
        double[] out = new double[data.length];
        if (out.length == 0) return new NDArray(out, outShape);
        // Walk the output in order; the innermost axis is a strided copy.
        int inner = outShape[n - 1], innerStride = st[n - 1];
        int[] idx = new int[n];
        int src = 0, o = 0;
        while (true) {
            for (int j = 0, s = src; j < inner; j++, s += innerStride) out[o++] = data[s];
            int d = n - 2;
            while (d >= 0) {
                idx[d]++;
                src += st[d];
                if (idx[d] < outShape[d]) break;
                src -= st[d] * outShape[d];
                idx[d] = 0;
                d--;
            }
            if (d < 0) break;
        }
        return new NDArray(out, outShape);
    }

    /** Rows (axis-0 entries) at the given indices, copied: the book's {@code x[batch_mask]}. */
    public NDArray rows(int[] indices) {
        if (shape.length == 0) throw new ShapeException("rows: a 0-D array has no rows");
        int[] s = shape.clone();
        s[0] = indices.length;
        return rows(indices, zerosAs(this, s));
    }

    /**
     * As {@link #rows(int[])}, written into {@code into} (shape (indices.length, rest of this
     * shape)), which is returned: a training loop reuses one batch buffer instead of allocating
     * a new one every iteration.
     */
    public NDArray rows(int[] indices, NDArray into) {
        if (shape.length == 0) throw new ShapeException("rows: a 0-D array has no rows");
        int rowSize = shape[0] == 0 ? 0 : size() / shape[0];
        int[] s = shape.clone();
        s[0] = indices.length;
        if (!Arrays.equals(s, into.shape))
            throw new ShapeException("rows: " + indices.length + " rows of " + shapeString() + " need an output of shape "
                    + ShapeException.fmt(s) + ", got " + into.shapeString());
        if (into.dtype() != dtype())
            throw new IllegalArgumentException("rows: rows of a " + dtype() + " array need a " + dtype() + " output, got "
                    + into.dtype() + " (astype converts)");
        Object src = fdata != null ? fdata : data, out = fdata != null ? into.fdata : into.data;
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i] < 0 ? indices[i] + shape[0] : indices[i];
            if (r < 0 || r >= shape[0])
                throw new IndexOutOfBoundsException("rows: index " + indices[i] + " is out of bounds for axis 0 with size "
                        + shape[0] + " (shape " + shapeString() + ")");
            System.arraycopy(src, r * rowSize, out, i * rowSize, rowSize);
        }
        return into;
    }

    /** Rows from (inclusive) to to (exclusive), copied: {@code x[from:to]}. */
    public NDArray slice(int from, int to) {
        if (shape.length == 0) throw new ShapeException("slice: a 0-D array has no rows");
        if (from < 0 || to > shape[0] || from > to)
            throw new IndexOutOfBoundsException("slice: [" + from + ":" + to + "] is out of range for axis 0 with size "
                    + shape[0] + " (shape " + shapeString() + ")");
        int rowSize = shape[0] == 0 ? 0 : size() / shape[0];
        int[] s = shape.clone();
        s[0] = to - from;
        return fdata != null ? new NDArray(Arrays.copyOfRange(fdata, from * rowSize, to * rowSize), s)
                : new NDArray(Arrays.copyOfRange(data, from * rowSize, to * rowSize), s);
    }

    /** Row i with one fewer dimension, copied: {@code x[i]}. */
    public NDArray row(int i) {
        NDArray r = slice(i < 0 ? i + shape[0] : i, (i < 0 ? i + shape[0] : i) + 1);
        return r.view(Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** Copies {@code src} into rows from..from+src.shape[0] of this array. */
    public void setRows(int from, NDArray src) {
        int rowSize = shape[0] == 0 ? 0 : size() / shape[0];
        int[] expect = shape.clone();
        expect[0] = src.shape.length == 0 ? 0 : src.shape[0];
        if (!Arrays.equals(expect, src.shape) || from < 0 || from + expect[0] > shape[0])
            throw ShapeException.of("setRows", "rows " + from + ".." + (from + expect[0]) + " don't fit", shape, src.shape);
        NDArray v = src.astype(dtype());
        if (fdata != null) System.arraycopy(v.fdata, 0, fdata, from * rowSize, v.fdata.length);
        else System.arraycopy(v.data, 0, data, from * rowSize, v.data.length);
    }

    /**
     * Pads with a constant: {@code np.pad(x, padWidth, 'constant', constant_values=value)}.
     * {@code padWidth[axis] = {before, after}}; the ch7 convolution pads only H and W.
     */
    public NDArray pad(int[][] padWidth, double value) {
        if (padWidth.length != shape.length)
            throw new ShapeException("pad: " + padWidth.length + " pad widths for array of shape " + shapeString());
        int n = shape.length;
        int[] os = new int[n];
        for (int i = 0; i < n; i++) {
            if (padWidth[i].length != 2 || padWidth[i][0] < 0 || padWidth[i][1] < 0)
                throw new IllegalArgumentException("pad: width for axis " + i + " must be {before, after} >= 0, got " + Arrays.toString(padWidth[i]));
            os[i] = shape[i] + padWidth[i][0] + padWidth[i][1];
        }
        if (fdata != null) return wide().pad(padWidth, value).astype(Dtype.FLOAT32);
        NDArray out = full(value, os);
        if (data.length == 0) return out;
        int[] ost = strides(os);
        int inner = shape[n - 1];
        int rowsCount = data.length / inner;
        int[] idx = new int[n];
        for (int r = 0; r < rowsCount; r++) {
            int off = 0;
            for (int d = 0; d < n - 1; d++) off += (idx[d] + padWidth[d][0]) * ost[d];
            off += padWidth[n - 1][0];
            System.arraycopy(data, r * inner, out.data, off, inner);
            for (int d = n - 2; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** Pads every axis by the same {before, after}: {@code np.pad(x, p)}. */
    public NDArray pad(int before, int after) {
        int[][] w = new int[shape.length][];
        for (int i = 0; i < w.length; i++) w[i] = new int[]{before, after};
        return pad(w, 0);
    }

    // ------------------------------------------------------------------ elementwise

    public NDArray add(NDArray o) { return broadcast("add", o, Double::sum, Op.ADD); }
    public NDArray sub(NDArray o) { return broadcast("subtract", o, (a, b) -> a - b, Op.SUB); }
    public NDArray mul(NDArray o) { return broadcast("multiply", o, (a, b) -> a * b, Op.MUL); }
    public NDArray div(NDArray o) { return broadcast("divide", o, (a, b) -> a / b, Op.DIV); }
    public NDArray maximum(NDArray o) { return broadcast("maximum", o, Math::max, null); }
    public NDArray minimum(NDArray o) { return broadcast("minimum", o, Math::min, null); }
    public NDArray pow(NDArray o) { return broadcast("power", o, Math::pow, null); }

    public NDArray add(double s) { return map(v -> v + s); }
    public NDArray sub(double s) { return map(v -> v - s); }
    public NDArray mul(double s) { return map(v -> v * s); }
    public NDArray div(double s) { return map(v -> v / s); }
    /** {@code s - x} */
    public NDArray rsub(double s) { return map(v -> s - v); }
    /** {@code s / x} */
    public NDArray rdiv(double s) { return map(v -> s / v); }
    public NDArray pow(double p) { return p == 2 ? map(v -> v * v) : map(v -> Math.pow(v, p)); }
    public NDArray maximum(double s) { return map(v -> Math.max(v, s)); }
    public NDArray minimum(double s) { return map(v -> Math.min(v, s)); }
    public NDArray neg() { return map(v -> -v); }
    public NDArray exp() { return map(Math::exp); }
    public NDArray log() { return map(Math::log); }
    public NDArray sqrt() { return map(Math::sqrt); }
    public NDArray tanh() { return map(Math::tanh); }
    public NDArray abs() { return map(Math::abs); }
    public NDArray square() { return map(v -> v * v); }
    public NDArray sign() { return map(Math::signum); }
    public NDArray clip(double lo, double hi) {
        if (lo > hi) throw new IllegalArgumentException("clip: lower bound " + lo + " > upper bound " + hi);
        return map(v -> v < lo ? lo : (v > hi ? hi : v));
    }

    /** Applies f to every element, returning a new array. */
    public NDArray map(DoubleUnaryOperator f) {
        if (fdata != null) {
            float[] out = new float[fdata.length];
            for (int i = 0; i < out.length; i++) out[i] = (float) f.applyAsDouble(fdata[i]);
            return new NDArray(out, shape.clone());
        }
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(data[i]);
        return new NDArray(out, shape.clone());
    }

    /** Applies f to every element in place. */
    public NDArray mapi(DoubleUnaryOperator f) {
        if (fdata != null) for (int i = 0; i < fdata.length; i++) fdata[i] = (float) f.applyAsDouble(fdata[i]);
        else for (int i = 0; i < data.length; i++) data[i] = f.applyAsDouble(data[i]);
        return this;
    }

    // comparisons give 1.0 / 0.0 masks in the array's dtype: the book's ReLU mask (x <= 0) is le(0)
    public NDArray gt(double s) { return compare(s, Cmp.GT); }
    public NDArray ge(double s) { return compare(s, Cmp.GE); }
    public NDArray lt(double s) { return compare(s, Cmp.LT); }
    public NDArray le(double s) { return compare(s, Cmp.LE); }
    public NDArray eq(double s) { return compare(s, Cmp.EQ); }

    /** A comparison as the outcomes it accepts among v &lt; s, v == s, v &gt; s (1 = accepted); NaN is none of them. */
    private enum Cmp {
        GT(0, 0, 1), GE(0, 1, 1), LT(1, 0, 0), LE(1, 1, 0), EQ(0, 1, 0);

        final int lt, eq, gt;

        Cmp(int lt, int eq, int gt) {
            this.lt = lt;
            this.eq = eq;
            this.gt = gt;
        }

        /** 1 or 0, without a branch: each outcome as an int (a conditional move), then the accepted ones. */
        int hit(double v, double s) {
            int below = v < s ? 1 : 0, equal = v == s ? 1 : 0, above = v > s ? 1 : 0;
            return below & lt | equal & eq | above & gt;
        }

        /** {@link #hit(double, double)} in float, for a scalar that float holds exactly (the same answers, half the width). */
        int hit(float v, float s) {
            int below = v < s ? 1 : 0, equal = v == s ? 1 : 0, above = v > s ? 1 : 0;
            return below & lt | equal & eq | above & gt;
        }
    }

    /**
     * A comparison with a scalar as a plain loop without branches: a ReLU's mask is as often 0 as 1,
     * and a branch on it (or a select of doubles, which the JIT compiles as one) is mispredicted on
     * half the elements, which costs more than the element itself.
     */
    private NDArray compare(double s, Cmp c) {
        if (fdata != null) {
            float[] out = new float[fdata.length];
            float fs = (float) s;
            if (fs == s) for (int i = 0; i < out.length; i++) out[i] = c.hit(fdata[i], fs); // e.g. ReLU's x <= 0
            else for (int i = 0; i < out.length; i++) out[i] = c.hit(fdata[i], s);
            return new NDArray(out, shape.clone());
        }
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) out[i] = c.hit(data[i], s);
        return new NDArray(out, shape.clone());
    }
    public NDArray gt(NDArray o) { return broadcast("greater", o, (a, b) -> a > b ? 1 : 0, null); }
    public NDArray ge(NDArray o) { return broadcast("greater_equal", o, (a, b) -> a >= b ? 1 : 0, null); }
    public NDArray lt(NDArray o) { return broadcast("less", o, (a, b) -> a < b ? 1 : 0, null); }
    public NDArray le(NDArray o) { return broadcast("less_equal", o, (a, b) -> a <= b ? 1 : 0, null); }
    public NDArray eq(NDArray o) { return broadcast("equal", o, (a, b) -> a == b ? 1 : 0, null); }

    /** {@code np.where(cond, a, b)}: a where cond is non-zero, else b, with broadcasting. */
    public static NDArray where(NDArray cond, NDArray a, NDArray b) {
        int[] s = broadcastShape("where", broadcastShape("where", cond.shape, a.shape), b.shape);
        NDArray c = cond.broadcastTo(s), x = a.broadcastTo(s).wide(), y = b.broadcastTo(s).wide();
        double[] out = new double[sizeOf(s)];
        for (int i = 0; i < out.length; i++) out[i] = c.at(i) != 0 ? x.data[i] : y.data[i];
        return narrowIf(a.fdata != null && b.fdata != null, new NDArray(out, s));
    }

    /** {@code np.where(cond, a, b)} with scalar branches. */
    public static NDArray where(NDArray cond, double a, double b) {
        return cond.map(v -> v != 0 ? a : b);
    }

    /**
     * In place {@code x[mask] = value}: where the mask (same shape, or broadcastable) is non-zero.
     * A mask of the array's dtype takes the branch-free path ({@link #fill}).
     */
    public NDArray putWhere(NDArray mask, double value) {
        NDArray m = mask.broadcastTo("putWhere", shape);
        if (!fill(this, m, value, this))
            for (int i = 0, n = size(); i < n; i++) if (m.at(i) != 0) put(i, value);
        return this;
    }

    /**
     * A copy with {@code value} where the mask is non-zero: the book's {@code out = x.copy();
     * out[mask] = value} in one pass (PyTorch's {@code masked_fill}), the ReLU layer's forward and
     * backward. The mask has this array's shape, or broadcasts to it.
     */
    public NDArray maskedFill(NDArray mask, double value) {
        NDArray m = mask.broadcastTo("maskedFill", shape);
        if (m.dtype() != dtype()) return copy().putWhere(m, value); // mixed dtypes: putWhere's general loop
        NDArray out = zerosAs(this, shape.clone());
        fill(this, m, value, out);
        return out;
    }

    /**
     * dst = src with value where mask is non-zero, when all three share a dtype (false otherwise,
     * nothing written). Without a branch, as {@link #compare}: each element's bits are kept or
     * replaced by value's through an all-ones/all-zeros word, all ones where the mask's bits
     * without their sign are not zero (±0 are zero; NaN is not).
     */
    private static boolean fill(NDArray src, NDArray mask, double value, NDArray dst) {
        if (src.data != null && mask.data != null && dst.data != null) {
            double[] x = src.data, m = mask.data, out = dst.data;
            long v = Double.doubleToRawLongBits(value);
            for (int i = 0; i < out.length; i++) {
                long t = Double.doubleToRawLongBits(m[i]) << 1, put = (t | -t) >> 63;
                out[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(x[i]) & ~put | v & put);
            }
            return true;
        }
        if (src.fdata != null && mask.fdata != null && dst.fdata != null) {
            float[] x = src.fdata, m = mask.fdata, out = dst.fdata;
            int v = Float.floatToRawIntBits((float) value);
            for (int i = 0; i < out.length; i++) {
                int t = Float.floatToRawIntBits(m[i]) << 1, put = (t | -t) >> 31;
                out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(x[i]) & ~put | v & put);
            }
            return true;
        }
        return false;
    }

    /** A copy expanded to {@code target} by numpy's broadcasting rules. */
    public NDArray broadcastTo(int... target) {
        return broadcastTo("broadcast_to", target);
    }

    private NDArray broadcastTo(String op, int[] target) {
        if (Arrays.equals(shape, target)) return this;
        checkBroadcastsTo(op, target);
        NDArray out = zerosAs(this, target.clone());
        combine(this, this, out, null, Op.FIRST);
        return out;
    }

    /** A ShapeException unless this shape broadcasts to exactly {@code target}. */
    private void checkBroadcastsTo(String op, int[] target) {
        if (!Arrays.equals(broadcastShape(op, shape, target), target))
            throw ShapeException.of(op, "cannot broadcast to the second shape", shape, target);
    }

    /** The arithmetic operations, which have loops of their own (the rest go through a DoubleBinaryOperator), and copying. */
    private enum Op { ADD, SUB, MUL, DIV, FIRST }

    private NDArray broadcast(String op, NDArray o, DoubleBinaryOperator f, Op fast) {
        if ((fdata != null) != (o.fdata != null)) return wide().broadcast(op, o.wide(), f, fast); // numpy: float32 op float64 is float64
        NDArray out = zerosAs(this, Arrays.equals(shape, o.shape) ? shape.clone() : broadcastShape(op, shape, o.shape));
        combine(this, o, out, f, fast);
        return out;
    }

    /**
     * {@code out = f(a, b)} (or {@code a op b}) with a and b, of out's dtype, broadcast to out's
     * shape: the one walk over broadcast operands, for the binary operations, the in-place ones
     * (out is a) and {@link #broadcastTo} ({@link Op#FIRST}). Equal shapes are one pass over the
     * storage. Otherwise it goes along out's last axis in rows, each operand with its own stride
     * there (0 on a broadcast axis): an operand that is not one contiguous row is gathered row by
     * row into a buffer, and each result row is computed in a buffer and copied into place. So the
     * element loops ({@link #rows}, once per dtype) only ever see whole arrays indexed from 0,
     * which the JIT vectorizes (with offsets into arrays that may be the same, it cannot).
     */
    private static void combine(NDArray a, NDArray b, NDArray out, DoubleBinaryOperator f, Op fast) {
        int[] s = out.shape;
        int n = s.length, size = out.size();
        if (size == 0) return;
        Object x = a.storage(), y = b.storage(), z = out.storage();
        if (n == 0 || (Arrays.equals(a.shape, s) && Arrays.equals(b.shape, s))) {
            rows(f, fast, x, y, z, size);
            return;
        }
        int[] sa = broadcastStrides(a.shape, s), sb = broadcastStrides(b.shape, s);
        int len = s[n - 1], la = sa[n - 1], lb = sb[n - 1];
        // an operand that is a single row (a bias (D) against (N, D)) is used as it is
        Object rowA = a.size() == len && la == 1 ? null : zerosAs(out, new int[]{len}).storage();
        Object rowB = b.size() == len && lb == 1 ? null : zerosAs(out, new int[]{len}).storage();
        Object result = zerosAs(out, new int[]{len}).storage();
        int[] idx = new int[n];
        for (int o = 0, ia = 0, ib = 0; o < size; o += len) {
            if (rowA != null) Strided.copy(x, ia, la, rowA, 0, 1, len);
            if (rowB != null) Strided.copy(y, ib, lb, rowB, 0, 1, len);
            rows(f, fast, rowA != null ? rowA : x, rowB != null ? rowB : y, result, len);
            Strided.copy(result, 0, 1, z, o, 1, len);
            for (int d = n - 2; d >= 0; d--) { // the next row: the axes before the last, as an odometer
                idx[d]++;
                ia += sa[d];
                ib += sb[d];
                if (idx[d] < s[d]) break;
                ia -= sa[d] * s[d];
                ib -= sb[d] * s[d];
                idx[d] = 0;
            }
        }
    }

    /** {@code out[j] = f(a[j], b[j])} (or a op b, or a for {@link Op#FIRST}) for j &lt; len, on three double[] or three float[]. */
    private static void rows(DoubleBinaryOperator f, Op op, Object a, Object b, Object out, int len) {
        if (op == Op.FIRST) Strided.copy(a, 0, 1, out, 0, 1, len);
        else if (out instanceof float[] z) rows(f, op, (float[]) a, (float[]) b, z, len);
        else rows(f, op, (double[]) a, (double[]) b, (double[]) out, len);
    }

    /**
     * The element loops of {@link #combine} on float64, which the JIT vectorizes for + − × ÷ (out
     * may be a or b: each element is read before it is written). The float32 loops below are the
     * same: Java has no generics over {@code double[]} and {@code float[]}.
     */
    private static void rows(DoubleBinaryOperator f, Op op, double[] a, double[] b, double[] out, int len) {
        if (op == Op.ADD) for (int j = 0; j < len; j++) out[j] = a[j] + b[j];
        else if (op == Op.SUB) for (int j = 0; j < len; j++) out[j] = a[j] - b[j];
        else if (op == Op.MUL) for (int j = 0; j < len; j++) out[j] = a[j] * b[j];
        else if (op == Op.DIV) for (int j = 0; j < len; j++) out[j] = a[j] / b[j];
        else for (int j = 0; j < len; j++) out[j] = f.applyAsDouble(a[j], b[j]);
    }

    private static void rows(DoubleBinaryOperator f, Op op, float[] a, float[] b, float[] out, int len) {
        if (op == Op.ADD) for (int j = 0; j < len; j++) out[j] = a[j] + b[j];
        else if (op == Op.SUB) for (int j = 0; j < len; j++) out[j] = a[j] - b[j];
        else if (op == Op.MUL) for (int j = 0; j < len; j++) out[j] = a[j] * b[j];
        else if (op == Op.DIV) for (int j = 0; j < len; j++) out[j] = a[j] / b[j];
        else for (int j = 0; j < len; j++) out[j] = (float) f.applyAsDouble(a[j], b[j]);
    }

    /** The shape two operands broadcast to, or a ShapeException naming both. */
    public static int[] broadcastShape(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1)
                throw ShapeException.of(op, "operands could not be broadcast together", a, b);
            s[i] = da == 1 ? db : da;
        }
        return s;
    }

    /** Strides for reading an array of shape {@code from} as if it had shape {@code to} (0 on broadcast axes). */
    private static int[] broadcastStrides(int[] from, int[] to) {
        int n = to.length, off = n - from.length;
        int[] st = new int[n];
        int[] fs = strides(from);
        for (int i = 0; i < n; i++) st[i] = i < off || from[i - off] == 1 ? 0 : fs[i - off];
        return st;
    }

    // ------------------------------------------------------------------ in place

    /** {@code this += o} (o broadcasts to this shape). */
    public NDArray addi(NDArray o) { return inplace("add", o, Op.ADD); }
    /** {@code this -= o} */
    public NDArray subi(NDArray o) { return inplace("subtract", o, Op.SUB); }
    /** {@code this *= o} */
    public NDArray muli(NDArray o) { return inplace("multiply", o, Op.MUL); }
    /** {@code this /= o} */
    public NDArray divi(NDArray o) { return inplace("divide", o, Op.DIV); }

    public NDArray addi(double s) {
        if (fdata != null) for (int i = 0; i < fdata.length; i++) fdata[i] = (float) (fdata[i] + s);
        else for (int i = 0; i < data.length; i++) data[i] += s;
        return this;
    }

    public NDArray subi(double s) {
        return addi(-s);
    }

    public NDArray muli(double s) {
        if (fdata != null) for (int i = 0; i < fdata.length; i++) fdata[i] = (float) (fdata[i] * s);
        else for (int i = 0; i < data.length; i++) data[i] *= s;
        return this;
    }

    public NDArray divi(double s) {
        if (fdata != null) for (int i = 0; i < fdata.length; i++) fdata[i] = (float) (fdata[i] / s);
        else for (int i = 0; i < data.length; i++) data[i] /= s;
        return this;
    }

    /** {@code this += alpha * x} (same shape): the update {@code W -= lr * dW} is {@code W.axpyi(-lr, dW)}. */
    public NDArray axpyi(double alpha, NDArray x) {
        if (!Arrays.equals(shape, x.shape)) throw ShapeException.of("axpy", "shapes must match", shape, x.shape);
        // computed in double and rounded once into this dtype, whatever x's
        float[] f = fdata, xf = x.fdata;
        double[] d = data, xd = x.data;
        if (f != null && xf != null) for (int i = 0; i < f.length; i++) f[i] = (float) (f[i] + alpha * xf[i]);
        else if (f != null) for (int i = 0; i < f.length; i++) f[i] = (float) (f[i] + alpha * xd[i]);
        else if (xf != null) for (int i = 0; i < d.length; i++) d[i] += alpha * xf[i];
        else for (int i = 0; i < d.length; i++) d[i] += alpha * xd[i];
        return this;
    }

    /** Copies o's values into this array (o broadcasts to this shape): {@code x[...] = o}. */
    public NDArray assign(NDArray o) {
        return storeFrom(o.broadcastTo("assign", shape));
    }

    /** Sets every element: {@code x[...] = v}. */
    public NDArray fill(double v) {
        if (fdata != null) Arrays.fill(fdata, (float) v);
        else Arrays.fill(data, v);
        return this;
    }

    /** {@code this op= o}: o, rounded to this dtype, must broadcast to this shape (numpy's rule for an output operand). */
    private NDArray inplace(String op, NDArray o, Op kind) {
        o = o.astype(dtype());
        if (!Arrays.equals(o.shape, shape)) o.checkBroadcastsTo(op, shape);
        combine(this, o, this, null, kind);
        return this;
    }

    // ------------------------------------------------------------------ reductions

    /** The sum of all values, accumulated in double whatever the dtype. */
    public double sum() {
        double s = 0;
        if (fdata != null) for (float v : fdata) s += v;
        else for (double v : data) s += v;
        return s;
    }

    public double mean() {
        if (size() == 0) throw new ShapeException("mean: empty array of shape " + shapeString());
        return sum() / size();
    }

    public double max() {
        if (size() == 0) throw new ShapeException("max: zero-size array of shape " + shapeString() + " has no maximum");
        if (fdata != null) return wide().max();
        double m = Double.NEGATIVE_INFINITY;
        for (double v : data) if (v > m || Double.isNaN(v)) m = v;
        return m;
    }

    public double min() {
        if (size() == 0) throw new ShapeException("min: zero-size array of shape " + shapeString() + " has no minimum");
        if (fdata != null) return wide().min();
        double m = Double.POSITIVE_INFINITY;
        for (double v : data) if (v < m || Double.isNaN(v)) m = v;
        return m;
    }

    /** Index of the largest value in the flattened array (first on ties). */
    public int argmax() {
        int n = size();
        if (n == 0) throw new ShapeException("argmax: zero-size array of shape " + shapeString());
        int best = 0;
        for (int i = 1; i < n; i++) if (at(i) > at(best)) best = i;
        return best;
    }

    public NDArray sum(int axis) { return sum(axis, false); }
    public NDArray mean(int axis) { return mean(axis, false); }
    public NDArray max(int axis) { return max(axis, false); }
    public NDArray min(int axis) { return min(axis, false); }

    /** {@code np.sum(x, axis, keepdims)} */
    public NDArray sum(int axis, boolean keepdims) {
        return reduce("sum", axis, keepdims, 0.0, SUM, false);
    }

    /** {@code np.mean(x, axis, keepdims)} */
    public NDArray mean(int axis, boolean keepdims) {
        int n = shape[axis(axis, "mean")];
        if (n == 0) throw new ShapeException("mean: axis " + axis + " of shape " + shapeString() + " is empty");
        return sum(axis, keepdims).divi(n);
    }

    /** {@code np.var(x, axis, keepdims)}: mean squared deviation (population variance, ddof 0). */
    public NDArray var(int axis, boolean keepdims) {
        NDArray mu = mean(axis, true);
        NDArray v = sub(mu).square().mean(axis, true);
        return keepdims ? v : v.reshape(dropAxis(shape, axis(axis, "var")));
    }

    /** {@code np.max(x, axis, keepdims)} */
    public NDArray max(int axis, boolean keepdims) {
        return reduce("max", axis, keepdims, Double.NEGATIVE_INFINITY, Math::max, true);
    }

    /** {@code np.min(x, axis, keepdims)} */
    public NDArray min(int axis, boolean keepdims) {
        return reduce("min", axis, keepdims, Double.POSITIVE_INFINITY, Math::min, true);
    }

    /** {@code np.argmax(x, axis)}: indices (as doubles) of the largest values along the axis. */
    public NDArray argmax(int axis) {
        int ax = axis(axis, "argmax");
        if (shape[ax] == 0) throw new ShapeException("argmax: axis " + axis + " of shape " + shapeString() + " is empty");
        int outer = prod(shape, 0, ax), len = shape[ax], inner = prod(shape, ax + 1, shape.length);
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i, best = 0;
                double bv = at(base);
                for (int k = 1; k < len; k++) {
                    double v = at(base + k * inner);
                    if (v > bv) { bv = v; best = k; }
                }
                out[o * inner + i] = best;
            }
        return new NDArray(out, dropAxis(shape, ax));
    }

    private static final DoubleBinaryOperator SUM = Double::sum;

    private NDArray reduce(String op, int axis, boolean keepdims, double init, DoubleBinaryOperator f, boolean needsData) {
        int ax = axis(axis, op);
        if (needsData && shape[ax] == 0)
            throw new ShapeException(op + ": zero-size axis " + axis + " of shape " + shapeString() + " has no identity");
        int outer = prod(shape, 0, ax), len = shape[ax], inner = prod(shape, ax + 1, shape.length);
        double[] out = new double[outer * inner];
        Arrays.fill(out, init);
        float[] fd = fdata;
        for (int o = 0; o < outer; o++) {
            int ob = o * inner;
            for (int k = 0; k < len; k++) {
                int base = (o * len + k) * inner;
                if (fd != null) {
                    if (f == SUM) for (int i = 0; i < inner; i++) out[ob + i] += fd[base + i];
                    else for (int i = 0; i < inner; i++) out[ob + i] = f.applyAsDouble(out[ob + i], fd[base + i]);
                } else if (f == SUM) for (int i = 0; i < inner; i++) out[ob + i] += data[base + i]; // the hot one (bias gradients), inlined
                else for (int i = 0; i < inner; i++) out[ob + i] = f.applyAsDouble(out[ob + i], data[base + i]);
            }
        }
        int[] s;
        if (keepdims) {
            s = shape.clone();
            s[ax] = 1;
        } else s = dropAxis(shape, ax);
        return narrowIf(fd != null, new NDArray(out, s)); // float32 sums accumulate in double, rounded once
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * {@code np.dot(a, b)} for 1-D and 2-D operands: matrix×matrix, matrix×vector, vector×matrix,
     * and the inner product of two vectors (as a 0-D array).
     */
    public NDArray dot(NDArray b) {
        return matmul(b);
    }

    /** Matrix product (the {@code @} operator) of 1-D/2-D arrays; see {@link #dot}. */
    public NDArray matmul(NDArray b) {
        if (shape.length == 0 || b.shape.length == 0 || shape.length > 2 || b.shape.length > 2)
            throw ShapeException.of("matmul", "only 1-D and 2-D operands are supported", shape, b.shape);
        boolean aVec = shape.length == 1, bVec = b.shape.length == 1;
        int m = aVec ? 1 : shape[0], k = aVec ? shape[0] : shape[1];
        int kb = b.shape[0], n = bVec ? 1 : b.shape[1];
        if (k != kb)
            throw ShapeException.of("matmul", "inner dimensions " + k + " != " + kb, shape, b.shape);
        int[] s = aVec && bVec ? new int[0] : aVec ? new int[]{n} : bVec ? new int[]{m} : new int[]{m, n};
        return product(false, false, m, n, k, b, s);
    }

    /** op(this)·op(b) into a new array of shape s: float32 (sgemm) for two float32 operands, else float64. */
    private NDArray product(boolean transA, boolean transB, int m, int n, int k, NDArray b, int[] s) {
        boolean f32 = fdata != null && b.fdata != null;
        NDArray c = zeros(f32 ? Dtype.FLOAT32 : Dtype.FLOAT64, s);
        Gemm.gemm(transA, transB, m, n, k, f32 ? this : wide(), f32 ? b : b.wide(), c);
        return c;
    }

    /** {@code a.T @ b} without materialising the transpose (Affine's {@code dW = x.T @ dout}). */
    public NDArray tdot(NDArray b) {
        if (shape.length != 2 || b.shape.length != 2)
            throw ShapeException.of("matmul", "transposed product needs 2-D operands", shape, b.shape);
        if (shape[0] != b.shape[0])
            throw new ShapeException("matmul: " + ShapeException.fmt(shape[1], shape[0]) + " x " + b.shapeString()
                    + ": inner dimensions " + shape[0] + " != " + b.shape[0] + " (left operand is the transpose of "
                    + shapeString() + ")");
        return product(true, false, shape[1], b.shape[1], shape[0], b, new int[]{shape[1], b.shape[1]});
    }

    /** {@code a @ b.T} without materialising the transpose (Affine's {@code dx = dout @ W.T}). */
    public NDArray dott(NDArray b) {
        if (shape.length != 2 || b.shape.length != 2)
            throw ShapeException.of("matmul", "transposed product needs 2-D operands", shape, b.shape);
        if (shape[1] != b.shape[1])
            throw new ShapeException("matmul: " + shapeString() + " x " + ShapeException.fmt(b.shape[1], b.shape[0])
                    + ": inner dimensions " + shape[1] + " != " + b.shape[1] + " (right operand is the transpose of "
                    + b.shapeString() + ")");
        return product(false, true, shape[0], b.shape[0], shape[1], b, new int[]{shape[0], b.shape[0]});
    }

    // ------------------------------------------------------------------ comparison and printing

    /** Same shape and every value within {@code atol + rtol·|other|}: {@code np.allclose}. */
    public boolean allclose(NDArray other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) return false;
        for (int i = 0, n = size(); i < n; i++) {
            double a = at(i), b = other.at(i);
            if (Double.isNaN(a) || Double.isNaN(b) || Math.abs(a - b) > atol + rtol * Math.abs(b)) return false;
        }
        return true;
    }

    public boolean allclose(NDArray other) {
        return allclose(other, 1e-5, 1e-8);
    }

    /** True when any element is NaN or infinite. */
    public boolean hasNonFinite() {
        for (int i = 0, n = size(); i < n; i++) if (!Double.isFinite(at(i))) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NDArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data)
                && Arrays.equals(fdata, a.fdata);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + (fdata != null ? Arrays.hashCode(fdata) : Arrays.hashCode(data));
    }

    /** numpy-like printing; large arrays are summarised with {@code ...} like numpy does. */
    @Override
    public String toString() {
        return Printer.format(this);
    }

    // ------------------------------------------------------------------ helpers

    int axis(int axis, String op) {
        int a = axis < 0 ? axis + shape.length : axis;
        if (a < 0 || a >= shape.length)
            throw new ShapeException(op + ": axis " + axis + " is out of bounds for array of dimension " + shape.length
                    + " (shape " + shapeString() + ")");
        return a;
    }

    static int[] strides(int[] s) {
        int[] st = new int[s.length];
        int acc = 1;
        for (int i = s.length - 1; i >= 0; i--) {
            st[i] = acc;
            acc *= s[i];
        }
        return st;
    }

    private static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }

    private static int[] dropAxis(int[] s, int ax) {
        int[] out = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != ax) out[j++] = s[i];
        return out;
    }

    private static int[] checkShape(String op, int[] shape) {
        for (int d : shape)
            if (d < 0) throw new ShapeException(op + ": negative dimensions are not allowed: " + ShapeException.fmt(shape));
        long size = 1;
        for (int d : shape) size *= d;
        if (size > Integer.MAX_VALUE - 8)
            throw new ShapeException(op + ": shape " + ShapeException.fmt(shape) + " has " + size + " elements, more than a Java array holds");
        return shape.clone();
    }

    static int sizeOf(int[] s) {
        long p = 1;
        for (int d : s) p *= d;
        return (int) p;
    }
}
