package dlfs.data;

import dlfs.nd.Dtype;
import dlfs.nd.NDArray;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX format that MNIST and Fashion-MNIST come in (the book's
 * {@code dataset/mnist.py} reads the same files with numpy; chapter 3.6 "handwritten digit
 * recognition").
 *
 * <p>An IDX file is a header and then the data, all big-endian:
 * <pre>
 *   bytes 0-1   0x0000
 *   byte  2     element type: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double
 *   byte  3     number of dimensions d
 *   4*d bytes   each dimension as an int32 (MNIST images: N, 28, 28; labels: N)
 *   then        N*rows*cols... elements
 * </pre>
 * So images start with the magic number {@code 0x00000803} and labels with {@code 0x00000801}.
 * A file is gzip-compressed when it starts with gzip's own magic {@code 1f 8b} (whatever its name).
 *
 * <p>{@link #read} checks everything and fails with a {@link DataFileException} naming the file
 * and what is wrong: bad magic number, unknown type, a dimension that is not positive, too few
 * bytes (truncated), bytes left over, a truncated or corrupted gzip stream.
 */
public final class IdxReader {
    private IdxReader() {
    }

    /** Type code of unsigned bytes, the type of every MNIST file. */
    public static final int UBYTE = 0x08;

    /**
     * Reads an IDX file, raw or gzip-compressed, into an NDArray of the file's shape: ubyte
     * images (N, rows, cols) with values 0..255, labels (N).
     *
     * @throws DataFileException naming the file and what is wrong with it
     */
    public static NDArray read(Path file) {
        return read(file, Dtype.FLOAT64);
    }

    /**
     * The same into an array of {@code dtype}: FLOAT32 holds ubyte images (0..255, exact in
     * float32) in half the memory, read straight from the bytes without a float64 copy.
     *
     * @throws DataFileException naming the file and what is wrong with it
     */
    public static NDArray read(Path file, Dtype dtype) {
        byte[] bytes = contents(file);
        if (bytes.length < 4) {
            throw new DataFileException(file, "too short for an IDX file: " + bytes.length
                    + " bytes, the header alone is at least 8");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int magic = buf.getInt();
        int type = (magic >>> 8) & 0xFF;
        int ndim = magic & 0xFF;
        if ((magic >>> 16) != 0 || typeSize(type) == 0 || ndim == 0) {
            throw new DataFileException(file, String.format("bad magic number 0x%08X: an IDX file"
                    + " starts with 0x0000, a type code (0x08 ubyte .. 0x0E double) and the number"
                    + " of dimensions (MNIST images 0x00000803, labels 0x00000801)", magic));
        }
        int headerBytes = 4 + 4 * ndim;
        if (bytes.length < headerBytes) {
            throw new DataFileException(file, "truncated header: " + ndim + " dimensions need "
                    + headerBytes + " header bytes, the file has " + bytes.length);
        }
        int[] shape = new int[ndim];
        long count = 1;
        StringJoiner dims = new StringJoiner("*");
        for (int i = 0; i < ndim; i++) {
            shape[i] = buf.getInt();
            if (shape[i] <= 0) {
                throw new DataFileException(file, "dimension " + i + " is " + shape[i]
                        + ", must be positive");
            }
            count *= shape[i];
            dims.add(Integer.toString(shape[i]));
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, "dimensions " + dims + " = " + count
                    + " elements, too many for one array");
        }
        long expected = count * typeSize(type);
        long got = bytes.length - headerBytes;
        if (got != expected) {
            String what = got < expected ? "truncated" : "too long";
            throw new DataFileException(file, String.format("%s: expected %s = %d %s of data after"
                    + " the %d-byte header, got %d", what, dims, expected,
                    type == UBYTE ? "bytes" : "bytes (" + typeSize(type) + " per element)",
                    headerBytes, got));
        }
        if (dtype == Dtype.FLOAT32 && type == UBYTE) {
            float[] pixels = new float[(int) count];
            for (int i = 0; i < pixels.length; i++) pixels[i] = bytes[headerBytes + i] & 0xFF;
            return NDArray.of(pixels, shape);
        }
        double[] data = new double[(int) count];
        switch (type) {
            case 0x08 -> {
                for (int i = 0; i < data.length; i++) data[i] = bytes[headerBytes + i] & 0xFF;
            }
            case 0x09 -> {
                for (int i = 0; i < data.length; i++) data[i] = bytes[headerBytes + i];
            }
            case 0x0B -> {
                for (int i = 0; i < data.length; i++) data[i] = buf.getShort();
            }
            case 0x0C -> {
                for (int i = 0; i < data.length; i++) data[i] = buf.getInt();
            }
            case 0x0D -> {
                for (int i = 0; i < data.length; i++) data[i] = buf.getFloat();
            }
            default -> {
                for (int i = 0; i < data.length; i++) data[i] = buf.getDouble();
            }
        }
        return NDArray.of(data, shape).astype(dtype);
    }

    /**
     * Writes an NDArray of integers 0..255 as an IDX ubyte file of the array's shape,
     * gzip-compressed when the name ends in {@code .gz}. Used to ship and to test data.
     *
     * @throws IllegalArgumentException if a value is not an integer in 0..255
     */
    public static void write(Path file, NDArray a) {
        int[] shape = a.shape();
        double[] data = a.data();
        byte[] out = new byte[4 + 4 * shape.length + data.length];
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN);
        buf.putInt((UBYTE << 8) | shape.length);
        for (int d : shape) buf.putInt(d);
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (v != Math.rint(v) || v < 0 || v > 255) {
                throw new IllegalArgumentException("IdxReader.write " + file + ": value " + v
                        + " at flat index " + i + " is not an integer in 0..255 (ubyte)");
            }
            buf.put((byte) (int) v);
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            if (file.getFileName().toString().endsWith(".gz")) {
                try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file))) {
                    os.write(out);
                }
            } else {
                Files.write(file, out);
            }
        } catch (IOException e) {
            throw new DataFileException(file, "cannot write: " + e, e);
        }
    }

    /** The file's bytes, gunzipped when the file starts with gzip's magic 1f 8b. */
    static byte[] contents(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "no such file", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e, e);
        }
        boolean gzip = raw.length >= 2 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b;
        if (!gzip) {
            if (file.getFileName().toString().endsWith(".gz")) {
                throw new DataFileException(file, "named .gz but is not gzip-compressed (it starts"
                        + " with " + (raw.length < 2 ? raw.length + " byte(s)"
                        : String.format("0x%02X%02X", raw[0], raw[1])) + ", gzip with 0x1F8B)");
            }
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(raw.length * 4, 1 << 16));
            in.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw new DataFileException(file, "truncated gzip stream (" + raw.length
                    + " compressed bytes end before the data does): download it again", e);
        } catch (ZipException e) {
            throw new DataFileException(file, "corrupted gzip stream (" + e.getMessage()
                    + "): download it again", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot decompress: " + e, e);
        }
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }
}
