package dlfs.data;

import java.nio.file.Path;

/**
 * A data file that cannot be used: missing, truncated, corrupted, or not what its name says
 * (a bad IDX magic number, a wrong length, a failed checksum, every download mirror failing).
 * The message always starts with the file, then says what is wrong, e.g.
 * {@code data/mnist/t10k-images-idx3-ubyte.gz: truncated: expected 10000*28*28 = 7840000 bytes
 * of data after the 16-byte header, got 1234}.
 */
public class DataFileException extends RuntimeException {
    private final transient Path file;

    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
