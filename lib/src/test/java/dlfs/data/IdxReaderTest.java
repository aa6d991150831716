package dlfs.data;

import dlfs.nd.NDArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class IdxReaderTest {
    @TempDir
    Path tmp;

    /** 3 images of 2x4 with values 0..23 scaled into 0..255 (k*11). */
    private static NDArray images() {
        double[] d = new double[3 * 2 * 4];
        for (int i = 0; i < d.length; i++) d[i] = i * 11;
        return NDArray.of(d, 3, 2, 4);
    }

    @Test
    void writesAndReadsRawAndGzip() {
        for (String name : new String[]{"x-idx3-ubyte", "x-idx3-ubyte.gz"}) {
            Path f = tmp.resolve(name);
            IdxReader.write(f, images());
            NDArray back = IdxReader.read(f);
            assertArrayEquals(new int[]{3, 2, 4}, back.shape(), name);
            assertEquals(253.0, back.get(2, 1, 3), name);
            assertEquals(11.0 * 13, back.get(1, 1, 1), name);
            assertArrayEquals(images().data(), back.data(), name);
        }
    }

    @Test
    void rawFileIsExactlyHeaderPlusBytes() throws IOException {
        Path f = tmp.resolve("labels-idx1-ubyte");
        IdxReader.write(f, NDArray.of(new double[]{7, 2, 1, 255}, 4));
        byte[] b = Files.readAllBytes(f);
        assertArrayEquals(new byte[]{0, 0, 8, 1, 0, 0, 0, 4, 7, 2, 1, (byte) 255}, b);
    }

    @Test
    void gzipIsDetectedByContentNotName() throws IOException {
        Path gz = tmp.resolve("a.gz");
        IdxReader.write(gz, images());
        Path named = tmp.resolve("no-extension");
        Files.copy(gz, named);
        assertArrayEquals(images().data(), IdxReader.read(named).data());
    }

    @Test
    void readsOtherElementTypes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 2 * 8);
        b.putInt(0x00000E01).putInt(2).putDouble(-1.5).putDouble(1e300);
        Path f = tmp.resolve("doubles");
        Files.write(f, b.array());
        assertArrayEquals(new double[]{-1.5, 1e300}, IdxReader.read(f).data());
        ByteBuffer s = ByteBuffer.allocate(4 + 8 + 4 * 2);
        s.putInt(0x00000B02).putInt(2).putInt(2).putShort((short) -3).putShort((short) 300)
                .putShort((short) 0).putShort((short) 7);
        Path g = tmp.resolve("shorts");
        Files.write(g, s.array());
        NDArray a = IdxReader.read(g);
        assertArrayEquals(new int[]{2, 2}, a.shape());
        assertArrayEquals(new double[]{-3, 300, 0, 7}, a.data());
    }

    @Test
    void badMagicNamesFileAndNumber() throws IOException {
        Path f = tmp.resolve("t10k-images-idx3-ubyte");
        Files.write(f, new byte[]{0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0});
        DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": bad magic number 0x12345678"), e.getMessage());
        assertEquals(f, e.file());
        // right leading zeros, unknown type 0x07
        Files.write(f, new byte[]{0, 0, 7, 1, 0, 0, 0, 1, 5});
        assertTrue(assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("bad magic number 0x00000701"));
    }

    /** The images written to name, then cut to (or padded to) length(file) + delta bytes. */
    private Path resized(String name, int delta) throws IOException {
        Path f = tmp.resolve(name);
        IdxReader.write(f, images());
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length + delta));
        return f;
    }

    @Test
    void truncatedDataSaysExpectedAndGot() throws IOException {
        Path f = resized("cut-idx3-ubyte", -5);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.read(f));
        assertEquals(f + ": truncated: expected 3*2*4 = 24 bytes of data after the 16-byte"
                + " header, got 19", e.getMessage());
    }

    @Test
    void extraBytesAreAnError() throws IOException {
        Path f = resized("long", 3);
        assertTrue(assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("too long: expected 3*2*4 = 24 bytes of data after the 16-byte header,"
                        + " got 27"));
    }

    @Test
    void truncatedHeaderAndShortFile() throws IOException {
        Path f = tmp.resolve("hdr");
        Files.write(f, new byte[]{0, 0, 8, 3, 0, 0, 0, 10, 0, 0});
        assertTrue(assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("truncated header: 3 dimensions need 16 header bytes, the file has 10"));
        Files.write(f, new byte[]{0, 0});
        assertTrue(assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("too short for an IDX file: 2 bytes"));
    }

    @Test
    void nonPositiveDimension() throws IOException {
        Path f = tmp.resolve("zero");
        Files.write(f, new byte[]{0, 0, 8, 2, 0, 0, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF});
        assertTrue(assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("dimension 1 is -1, must be positive"));
    }

    @Test
    void truncatedGzip() throws IOException {
        Path f = tmp.resolve("cut.gz");
        IdxReader.write(f, images());
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": truncated gzip stream"), e.getMessage());
    }

    @Test
    void corruptedGzipFailsItsCheck() throws IOException {
        // a payload big enough that a flipped byte lands in the deflate data or the CRC
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(new byte[]{0, 0, 8, 1, 0, 0, 0x10, 0});
        for (int i = 0; i < 4096; i++) raw.write(i * 7);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream os = new GZIPOutputStream(gz)) {
            os.write(raw.toByteArray());
        }
        byte[] b = gz.toByteArray();
        b[b.length - 6] ^= 0x5A; // inside the CRC-32 trailer
        Path f = tmp.resolve("crc.gz");
        Files.write(f, b);
        DataFileException e = assertThrows(DataFileException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": corrupted gzip stream"), e.getMessage());
    }

    @Test
    void dotGzThatIsNotGzip() throws IOException {
        Path f = tmp.resolve("plain.gz");
        Files.write(f, new byte[]{0, 0, 8, 1, 0, 0, 0, 1, 9});
        assertTrue(assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage()
                .contains("named .gz but is not gzip-compressed (it starts with 0x0000"));
    }

    @Test
    void missingFile() {
        Path f = tmp.resolve("nope.gz");
        assertEquals(f + ": no such file",
                assertThrows(DataFileException.class, () -> IdxReader.read(f)).getMessage());
    }

    @Test
    void writeRejectsNonBytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.write(tmp.resolve("w"), NDArray.of(new double[]{1, 0.5}, 2)));
        assertTrue(e.getMessage().contains("value 0.5 at flat index 1 is not an integer in 0..255"));
        assertThrows(IllegalArgumentException.class,
                () -> IdxReader.write(tmp.resolve("w"), NDArray.of(new double[]{256}, 1)));
    }
}
