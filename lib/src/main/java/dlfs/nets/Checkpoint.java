package dlfs.nets;

import dlfs.nd.NDArray;
import dlfs.nd.ShapeException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trained parameters on disk (ch7: the book pickles {@code params} in {@code save_params} /
 * {@code load_params}; this is a documented format that Java and Python can both read).
 *
 * <h2>Format, version 1</h2>
 * All numbers big-endian ({@link DataOutputStream}); strings are Java "modified UTF-8" with a
 * 2-byte length ({@code writeUTF}).
 * <pre>
 *   8 bytes   magic "DLFSPARM"
 *   int32     format version (1)
 *   string    architecture: a one-line description of the net that made the file, e.g.
 *             "MultiLayerNet(input=784, hidden=[100, 100], output=10, activation=relu)"
 *   int32     number of arrays K
 *   K times:  string name ("W1", "b1", "gamma1", "running_mean1", ...)
 *             int32 ndim, ndim × int32 shape
 *             prod(shape) × float64 values, row-major
 *   8 bytes   end marker "DLFSEND\n"
 * </pre>
 * Loading checks the magic, the version, the architecture (it must equal the loading net's, or
 * the error shows both), every array's name and shape, and the end marker, so a file of another
 * net or a truncated file fails with a message saying what differs.
 */
public record Checkpoint(String architecture, Map<String, NDArray> arrays) {
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "DLFSPARM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "DLFSEND\n".getBytes(StandardCharsets.US_ASCII);

    public Checkpoint {
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** Writes {@code arrays} (in their map order) with the architecture line to {@code file}. */
    public static void save(Path file, String architecture, Map<String, NDArray> arrays) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(architecture);
                out.writeInt(arrays.size());
                for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
                    NDArray a = e.getValue();
                    out.writeUTF(e.getKey());
                    out.writeInt(a.ndim());
                    for (int d : a.shape()) out.writeInt(d);
                    for (double v : a.data()) out.writeDouble(v);
                }
                out.write(END);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write parameters to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a file written by {@link #save}, checking its magic, version and completeness. */
    public static Checkpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC))
                throw new IllegalArgumentException(file + " is not a DLFS parameter file (it does not start with \"DLFSPARM\")");
            int version = in.readInt();
            if (version != VERSION)
                throw new IllegalArgumentException(file + ": parameter file format version " + version + ", this library reads version " + VERSION);
            String arch = in.readUTF();
            int k = in.readInt();
            if (k < 0 || k > 100_000) throw new IllegalArgumentException(file + ": corrupt header (" + k + " arrays)");
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                String name = in.readUTF();
                int nd = in.readInt();
                if (nd < 0 || nd > 32) throw new IllegalArgumentException(file + ": corrupt entry '" + name + "' (ndim " + nd + ")");
                int[] shape = new int[nd];
                long size = 1;
                for (int d = 0; d < nd; d++) {
                    shape[d] = in.readInt();
                    if (shape[d] < 0) throw new IllegalArgumentException(file + ": corrupt entry '" + name + "' (negative dimension)");
                    size *= shape[d];
                }
                if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(file + ": entry '" + name + "' is too large");
                double[] data = new double[(int) size];
                for (int j = 0; j < data.length; j++) data[j] = in.readDouble();
                arrays.put(name, NDArray.of(data, shape));
            }
            byte[] end = new byte[END.length];
            in.readFully(end);
            if (!Arrays.equals(end, END) || in.read() != -1)
                throw new IllegalArgumentException(file + ": no end marker after the " + k + " arrays (corrupt file)");
            return new Checkpoint(arch, arrays);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated: it ends before the parameters it announces (re-save it)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read parameters from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies this checkpoint's arrays into {@code target} (live arrays, by name), after checking
     * that the architecture line is {@code expectedArchitecture} and that names and shapes match
     * exactly; nothing is changed if anything differs.
     */
    public void copyInto(String expectedArchitecture, Map<String, NDArray> target) {
        if (!architecture.equals(expectedArchitecture))
            throw new IllegalArgumentException("parameter file is for another architecture:\n  file: " + architecture
                    + "\n  net:  " + expectedArchitecture);
        if (!arrays.keySet().equals(target.keySet()))
            throw new IllegalArgumentException("parameter file has arrays " + arrays.keySet() + " but the net has " + target.keySet());
        for (Map.Entry<String, NDArray> e : target.entrySet()) {
            NDArray src = arrays.get(e.getKey());
            if (!Arrays.equals(src.shape(), e.getValue().shape()))
                throw new ShapeException("parameter '" + e.getKey() + "' has shape " + src.shapeString() + " in the file but "
                        + e.getValue().shapeString() + " in the net");
        }
        for (Map.Entry<String, NDArray> e : target.entrySet()) e.getValue().assign(arrays.get(e.getKey()));
    }
}
